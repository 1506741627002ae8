/**
 * Spanish lexicon. Patterns are regex sources over normalised text: lowercase,
 * accents stripped (so "corazón" → "corazon", "año" → "ano"), common
 * misspellings corrected. Written for patients who type without accents and in
 * informal registers (Mexican/Central American usage included).
 */
import { CHEST_BENIGN, NEAR_FAINT, NEEDLE_FAINT, RESOLVED_FAINT } from './lexicon-shared.js';
import type { SignalDef } from './types.js';

const MI = '(?:el|la|los|las|mi|mis|su|sus|un|una)';
const NO_PUEDE =
  '(?:no|casi no|ya no|apenas|no me deja|no le deja) (?:puedo|puede|podia|pudo|pude|podemos|pueden|logro|logra)';
const PASTILLAS =
  '(?:pastillas?|pildoras?|tabletas?|capsulas?|medicinas?|medicamentos?|tylenol|advil|aspirinas?|ibuprofeno|paracetamol|acetaminofen|xanax|clonazepam|insulina|somniferos|calmantes|pastillas para dormir)';
const IDIOM_BILL =
  'cuenta|factura|cobro|cobraron|precio|costo|deducible|seguro|pagar|casi|me va a dar|me vas a dar|me van a dar|me dio (?:[a-z]+ )?cuando vi|jaja|jeje|bill|insurance';

export const ES_SIGNALS: readonly SignalDef[] = [
  // ───────────── emergencias ─────────────
  {
    code: 'chest-pain',
    level: 'emergency',
    patterns: [
      'dolor(?:es)? (?:[a-z0-9]+ ){0,2}(?:de|en el|en mi|del|al|en su|en) pecho',
      '(?:me|le|nos) (?:duele|duelen|dolia|esta doliendo|arde|aprieta|apretaba|pesa|quema|punza) (?:mucho |muchisimo |bastante |horrible |fuerte )?(?:el|mi|su) (?:pecho|corazon)',
      'dolor (?:en el|del|de) corazon',
      'pecho (?:me |le )?(?:duele|dolia|aprieta|apretado|oprimido|pesado|arde|quema)',
      '(?:presion|opresion|apreton|peso|ardor|punzada|punzadas|molestia|molestias|tension|piquete|piquetes|apretazon|dolencia) (?:[a-z0-9]+ ){0,2}(?:en|de|del|sobre) (?:el |mi |su |medio del )?pecho',
      '(?:siento|sentir|tengo|tiene|siente) (?:como )?(?:un |una )?(?:peso|presion|opresion|elefante|piedra) (?:en|sobre) (?:el|mi) pecho',
      'dolor (?:que )?(?:me |le )?(?:baja|corre|se corre|se va|se pasa|irradia|sube|se extiende) (?:al|por el|hacia el|a la|hasta el|por la) (?:brazo|quijada|mandibula|cuello|espalda)',
    ],
    downgradeIf: CHEST_BENIGN,
  },
  {
    code: 'heart-attack',
    level: 'emergency',
    patterns: [
      'infarto',
      'ataque (?:al|del) corazon',
      'ataque cardiaco',
      'paro cardiaco',
      'paro cardiorespiratorio',
      'ataque al miocardio',
    ],
    unless: IDIOM_BILL,
  },
  {
    code: 'stroke-signs',
    level: 'emergency',
    patterns: [
      'derrame(?: cerebral)?',
      'embolia',
      'ataque cerebral',
      'accidente cerebro ?vascular',
      'ictus',
      '(?:cara|boca|labio|ojo|sonrisa|parpado|cachete) (?:[a-z0-9]+ ){0,3}(?:caida|caido|torcida|torcido|chueca|chueco|ladeada|ladeado|dormida|paralizada|paralizado|colgando|caida de un lado|desviada|desviado|jalada)',
      'se (?:le|me) (?:cayo|callo|torcio|desvio|puso chueca|chueco|jalo) (?:la cara|la boca|un lado|el labio|media cara|el ojo)',
      'se (?:le|me) (?:durmio|adormecio|entumio|paralizo|entumecio) (?:toda )?(?:la mitad de la cara|la mitad del cuerpo|media cara|un lado|el lado (?:izquierdo|derecho)|la cara)',
      '(?:un lado|lado izquierdo|lado derecho|la mitad|media|mitad) (?:de )?(?:la |su |mi |del )?(?:cara|cuerpo)? ?(?:esta |se siente |se me |se le |lo |la |se )?(?:dormid[ao]|adormecid[ao]|paralizad[ao]|entumid[ao]|sin fuerza|debil|caid[ao]|durmio|adormecio|paralizo)',
      '(?:habla|hablando|voz|palabras|lengua) (?:[a-z0-9]+ ){0,2}(?:arrastrada|arrastradas|arrastrando|rara|raro|enredada|enredadas|trabada|trabadas|mocha|confusa|sin sentido|pesada|torpe|no se le entiende)',
      'arrastra(?:ndo)? (?:las )?palabras',
      `${NO_PUEDE} hablar(?! (?:ahora|ahorita|en este momento|por telefono|al telefono|ingles|espanol|con))`,
      'no (?:le|me) (?:salen|sale) (?:las )?palabras|se le traba la lengua|no se le entiende',
      `(?:${NO_PUEDE} (?:mover|levantar|sentir|usar)|no siento|no siente) ${MI} (?:brazo|brazos|pierna|piernas|mano|lado|cara)`,
      '(?:brazo|pierna|mano|lado|pie) (?:izquierd[ao]|derech[ao]) (?:[a-z0-9]+ ){0,3}(?:dormid[ao]|adormecid[ao]|debil|paralizad[ao]|entumid[ao]|sin fuerza|muert[ao]|pesad[ao]|no (?:lo |la )?(?:puedo|puede) mover)',
      '(?:debilidad|adormecimiento|entumecimiento|paralisis|hormigueo) (?:repentin[ao] |de repente |subit[ao] )?(?:en|de) (?:un|el|todo el|la mitad del|medio) lado',
      '(?:debilidad|adormecimiento|entumecimiento|paralisis) (?:repentin[ao]|de repente|subit[ao])',
      'de repente (?:[a-z0-9]+ ){0,2}(?:no (?:puedo|puede) ver|perdi la vista|perdio la vista|confundid[ao]|no (?:puedo|puede) hablar|no (?:puedo|puede) caminar|no (?:puedo|puede) mover)',
      'perd(?:i|io) la vista|(?:no (?:puedo|puede) ver|perdi la vision|perdio la vision) (?:de|por|con) un ojo|vision doble de repente',
    ],
    unless:
      'golpe de calor|insolacion|dentista|anestesia|muela|dormido sobre|me dormi sobre|tunel carpiano|dormi (?:de lado|encima)',
  },
  {
    code: 'breathing-difficulty',
    level: 'emergency',
    patterns: [
      `${NO_PUEDE} (?:casi )?respirar(?: bien)?`,
      'no (?:me|le) deja respirar',
      '(?:me|le|nos) (?:falta|faltaba|hace falta|hacia falta) (?:el )?(?:aire|aliento|respiracion)',
      'falta de (?:aire|aliento)|sin aire|sin aliento',
      '(?:dificultad|problemas?|trabajo|batallando|batalla) (?:para|al|en|a la hora de) respirar',
      '(?:me|le|nos) cuesta (?:mucho |trabajo )?respirar',
      '(?:me|se|le) (?:estoy |esta |estaba )?ahog(?:o|a|ando|aba|ue)',
      '(?:me|se|le) (?:esta|estoy) asfixiando|asfixi[a-z]*',
      '(?:no|ya no) (?:respira|esta respirando)|dejo de respirar',
      '(?:labios|cara|unas|dedos|boca) (?:[a-z0-9]+ ){0,3}(?:morados|moradas|azules|azulados|azuladas|grises)',
      '(?:se esta|se puso|se pone) (?:morad[ao]|azul)',
      'respira(?:cion|ndo)? (?:[a-z0-9]+ ){0,1}(?:muy )?(?:rapido|agitada|agitado|dificil|con dificultad|entrecortada|con silbido)',
      'no (?:me|le) entra (?:el |nada de )?aire',
      '(?:el )?(?:inhalador|nebulizador|albuterol) no (?:me |le )?(?:ayuda|funciona|sirve|hace nada)',
    ],
    unless: 'ronc[a-z]*|estudio del sueno|apnea|nariz|tapada|tapado|congestion|congestionad[ao]|mocos|resfriado|de tanto (?:reir|correr|gritar|cantar)|de (?:la )?risa|(?:drowning|ahog[a-z]*|suffocat[a-z]*|asfixi[a-z]*) (?:in|en|con|by|de) (?:[a-z]+ )?(?:paperwork|work|bills|debt|emails?|homework|stress|trabajo|deudas|papeles|papeleo|tarea|estres|pendientes)',
    downgradeIf:
      'un poco|poquito|leve|a veces|de vez en cuando|al caminar|al subir|escaleras|cuando camino|cuando subo|cuando hago ejercicio|con ejercicio|hacer ejercicio|al hacer|desde hace (?:semanas|meses)|por semanas|alergias|polen',
  },
  {
    code: 'suicidal-thoughts',
    level: 'emergency',
    noRecentDowngrade: true,
    patterns: [
      'suicid[a-z]*',
      '(?:me )?quiero morir(?:me)?|quisiera morir(?:me)?|quiero estar muert[ao]|me quiero matar|quiero matarme',
      'se (?:quiere|queria|va a|iba a) (?:morir|matar)|me (?:quiero|queria) (?:morir|matar)|quiere morirse|quiere matarse|se va a suicidar',
      'se (?:corta|corto|esta cortando|lastima|hace dano) (?:[a-z0-9]+ ){0,1}(?:los brazos|las munecas|las piernas|las venas|a proposito|a si mism[ao])',
      '(?:quisiera|deseo|desearia|prefiero|preferiria|mejor) (?:estar )?muert[ao]',
      '(?:quitarme|quitarse|quitar(?:me)? la) (?:la )?vida',
      'matarme|me voy a matar|se va a matar|se quiere matar|me quiero matar|pienso matarme',
      '(?:hacerme|hacerse|me hago|me hice|se hizo|se hace) dano|lastimarme|me lastimo a proposito|cortarme(?! (?:las unas|el pelo|el cabello|las puntas))|me corto(?! (?:las unas|el pelo|el cabello))|me corte (?:las |los )?(?:venas|munecas|brazos)|autolesion[a-z]*|me estoy cortando',
      'no quiero (?:seguir )?(?:vivir|viviendo|estar aqui|existir|despertar)|ya no quiero (?:vivir|estar aqui|existir|despertar|seguir)',
      'no vale la pena (?:vivir|seguir)',
      'no tengo (?:razones|razon|motivos?|ganas) (?:para|por|de) (?:vivir|seguir)',
      'acabar con (?:todo|mi vida|esto de una vez)|terminar con mi vida|mejor me muero|ojala (?:me muera|no despierte|estuviera muert[ao])',
      'desaparecer para siempre|dormir para siempre|no despertar nunca',
      'no aguanto (?:mas )?(?:la vida|vivir|esta vida|seguir viviendo)|ya no (?:puedo|aguanto) (?:mas )?con (?:la|mi) vida',
      '(?:me voy a|voy a|quiero|pienso|estoy pensando en) (?:tomar|tragar|tomarme|tragarme) (?:todas? (?:las|mis)|todo el frasco|un frasco|el frasco|muchas|todos (?:los|mis)) (?:[a-z0-9]+ ){0,2}(?:pastillas|pildoras|medicinas|medicamentos|tabletas|frasco)?',
      'cartas? de despedida|despedirme de todos|regalando (?:mis|todas mis) cosas',
      'pensamientos (?:de|sobre) (?:morir|muerte|matarme|hacerme dano|suicid[a-z]*)',
    ],
    unless:
      'de (?:la )?(?:risa|verguenza|ganas|aburrimiento|hambre)|prevencion|linea de ayuda|formulario|cuestionario|no estoy (?:pensando|planeando) en (?:hacerme|matarme|suicid[a-z]*|morir|quitarme)|no (?:soy|me siento) suicida',
  },
  {
    code: 'feels-like-dying',
    level: 'emergency',
    patterns: [
      '(?:siento|siente|sentia|creo|pienso|tengo miedo de) que (?:me|se) (?:muero|muere|voy a morir|va a morir|estoy muriendo|esta muriendo)',
      '(?:me|se) (?:estoy|esta) muriendo',
      'me voy a morir(?! de (?:risa|hambre|ganas|verguenza|aburrimiento|sueno|calor|frio|la risa|los nervios))',
    ],
    unless:
      'de (?:la |el )?(?:risa|ganas|hambre|verguenza|aburrimiento|sueno|calor|frio|curiosidad|nervios|envidia|amor|pena|cansancio|flojera)|jaja|jeje|jajaja',
  },
  {
    code: 'overdose',
    level: 'emergency',
    patterns: [
      'sobre ?dosis|sobredosificacion',
      `(?:se |me )?(?:tomo|tome|trago|trague|comio|comi|ingirio|ingeri|bebio|bebi) (?:[a-z0-9]+ ){0,2}(?:todas? (?:las|mis|sus)|todos (?:los|mis|sus)|muchas|muchos|demasiadas|demasiados|varias|un frasco|el frasco|todo el frasco|una caja|toda la caja|un bote|todo el bote|un monton|un puno|\\d{2,})(?: de)?(?: [a-z]+){0,2} ${PASTILLAS}`,
      `(?:se |me )?(?:tomo|tome|trago|trague|comio|comi) (?:todo el|un|el) (?:frasco|bote|envase|blister) (?:de )?(?:[a-z]+)?`,
      '(?:se |me )?(?:comio|trago|bebio|tomo|tome|trague|bebi|comi) (?:[a-z0-9]+ ){0,3}(?:veneno|detergente|pila|pilas|bateria|baterias|cloro|lejia|raticida|limpiador|quimicos?|anticongelante|gasolina|iman|imanes|capsula de detergente|jabon de (?:ropa|lavar|trastes)|destapacanos|thinner|aguarras)',
      'se comio (?:[a-z0-9]+ ){0,3}(?:pastillas|medicinas|pildoras|medicamentos)',
      '(?:tomo|trago|bebio|tome|trague|bebi|comio) (?:[a-z0-9]+ ){0,8}(?:todo el frasco|toda la botella|todo el bote|toda la caja|el frasco completo|la botella completa|el bote completo)',
      '(?:se )?(?:tomo|comio|trago|bebio) (?:unas |las |algunas |varias |muchas )?(?:[a-z]+ )?(?:pastillas|pildoras|medicinas|tabletas|medicamentos|gomitas|vitaminas|jarabe|medicina) (?:[a-z0-9]+ ){0,2}de (?:su|mi|la|el|sus|mis) (?:abuel[ao]s?|abuelit[ao]s?|mama|papa|tia|tio|herman[ao]|vecin[ao]|otra persona)',
      'envenen[a-z]*|intoxica(?:do|da|cion|dos|das)|centro de (?:control de )?(?:envenenamiento|toxicologia)|monoxido de carbono',
    ],
    unless: 'prevencion|clase|curso|bajo llave',
  },
  {
    code: 'severe-bleeding',
    level: 'emergency',
    patterns: [
      'no (?:para|paro|deja|dejaba|se detiene|se para|se quita|le para|me para|le deja|me deja|se le quita|para la|paraba) (?:de )?(?:sangrar|el sangrado|la sangre|sangrando)',
      '(?:el )?sangrado no (?:para|se detiene|se quita|se para)',
      '(?:sangra|sangrando|sangro|sangre|sangrado|sangraba) (?:[a-z0-9]+ ){0,1}(?:mucho|muchisimo|demasiado|bastante|abundante|sin parar|a chorros|como loco|un chorro|por todos lados)',
      'sangrado (?:muy )?(?:abundante|fuerte|excesivo|intenso|profuso|grave|incontrolable|masivo)',
      '(?:mucha|muchisima|bastante|demasiada|un monton de|un chorro de|charco de) sangre',
      '(?:vomit[a-z]*|tos[a-z]*|escupi[a-z]*|arroj[a-z]*|devolvi[a-z]*) sangre|vomito con sangre|vomito (?:como )?(?:cafe|asientos de cafe)',
      '(?:empape|empapo|empapado|empapada|empapando|empapa|lleno|llene) (?:[a-z0-9]+ ){0,3}(?:toalla|toallas|toallitas|gasa|gasas|venda|vendas|trapo|trapos) (?:[a-z0-9]+ ){0,3}(?:cada|en|por|de sangre)',
      'hemorragia',
      'sangr[a-z]* (?:por|de) (?:la|las|los) (?:oidos?|orejas?|ojos)',
    ],
    unless: 'un poco|poquito|poquita|encias|al cepillar|cepillarme|hilo dental|regla|menstruacion|periodo',
  },
  {
    code: 'unconscious',
    level: 'emergency',
    patterns: [
      '(?:se|me) (?:desmay(?:o|e|a|aba|aron)|desvanecio|desvaneci)',
      '(?:esta|quedo|estaba) (?:[a-z]+ )?(?:desmayad[ao]|inconsciente|desvanecid[ao])',
      '(?:tuve|tuvo|tiene|le dio|me dio) un desmayo',
      'inconsciente',
      'perd(?:i|io|ieron) (?:el )?(?:conocimiento|sentido)',
      'no (?:responde|reacciona|despierta|se despierta|lo puedo despertar|la puedo despertar|podemos despertarl[oa]|puedo despertarl[oa]|lo podemos despertar|la podemos despertar)',
      'se (?:cayo|desplomo|desmorono|fue al suelo) y (?:ya )?no (?:responde|se levanta|reacciona|despierta|se mueve)',
      'se desplomo',
    ],
    downgradeIf: RESOLVED_FAINT,
    unless: `${NEAR_FAINT}|${NEEDLE_FAINT}|(?:me voy a|se va a|siento que me|sentia que me|casi me|casi se|como que me) (?:desmay[a-z]*|desvanec[a-z]*)|borrach[a-z]*|no responde (?:el|la|los|mi|mis) (?:telefono|correo|mensaje|mensajes|llamada|llamadas|doctor|doctora|oficina)|no responden|no me responde|no me responden|no han respondido|de (?:la )?risa`,
  },
  {
    code: 'seizure',
    level: 'emergency',
    patterns: [
      'convulsion(?:es)?',
      'convulsion[a-z]*|convulsiona[a-z]*|convulsiono',
      'ataque (?:de )?epilep[a-z]*|crisis (?:epileptica|convulsiva)|ataque convulsivo',
      'le (?:dio|dan|esta dando) (?:un )?ataque(?! de (?:risa|tos|panico|ansiedad|nervios|asma|celos))',
      '(?:temblando|sacudiendose|se sacudia|se sacude) (?:[a-z0-9]+ ){0,2}(?:sin control|todo el cuerpo|y no responde)',
      'ojos (?:en blanco|volteados|se le voltearon)',
    ],
    unless: 'libre de convulsiones|sin convulsiones desde|plan de accion',
  },
  {
    code: 'severe-allergic-reaction',
    level: 'emergency',
    patterns: [
      'se (?:me|le) (?:esta )?(?:cerrando|cierra|cerro|hinchando|hincha|hincho|inflamo|inflama) (?:la garganta|la lengua|los labios|la cara|la boca|el cuello)',
      '(?:la garganta|la lengua|los labios|el labio|la boca) se (?:me|le) (?:esta )?(?:cerrando|cierra|cerro|hinchando|hincha|hincho|inflamo|inflama|inflamando)',
      '(?:garganta|lengua|labios|cara|boca|parpados|ojos) (?:[a-z0-9]+ ){0,2}(?:hinchad[ao]s?|inflamad[ao]s?|cerrad[ao]|cerrando|cerrandose|apretada|hinchandose|inflamandose)',
      '(?:hinchazon|inflamacion) (?:[a-z0-9]+ ){0,1}(?:de|en) (?:la |mi |su |los )?(?:garganta|lengua|labios|cara|boca)',
      'anafila[a-z]*|choque anafilactico',
      '(?:use|uso|usamos|le puse|le pusieron|le di|me puse|me inyecte|le inyecte) (?:[a-z0-9]+ ){0,1}(?:epi ?pen|epinefrina|adrenalina)',
      'reaccion alergica (?:[a-z0-9]+ ){0,1}(?:fuerte|grave|severa|seria|muy fuerte)',
      '(?:reaccion alergica|alergia|ronchas) (?:[a-z0-9]+ ){0,5}(?:no (?:puedo|puede) respirar|garganta|lengua|me ahogo|se ahoga|falta el aire)',
    ],
    unless:
      'resurtir|resurtido|receta|farmacia|vencid[ao]|caducad[ao]|nuevo epipen|formulario|escuela|dentista|muela|extraccion',
    downgradeIf:
      'anginas|amigdal[a-z]*|puntitos blancos|placas|pus|gripa|gripe|resfriad[ao]|fiebre|calentura|tos|dolor de garganta|me duele la garganta|un poco|poquito',
  },
  {
    code: 'head-injury',
    level: 'urgent',
    patterns: [
      '(?:golpe|golpazo|trancazo|madrazo|chingadazo|porrazo|fregadazo|guamazo|cabezazo) (?:[a-z0-9]+ ){0,2}(?:en|de) (?:la|su|mi) cabeza',
      '(?:se|me) (?:golpeo|golpee|pego|pegue|dio|di|lastimo|lastime|abrio|abri|rompio|rompi) (?:un golpe |muy fuerte |fuerte |duro )?(?:en )?(?:la|su|mi) cabeza',
      '(?:se cayo|me cai|se callo|me calle) (?:[a-z0-9]+ ){0,5}(?:cabeza)',
      'traumatismo (?:craneal|craneoencefalico)|lesion en la cabeza|conmocion(?: cerebral)?|contusion cerebral',
    ],
    escalateIf:
      'desmay[a-z]*|inconscien[a-z]*|vomit[a-z]*|confundid[a-z]*|confusion|sangr[a-z]*|anticoagul[a-z]*|warfarina|coumadin|eliquis|xarelto|muy fuerte|duro|convuls[a-z]*|no responde|no despierta|passed out|unconscious|vomit[a-z]*|threw up|confused|bleeding|blood thinner|warfarin|seizure',
  },
  {
    code: 'worst-headache',
    level: 'emergency',
    patterns: [
      '(?:el )?peor dolor de cabeza',
      'dolor de cabeza (?:[a-z0-9]+ ){0,2}(?:fuerte|intenso|horrible|terrible|insoportable|fuertisimo) (?:y |que )?(?:me |le )?(?:dio |empezo |llego |vino )?(?:de repente|de golpe|repentin[a-z]*|subit[a-z]*|como un trueno)',
      'dolor de cabeza (?:repentino|subito|de repente|de golpe|explosivo)',
      'de repente (?:[a-z0-9]+ ){0,3}(?:fuerte |terrible |horrible |intenso )?dolor de cabeza (?:[a-z0-9]+ ){0,2}(?:fuerte|terrible|horrible|intenso|insoportable)',
      'dolor de cabeza (?:[a-z0-9]+ ){0,4}(?:cuello rigido|cuello tieso|no (?:puedo|puede) doblar el cuello)',
    ],
  },
  {
    code: 'patient-says-emergency',
    level: 'emergency',
    patterns: [
      '(?:es|esto es|esta es) (?:una )?emergencia(?! medica de rutina)',
      'llam(?:e|o|ar|en|amos|e al|aron) (?:al )?911',
      '(?:necesito|necesitamos|llamen|llamar|llamamos|llame|mandar|manden) (?:una |la )?ambulancia',
      'paramedicos',
    ],
    unless: 'cuenta|factura|cobro|seguro|cobraron|bill|no es (?:una )?emergencia|antes de (?:llamar|ir)|cuando (?:debo |hay que |tengo que )?llamar|cuanto tiempo (?:espero|debo esperar|hay que esperar)',
  },

  // ───────────── urgentes ─────────────
  {
    code: 'near-fainting',
    level: 'urgent',
    patterns: ['(?:me voy a|se va a|siento que me|sentia que me|casi me|casi se) (?:desmay[a-z]*|desvanec[a-z]*|caer)'],
    unless: 'jaja[a-z]*|jeje[a-z]*|lol|cuando me (?:pesaron|peso|dieron la cuenta)|(?:la|el) (?:cuenta|factura|bascula|peso)',
  },
  {
    code: 'dizziness',
    level: 'urgent',
    patterns: [
      '(?:muy|bien|super|demasiado) maread[ao]|(?:me da|todo me da|le da) vueltas (?:todo|la cabeza)|todo (?:me )?da vueltas|vertigo (?:[a-z0-9]+ ){0,3}(?:vomit[a-z]*|no puedo)',
    ],
  },
  {
    code: 'high-fever',
    level: 'urgent',
    patterns: [
      '(?:fiebre|calentura|temperatura) (?:muy |bien |super )?(?:alta|altisima|fuerte)',
      '(?:fiebre|calentura|temperatura) (?:[a-z0-9]+ ){0,3}(?:de|por|desde hace|desde|hace|durante|por mas de) (?:\\d+|dos|tres|cuatro|cinco|seis|siete|varios|unos|muchos|mas de) (?:[a-z]+ )?(?:dias|dia|noches|semanas)',
      '(?:\\d+|dos|tres|cuatro|cinco|varios) dias (?:con|de) (?:fiebre|calentura)',
      '(?:fiebre|calentura|temperatura) (?:que )?(?:no|nunca|ni) (?:se )?(?:le |me )?(?:[a-z]+ )?(?:baja|bajaba|quita|cede|va|para|controla|mejora)',
      '(?:fiebre|calentura) (?:[a-z0-9]+ ){0,3}(?:aun|incluso|a pesar de|con) (?:[a-z0-9]+ ){0,2}(?:tylenol|paracetamol|ibuprofeno|motrin|medicina)',
      '(?:bebe|bebito|bebita|recien nacid[ao]|nene|nena|nino|nina|hijo|hija|\\d+ (?:semanas|meses) de (?:edad|nacid[ao])) (?:[a-z0-9]+ ){0,5}(?:fiebre|calentura)',
      '(?:fiebre|calentura) (?:[a-z0-9]+ ){0,4}(?:escalofrios|temblores|rigidez|cuello rigido|confundid[a-z]*|manchas)',
      'ardiendo en fiebre|volando en fiebre',
    ],
    unless:
      'poquita|poca fiebre|fiebre leve|febricula|ya se (?:le |me )?quito la fiebre|ya no tiene fiebre|fiebre del heno|ya paso|(?:sin|no tiene|no tengo|ni|nada de|no ha tenido|no tuvo) (?:fiebre|calentura|temperatura)|(?:un poco|algo|tantito|poquito) de (?:fiebre|calentura|temperatura)|fever free|no fever|without (?:a )?fever',
  },
  {
    code: 'time-sensitive-med-out',
    level: 'urgent',
    patterns: [
      `se (?:me|le|nos) (?:acabo|acabaron|termino|terminaron|acabaran|acaba|acaban|van a acabar|va a acabar) (?:[a-z0-9]+ ){0,3}(?:insulina|pastillas?|medicina|medicinas|medicamentos?|inhalador|pastilla|anticoagulante|warfarina|dosis|presion|corazon|convulsiones|tabletas|metoprolol|carvedilol|propranolol|atenolol|keppra|levetiracetam|lamotrigina|fenitoina|carbamazepina|valproato|depakote|eliquis|xarelto|apixaban|rivaroxaban|clopidogrel|plavix|tacrolimus|prograf|prednisona|hidrocortisona|levotiroxina|salbutamol|albuterol|anticonvulsivo|clonidina|metadona|suboxone|lantus|humalog|novolog|basaglar|levemir|tresiba|toujeo|nitroglicerina)`,
      'me (?:quede|quedo|quedare|voy a quedar) sin (?:[a-z0-9]+ ){0,3}(?:insulina|pastillas?|medicinas?|medicamentos?|inhalador|anticoagulante|warfarina|tabletas|dosis|presion|metoprolol|carvedilol|propranolol|atenolol|keppra|levetiracetam|lamotrigina|fenitoina|carbamazepina|valproato|depakote|eliquis|xarelto|apixaban|rivaroxaban|clopidogrel|plavix|tacrolimus|prograf|prednisona|hidrocortisona|levotiroxina|salbutamol|albuterol|anticonvulsivo|clonidina|metadona|suboxone|lantus|humalog|novolog|basaglar|levemir|tresiba|toujeo|nitroglicerina)',
      'no (?:me|le|nos) (?:quedan?|queda) (?:[a-z0-9]+ ){0,2}(?:insulina|pastillas?|medicinas?|medicamentos?|inhalador|tabletas|dosis)',
      '(?:ya )?no tengo (?:[a-z0-9]+ ){0,2}(?:insulina|pastillas|medicina|medicamento|inhalador)(?! (?:[a-z]+ )?(?:dudas|preguntas))',
      '(?:ultima|ultimo|ultimas) (?:[a-z]+ )?(?:pastilla|dosis|tableta|pluma|inyeccion|pastillas)',
      // none left today: "me quedan cero", "se me cayeron las pastillas al drenaje"
      'me quedan? (?:cero|ninguna)|(?:se me cayeron|perdi|se me perdieron|tire) (?:[a-z]+ ){0,2}(?:pastillas|medicinas|tabletas|insulina) (?:[a-z]+ ){0,4}(?:drenaje|bano|escusado|inodoro|basura|cano)',
      '(?:resurtido|receta|refill|medicina|medicamento|pastillas|insulina|inhalador) (?:[a-z0-9]+ ){0,5}(?:hoy|hoy mismo|esta noche|urgente|urgentemente|lo antes posible|ya(?! no)|de inmediato|cuanto antes|para manana)',
      '(?:urgente|urgencia) (?:[a-z0-9]+ ){0,2}(?:resurtido|receta|refill|medicina)',
      'la farmacia (?:[a-z0-9]+ ){0,4}(?:no me (?:quiere|quiso)|no tiene|no me dio)',
    ],
    unless:
      'si se (?:me|le|les) (?:acaba|acaban|terminan?)|por si acaso|solo por si|me quedan (?:[a-z]+ )?(?:semanas|dias|para una semana)|proxima semana|proximo mes|no hay prisa|no es urgente|cita|citas|formulario|cuenta|factura|resultados|expediente',
  },
  {
    code: 'uti-symptoms',
    level: 'urgent',
    patterns: [
      'no (?:puedo|puede|he podido|ha podido) (?:orinar|hacer pipi)',
      '(?:ardor|arde|ardencia|quema|duele|dolor|me arde|me quema|me duele|le arde|le duele) (?:[a-z0-9]+ ){0,2}(?:al|cuando|para|a la hora de) (?:voy a |va a |quiero |intento )?(?:orinar|orino|hago pipi|hacer pipi|ir al bano|voy al bano|miccionar|hace pipi|orina)',
      '(?:orino|orinando|hago pipi|haciendo pipi) (?:con )?sangre',
      'infeccion (?:de|en la|urinaria|de orina|en las vias urinarias|de vejiga|de rinon|en los rinones|de rinones)',
      'sangre en (?:la |mi |su )?(?:orina|pipi)|orina (?:[a-z]+ )?(?:con sangre|roja|cafe|oscura y con dolor)',
      'mal de orin',
    ],
  },
  {
    code: 'rash-spreading',
    level: 'urgent',
    patterns: [
      '(?:sarpullido|salpullido|erupcion|ronchas|roncha|ronchitas|manchas rojas|granitos|rojez|enrojecimiento|infeccion|lo rojo|la mancha) (?:[a-z0-9]+ ){0,10}(?:se (?:me |le |les )?(?:esta |estan |ha |han )?(?:extendido|extendiendo|regado|regando|esparciendo|propagando|pasado (?:a|al|hasta)|pasando (?:a|al|hasta)|subido (?:a|al|hasta)|subiendo (?:a|al|hasta))|se (?:esta )?(?:extiende|extendiendo|esparce|esparciendo|riega|regando|hace mas grande|propaga|propagando)|por todo el cuerpo|empeora|esta empeorando|mas grande|creciendo|se extendio)',
      'se (?:me|le) (?:esta )?(?:extendiendo|regando|esparciendo|propagando) (?:[a-z0-9]+ ){0,2}(?:sarpullido|ronchas|infeccion|rojo|mancha|erupcion)',
      'lineas rojas|rayas rojas',
      'pus|supura[a-z]*|absceso',
      'ronchas por todo|lleno de ronchas|llena de ronchas|le salieron ronchas|me salieron ronchas',
      '(?:roj[ao]|hinchad[ao]|caliente|inflamad[ao])(?:,| y| muy)? (?:y )?(?:roj[ao]|hinchad[ao]|caliente|inflamad[ao])',
      'infectad[ao]',
    ],
  },
  {
    code: 'vomiting-dehydration',
    level: 'urgent',
    patterns: [
      `${NO_PUEDE} retener (?:nada|liquidos|agua|comida|la comida|el agua|ni agua|suero)`,
      'no (?:retiene|retengo) (?:nada|liquidos|agua|comida)',
      '(?:vomit[a-z]*|devolviendo|volviendo el estomago) (?:[a-z0-9]+ ){0,3}(?:desde|todo el dia|toda la noche|sin parar|mucho|muchas veces|cada hora|varias veces|por \\d+|por (?:dos|tres|varios) dias|\\d+ veces)',
      'no (?:para|deja) de vomitar|vomita todo',
      '(?:diarrea|vomito|vomitos) (?:[a-z0-9]+ ){0,3}(?:desde hace|por|durante) (?:\\d+|dos|tres|cuatro|varios|muchos) (?:dias|horas)',
      'diarrea (?:muy )?(?:fuerte|severa|con sangre|sin parar)',
      'deshidratad[ao]|deshidratacion',
      '(?:\\d+|dos|tres|cuatro|cinco|varios|muchos) dias con (?:diarrea|vomito|vomitos|calentura|fiebre)',
      'no (?:me |le )?(?:aguanto|aguanta|retengo|retiene|queda|quedo|para) nada en el estomago',
      'no (?:ha|he|han) (?:orinado|hecho pipi|mojado (?:el|los) panal(?:es)?)',
      'sangre en (?:el |la |las |mi |su )?(?:popo|excremento|heces|panal|evacuacion)|(?:heces|popo|excremento|evacuaciones) (?:[a-z]+ )?(?:negr[ao]s?|con sangre)',
    ],
  },
  {
    code: 'post-procedure-problem',
    level: 'urgent',
    patterns: [
      '(?:herida|incision|puntos|cicatriz|operacion|cirugia|costura|grapas|corte) (?:[a-z0-9]+ ){0,3}(?:roja|rojo|hinchad[ao]|abierta|abierto|se abrio|abrio|supura|pus|caliente|infectad[ao]|sangra|sangrando|peor|huele mal|mal olor|drena)',
      '(?:despues de|desde) (?:la|mi|su|el) (?:cirugia|operacion|procedimiento|biopsia|extraccion|cesarea|parto|colonoscopia|inyeccion) (?:[a-z0-9]+ ){0,6}(?:peor|empeor[a-z]*|mas dolor|sangr[a-z]*|fiebre|hinchad[a-z]*|pus|no (?:puedo|puede) (?:orinar|caminar))',
      '(?:dolor|hinchazon|sangrado) (?:[a-z0-9]+ ){0,3}(?:peor|empeorando|aumentando|cada vez mas) (?:[a-z0-9]+ ){0,3}(?:cirugia|operacion|procedimiento|biopsia|extraccion|cesarea)',
    ],
  },
  {
    code: 'severe-pain',
    level: 'urgent',
    patterns: [
      'dolor (?:[a-z0-9]+ ){0,3}(?:insoportable|intenso|fuertisimo|terrible|horrible|severo|muy fuerte|muy intenso|espantoso|horroroso)',
      '(?:insoportable|terrible|horrible|fuertisimo) dolor',
      '(?:no (?:puedo|puede) (?:caminar|pararme|dormir|moverme|aguantar)) (?:[a-z0-9]+ ){0,2}(?:del|por el|de) dolor',
      'lado derecho (?:[a-z0-9]+ ){0,3}(?:abajo|bajo|inferior)? ?(?:[a-z0-9]+ ){0,2}(?:dolor|duele)|apendic[a-z]*',
      'piedras? en (?:el|los) rinon(?:es)?|calculos? renal(?:es)?|colico renal',
    ],
    unless: 'hace anos|el ano pasado|antecedentes|historial',
  },
  {
    code: 'allergic-reaction',
    level: 'urgent',
    patterns: [
      'reaccion alergica|alergia (?:[a-z0-9]+ ){0,2}(?:a la|al|por la|por el) (?:medicina|medicamento|antibiotico|pastilla|vacuna|inyeccion)',
      'urticaria|ronchas',
      '(?:se (?:me|le) )?(?:hinch[a-z]*|inflam[a-z]*) (?:[a-z0-9]+ ){0,2}(?:la cara|los ojos|los labios) (?:[a-z0-9]+ ){0,3}(?:despues|por|con) (?:[a-z0-9]+ ){0,3}(?:picadura|abeja|medicina|antibiotico|comer|comida|mariscos|cacahuate)',
    ],
    unless: 'alergias estacionales|polen|pruebas de alergia|alergologo|lista de alergias',
  },
  {
    code: 'injury',
    level: 'urgent',
    patterns: [
      '(?:me|le|lo|la|nos) mordio (?:un|el|una|la) (?:perro|gato|mapache|murcielago|vibora|serpiente|arana|animal)|mordida de (?:perro|gato|animal|vibora|serpiente|arana|murcielago)',
      'corta(?:da|dura) (?:muy )?(?:profunda|grande|fea)|necesit[a-z]* puntos|herida profunda',
      '(?:se|me) (?:rompio|rompi|quebro|quebre|fracturo|fracture|disloco|disloque|zafo|safo) (?:el|la|un|una|mi|su) (?:brazo|pierna|tobillo|muneca|hueso|dedo|mano|pie|hombro|cadera|nariz|clavicula)',
      'creo que (?:esta|se|lo tiene|la tiene|tiene) (?:[a-z]+ )?(?:roto|rota|quebrado|quebrada|fracturado|fracturada)',
      'quemadura (?:[a-z0-9]+ ){0,2}(?:grave|fuerte|grande|con ampollas|de segundo|de tercer)',
      '(?:quimico|cloro|algo|vidrio|metal) (?:[a-z0-9]+ ){0,2}en (?:el|mi|su) ojo|ojo (?:[a-z0-9]+ ){0,3}(?:hinchado|cerrado|rojo y (?:me |le )?duele)',
      'accidente de (?:carro|coche|auto|transito|moto)|choque de (?:carro|coche|auto)|se cayo de (?:[a-z0-9]+ ){0,3}(?:escalera|techo)',
      '(?:me|se) (?:torci|torcio|doble|doblo|lastime|lastimo) (?:el|la|mi|su) (?:tobillo|muneca|rodilla|pie) (?:[a-z0-9]+ ){0,5}(?:hinchad[ao]|no (?:puedo|puede) (?:pisar|apoyar|caminar|moverlo|moverla))|no (?:puedo|puede) (?:pisar|apoyar el pie|caminar del dolor)',
      'pantorrilla (?:[a-z0-9]+ ){0,3}(?:hinchad[a-z]*|roja|caliente|dolor|duele)|pierna (?:[a-z0-9]+ ){0,2}hinchad[ao] (?:[a-z0-9]+ ){0,3}(?:roja|caliente|dolor|duele)|coagulo en la pierna',
    ],
    unless: 'hace anos|el ano pasado|terapia|resultados|seguimiento|sano',
  },
  {
    code: 'mental-health-crisis',
    level: 'urgent',
    patterns: [
      '(?:sin|no tengo|no hay|perdi la|perdi toda) esperanza|desesperad[ao]',
      'ataques? de (?:panico|ansiedad|nervios)',
      '(?:no (?:puedo|puede) dejar de llorar|lloro todo el dia)',
      '(?:escucho|oigo|escucha|oye) voces|(?:veo|ve) cosas que no (?:estan|hay)|alucina[a-z]*',
      '(?:muy|super|bien|demasiado) deprimid[ao]|depresion (?:[a-z0-9]+ ){0,2}(?:peor|empeorando|fuera de control)|crisis nerviosa',
    ],
    unless: 'antecedentes|historial|hace anos|resurtido|receta|referencia',
  },
  {
    code: 'palpitations',
    level: 'urgent',
    patterns: [
      '(?:corazon|pulso) (?:[a-z0-9]+ ){0,2}(?:acelerado|muy rapido|late (?:muy )?(?:rapido|fuerte|raro|irregular)|palpita|brincando|latiendo (?:muy )?(?:rapido|fuerte))',
      'palpitaciones|taquicardia',
    ],
    unless: 'antecedentes|historial|hace anos',
  },
  {
    code: 'medication-error',
    level: 'urgent',
    patterns: [
      '(?:me |se |le )?(?:tome|tomo|di|dio|puse|puso|inyecte|inyecto|tomado|dado|puesto) (?:[a-z0-9]+ ){0,5}(?:doble|dos veces|dosis doble|dos dosis|de mas|equivocad[ao]s?|incorrect[ao]s?|por error|por equivocacion|sin querer|de otra persona)',
      '(?:por error|por equivocacion|sin querer|accidentalmente) (?:[a-z0-9]+ ){0,2}(?:me |se |le )?(?:tome|tomo|di|dio|trago|puse|inyecte)',
      'la farmacia (?:me |nos )?(?:dio|surtio) (?:[a-z0-9]+ ){0,2}(?:equivocad[ao]|incorrect[ao]|otra)',
    ],
    // "¿me tomo doble hoy o nada más la normal?": asking what to do about a missed dose
    unless: 'vitamina[s]?|multivitamin[a-z]*|calcio|fibra|probiotic[a-z]*|melatonina|vitamin[a-z]*|o (?:nada mas|solo|nomas|mejor|nada mas) (?:la|el|una|me|lo)',
  },
  {
    code: 'asthma-attack',
    level: 'urgent',
    patterns: [
      '(?:ataque|crisis) de asma|asma (?:[a-z0-9]+ ){0,2}(?:peor|muy mal|fuerte)',
      'silbido(?:s)? (?:en el pecho|al respirar)|chifla el pecho',
    ],
    unless: 'de nino|de nina|hace anos|antecedentes',
  },
  {
    code: 'pregnancy-concern',
    level: 'urgent',
    patterns: [
      '(?:embarazada|embarazo|semanas de gestacion) (?:[a-z0-9]+ ){0,8}(?:colicos|calambres|dolor|fiebre|vomit[a-z]*|hinchazon|manchado|manchando|contracciones|no se mueve|se mueve menos|liquido)',
      '(?:bebe|el bebe) (?:[a-z0-9]+ ){0,2}(?:se mueve menos|no se mueve (?:tanto|mucho)|casi no se mueve)',
    ],
    unless: 'prueba|cita|ultrasonido|seguro|formulario|vitaminas|leve|poquito|un poco|puedo tomar|se puede tomar|es seguro',
  },
];
