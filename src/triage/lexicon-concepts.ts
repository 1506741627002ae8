/**
 * Concept families (issue #5): broad "concept × concept" co-occurrence rules
 * that catch paraphrases the phrase lexicons miss — unresponsiveness after a
 * fall, "everything went black", breathless at rest, infant danger signs,
 * household-chemical ingestion, self-harm intent with a plan or a time,
 * chest-pressure metaphors, sudden one-eye vision loss, deep burns.
 *
 * Each family names the class of phrasing it covers. They run through the
 * same guards as every other rule (negation, history, hypotheticals,
 * medication-name refills, idioms), so they can be broad.
 */
import type { FamilyDef } from './lexicon-shared.js';

// ── word classes ──
const PERSON_GONE_DOWN =
  'fell|fallen|falls|collapsed|collapses|hit the (?:floor|ground|deck|pavement)|went down|dropped|slumped(?: over)?|keeled(?: over)?|toppled(?: over)?|passed out|found (?:him|her|them|my [a-z]+) (?:on|in|at)|se cayo|se cae|me cai|me caigo|se desplomo|se desvanecio|cayo al (?:piso|suelo)|se fue al (?:piso|suelo)|la encontramos|lo encontramos|la encontre|lo encontre';
/** Not reacting to people: "isn't answering when we call her name", "no reacciona", "won't respond to us". */
const NOT_REACTING =
  '(?:isnt|is not|not|wont|will not|doesnt|does not|didnt|hasnt|wasnt|stopped|barely|hardly) (?:answer(?:ing)?|respond(?:ing)?|react(?:ing)?|wak(?:e|ing)(?: up)?|open(?:ing)? (?:his|her|their) eyes|making sense)|(?:cant|cannot|couldnt|can not) (?:wake|rouse|get) (?:him|her|them)(?: up| to (?:respond|answer|wake|talk))?|no (?:nos |me |le |te )?(?:contesta|responde|reacciona|despierta|abre los ojos)|ya no (?:contesta|responde|reacciona)|(?:unresponsive|out cold|dead weight|not all there|out of it)';
/** A person-directed call that makes "not answering" mean unresponsiveness (not the phone). */
const CALLING_THEM =
  'when (?:we|i|they) (?:say|shout|yell|shake|tap|pinch|nudge|rub)|(?:call|calling|say|saying|shout|shouting|yell|yelling) (?:out )?(?:his|her|their) name|(?:to|when) (?:his|her|their) name|to (?:us|touch|pain|voices?|our voices|anything|anyone)|no matter what|(?:cuando|si) (?:le |lo |la )?(?:hablamos|gritamos|movemos|sacudimos|llamamos por su nombre)|(?:a|por) su nombre|ni (?:a|con) (?:gritos|sacudidas)';
/** What else "not answering" can be about: the phone, the office, a treatment. */
const PHONE_ETC =
  'phone|cell|phone calls?|my calls|(?:his|her) calls|calls? back|texts?|texting|messages?|emails?|door|doorbell|portal|office|nurse line|pharmacy|insurance|app|website|telefono|celular|llamadas?|mensajes?|correo|puerta|oficina|farmacia|seguro|treatment|tratamiento|medicine|medication|meds|medicina|antibiotics?|antibioticos?';

/** Vision suddenly going black/dark/grey (a faint): "everything went black", "se me puso todo negro". */
const WENT_BLACK =
  '(?:everything|it all|all|the room|my vision|his vision|her vision|vision|eyesight|world) (?:just |suddenly |kind of |kinda )?(?:went|goes|going|turned|turning|faded|fading|got) (?:to )?(?:black|dark|grey|gray|white|fuzzy black)|(?:went|goes|going) (?:black|dark) (?:for|on)|(?:se me |se le |todo se |se )(?:puso|pone|fue|volvio|nublo|oscurecio) (?:todo )?(?:negro|oscuro|obscuro|gris|blanco)|(?:vi|ve|veo) todo (?:negro|oscuro)|se me (?:fue|va) (?:la vista|el mundo)|tunnel vision';
const GOING_DOWN =
  '(?:feel|feels|feeling|felt) like (?:ill|i will|i might|i could|im going to|im gonna|i am going to|i was going to|hell|shell|he will|she will|hes going to|shes going to|i|he|she) (?:drop|go down|hit the floor|hit the ground|keel over|fall over|collapse)|(?:im|i am|hes|shes|he is|she is) (?:going to|gonna|about to) (?:drop|keel over|collapse|hit the floor)|(?:siento que |siente que )?(?:me voy a|se va a|me iba a|se iba a) (?:caer|desmayar|desplomar|ir al piso)';
/** Racing heart paraphrases: "a mile a minute", "out of my chest", "a mil por hora". */
const HEART_RACING =
  '(?:a )?mile a minute|out of (?:my|his|her) chest|like (?:crazy|a drum|a hummingbird|a jackhammer|a freight train|a race ?horse)|(?:wont|will not|doesnt) (?:slow|slow down|calm down)|a mil(?: por hora)?|(?:como|bien) loco|desbocad[ao]|como tambor';

/** Out of breath words that, like "short of breath", mean breathing trouble. */
const BREATHLESS =
  'breathless|breathlessness|winded|out of breath|short of breath|shortness of breath|sob|air hunger|gasping|cant catch (?:my|his|her|a) breath|sin aire|sin aliento|me falta (?:el )?aire|le falta (?:el )?aire|falta de aire|me ahogo|se ahoga|ahogando(?:me|se)?|agitad[ao]';
/** At rest or lying flat: breathlessness here is an emergency, not deconditioning. */
const AT_REST =
  'lying|laying|lie (?:down|flat)|lay (?:down|flat)|sitting|sit (?:still|here|down)|resting|at rest|doing nothing|not doing anything|(?:in|from) (?:bed|the chair|my chair|the couch)|while (?:talking|eating|sleeping)|talking|to talk|a sentence|sentences|finish (?:a|my|his|her) (?:sentence|words)|wakes? (?:me |him |her )?up|woke (?:me |him |her )?up|acostad[ao]|sentad[ao]|en reposo|sin hacer nada|sin moverme|hablando|al hablar|en la cama|me despierta|me desperto';
/** Cannot lie flat / has to sleep upright (orthopnoea): with breath or drowning words. */
const ORTHOPNEA =
  '(?:cant|cannot|couldnt|can not|unable to) (?:lie|lay|sleep) (?:down|flat|back)|(?:have|had|has) to sleep (?:sitting|propped|upright|in (?:a|the) (?:chair|recliner))|no (?:puedo|puede|pude) (?:acostarme|acostarse|dormir acostad[ao])|tengo que dormir sentad[ao]';

/** Babies and toddlers. */
const INFANT =
  'baby|babies|bebe|bebes|bebito|bebita|guagua|infant|newborn|new born|recien nacid[ao]|nene|nena|toddler|(?:\\d{1,2}|one|two|three|four|five|six|un|una|dos|tres|cuatro|cinco|seis) ?(?:weeks?|wks?|months?|mos?|semanas?|mes|meses) old|de (?:\\d{1,2}|un|una|dos|tres|cuatro|cinco|seis) (?:semanas|meses|mes)';
/** Infant respiratory distress: grunting, retractions, flaring nostrils, head bobbing. */
const INFANT_DISTRESS =
  'grunt[a-z]*|quejido[s]?|quejando(?:se)?|se queja (?:al|cuando|con cada)|ribs? (?:are |is )?(?:sucking|pulling|caving|going) in|(?:sucking|pulling|caving) in (?:under|between|at) (?:his|her|the) ribs|skin (?:is )?(?:sucking|pulling) in|retractions?|nostrils? (?:are |is )?flar[a-z]*|flaring (?:his|her) nostrils|head bobb[a-z]*|belly (?:is )?(?:heaving|sucking in)|se le hunden? (?:las )?costillas|se le marcan las costillas|tiraje|aleteo nasal|le aletea la nariz|se le mete (?:la panza|el pecho|la piel)';
/** Infant "floppy / hard to wake / won't feed" danger signs. */
const INFANT_LIMP =
  '(?:is|went|gone|so|very|really|all|seems|feels|looks|just|super) (?:limp|floppy)|(?:limp|floppy) and|floppy|lifeless|like a rag ?doll|hard to wake|difficult to wake|cant (?:wake|keep) (?:him|her) (?:up|awake)|wont (?:wake|stay awake|wake up)|(?:barely|hardly) (?:moving|responding|waking|opening)|not waking (?:up )?for (?:feeds|feedings|bottles)|(?:esta|se (?:puso|siente|ve)|muy|bien) (?:muy )?(?:aguadit[ao]|aguad[ao]|flojit[ao])|sin fuerza|no (?:despierta|reacciona)|no se despierta|(?:bulging|sunken) soft spot|soft spot (?:is )?(?:bulging|sunken)|(?:fontanela|mollera) (?:abultada|hinchada|levantada|hundida)';

/** Swallowing / drinking / biting into: how a poison gets in. */
const INGEST =
  'drank|drink|drinks|drinking|drunk|swallowed|swallow|swallows|swallowing|ate|eaten|eating|bit (?:into|open|through)|bitten into|chewed|chewing|sucked on|sucking on|licked|licking|got into|gotten into|ingested|took a (?:sip|swig|gulp|drink|bite)|sipped|(?:got|had) (?:it|some|one)? ?in (?:his|her|their|my) mouth|se (?:tomo|trago|bebio|comio|echo a la boca|metio a la boca)|tomo|trago|bebio|comio|mordio|mastico|chupo|lamio|ingirio|me tome|me trague|tome|trague';
/** Household chemicals and hazards that are never safe to swallow. */
const HARSH_TOXIN =
  'bleach|clorox|cloro|cloralex|blanqueador|lavandina|lejia|detergent(?:e)?|(?:laundry|tide|dishwasher|detergent) (?:pods?|pacs?|packets?|capsules?)|pods?|pacs|capsulas? de (?:detergente|jabon)|drain (?:cleaner|opener)|drano|destapa ?canos|destapacanos|destapador[a-z]*|liquido (?:para|de) destapar|oven cleaner|toilet (?:bowl )?cleaner|cleaner|cleaners|cleaning (?:products?|solution|fluid|spray|supplies)|limpiador(?:es)?|lysol|pine ?sol|fabuloso|pinol|windex|ammonia|amoniaco|lye|sosa caustica|antifreeze|anticongelante|(?:windshield|washer) (?:washer )?fluid|limpiaparabrisas|gasoline|gasolina|kerosene|keroseno|queroseno|lamp oil|lighter fluid|paint thinner|(?<!blood )thinner|aguarras|turpentine|rat poison|raticida|mata ?ratas|ant (?:bait|poison|killer)|roach (?:bait|killer|poison)|insecticid[a-z]*|pesticid[a-z]*|bug spray|weed killer|roundup|poison|veneno|button batter(?:y|ies)|coin batter(?:y|ies)|pilas? (?:de boton|redondas?)|pilitas?|magnets?|imanes?|nail polish remover|acetone|acetona|quitaesmalte[s]?|super ?glue|kola loca|essential oils?|aceites? esencial(?:es)?|hand sanitizer|gel antibacterial|mouthwash|enjuague bucal|vape (?:juice|liquid|pod)|e ?liquid|liquido del vape';

/** Thoughts of death (ideation). */
const IDEATION =
  '(?:i|im|me|myself) (?:[a-z]+ ){0,2}(?:was|were|am|be) dead|be dead|(?:want|wanna|wanted|ready|going|gonna) to die|suicid[a-z]*|kill (?:my ?self|me)|killing my ?self|end (?:it|it all|things|my life|everything)|ending (?:it|it all|things|my life)|if i (?:was|were|wasnt|werent) (?:gone|here|around|alive)|gone for good|take my (?:own )?life|no reason to live|(?:quiero|quisiera) (?:morir(?:me)?|estar muert[ao])|matarme|suicid[a-z]*|quitarme la vida|acabar con (?:todo|mi vida)|yo no (?:estuviera|existiera)|no existiera';
/** A plan, the means at hand, or a time: what turns ideation into an emergency. */
const INTENT =
  '(?:going to|gonna|will|im going to|about to|ready to|decided to|plan(?:ning)? to) do it|do it (?:tonight|today|tomorrow|this weekend|soon|now|when)|doing it (?:tonight|today|tomorrow|this weekend)|tonight|today|this weekend|tomorrow|(?:have|got|bought|found|holding|loaded) (?:a |the |my |some |all (?:the|my) )?(?:gun|pistol|rifle|pills|rope|razor|blades?|knife|bottle)|(?:gun|pistol) (?:is )?loaded|(?:pills|meds) (?:are )?(?:ready|counted|saved|lined up)|(?:wrote|writing|left) (?:a |my )?(?:note|letter)|(?:lo|la) voy a hacer|voy a hacerlo|lo hare|hoy|esta noche|manana|este fin de semana|ya (?:tengo|compre|consegui) (?:la |las |el |una |un )?(?:pistola|pastillas|cuerda|navaja|cuchillo)|(?:deje|escribi) (?:una )?carta';

/** Burn words and the marks of a deep or large burn. */
const BURN = 'burn|burns|burned|burnt|scald[a-z]*|quemad[ao]s?|quemadura[s]?|se quemo|me queme|escald[a-z]*';
const DEEP_BURN =
  'white|waxy|leathery|charred|black(?:ened)?|(?:whole|entire|all of (?:his|her|my|the)) (?:arm|leg|hand|back|chest|face|body|side|belly|stomach)|electric[a-z]*|electrocut[a-z]*|power line|outlet|enchufe|electrica|blanc[ao]|negr[ao]|carbonizad[ao]|(?:todo|toda) (?:el|la|su) (?:brazo|pierna|espalda|pecho|cara|mano|panza)|bigger than (?:my|his|her|a) (?:hand|palm)';

/** A cold, pale or blue limb with no pulse (acute arterial blockage). */
const LIMB_PART = 'leg|legs|foot|feet|arm|hand|toes|fingers|pierna|piernas|pie|pies|brazo|mano|dedos';
const ISCHEMIC =
  '(?:cold|ice cold|freezing) and (?:blue|white|pale|gray|grey|purple|numb)|(?:blue|white|pale|gray|grey) and (?:cold|ice cold|numb)|(?:no|cant (?:feel|find) (?:a|the|any)) pulse|fri[ao] y (?:azul|blanc[ao]|palid[ao]|morad[ao])|no (?:tiene|le siento|le encuentro el) pulso';

/** Loss of sight or double vision (stroke, retinal detachment); needs {@link SUDDEN_ONE_EYE}. */
const SIGHT_LOSS =
  '(?:cant|cannot|couldnt|can not) see (?:out of|from|with|through|anything|a thing)|lost (?:all |the |his |her |my )?(?:vision|sight|eyesight)|(?:vision|sight|eyesight) (?:just |suddenly )?(?:went|is gone|gone|disappeared|blacked out)|went blind|going blind|blind in (?:one|my|his|her|the)|(?:curtain|shade|shadow|veil|blind|persiana|cortina|sombra) (?:[a-z]+ ){0,3}(?:over|across|down|sobre|en|bajado|bajaron|cayo) (?:my|his|her|the|half|el|mi|su|la mitad)|(?:eye|vision|sight|ojo|vista) (?:just |suddenly |kind of |all )?(?:went|goes|going|turned|got|se (?:me |le )?(?:puso|fue|apago)) (?:dark|black|grey|gray|dim|out|negr[ao]|oscur[ao])|seeing (?:everything )?double|double vision|no (?:veo|ve|puedo ver|puede ver|pude ver|pudo ver) (?:nada|de|por|con)|perdi(?:o)? la vista|se (?:me|le) fue la vista|vision doble|(?:veo|ve|viendo) (?:todo )?doble';
const SUDDEN_ONE_EYE =
  'one eye|left eye|right eye|un ojo|ojo (?:izquierdo|derecho)|sudden[a-z]*|all of a sudden|out of nowhere|de repente|de golpe|de la nada|just now|ahorita';

const CONCEPT_FAMILIES_1: readonly FamilyDef[] = [
  {
    // someone down and not reacting to people: "hit the floor and isn't answering when we call her name"
    code: 'unconscious',
    level: 'emergency',
    a: PERSON_GONE_DOWN,
    b: NOT_REACTING,
    window: 10,
    bAfter: true,
    unless: `${PHONE_ETC}|asleep|dormid[ao]|nap|siesta|drunk|borrach[a-z]*|last (?:week|month|year)|la semana pasada`,
  },
  {
    // not reacting to people even without a fall: "won't respond to her name", "no reacciona cuando le hablamos"
    code: 'unconscious',
    level: 'emergency',
    a: NOT_REACTING,
    b: CALLING_THEM,
    window: 6,
    unless: `${PHONE_ETC}|autis[a-z]*|hearing|oido|ear|daydream[a-z]*|ignor[a-z]*|teen[a-z]*|adolescente|video ?games?|tv|tele|tablet|ipad`,
  },
  {
    // vision going black with a fall, a racing heart or feeling about to drop (syncope)
    code: 'unconscious',
    level: 'emergency',
    a: WENT_BLACK,
    needMessage: `${PERSON_GONE_DOWN}|${GOING_DOWN}|${HEART_RACING}|heart|corazon|pulse|pulso|chest|pecho|dizz[a-z]*|mare[a-z]*|faint[a-z]*|desmay[a-z]*|hit my head|me pegue|floor|ground|piso|suelo|still|sigo|todavia`,
    unless:
      'screen|pantalla|tv|tele|power|luz|lights|phone|telefono|monitor|tablet|ipad|laptop|computer|computadora|log ?in|app|portal|website|pagina|stood up too fast|me pare muy rapido',
  },
  {
    // feeling about to drop: near-fainting (urgent; with palpitations → cardiac warning)
    code: 'near-fainting',
    level: 'urgent',
    a: `${GOING_DOWN}|${WENT_BLACK}`,
    unless:
      'drop (?:off|by|in|the|my|a|out|dead)|laugh[a-z]*|risa|tired|cansad[ao]|exhausted|screen|pantalla|tv|tele|phone|telefono|monitor|computer|computadora|tablet|ipad|laptop|log ?in|app|portal|website|lights|luz|power|bill|cuenta|factura|lol|jaja[a-z]*|haha[a-z]*',
  },
  {
    // racing-heart paraphrases: "heart going a mile a minute", "el corazon a mil"
    code: 'palpitations',
    level: 'urgent',
    a: 'heart|heartbeat|corazon|pulse|pulso|latidos',
    b: HEART_RACING,
    window: 5,
    unless:
      'love|amor|crush|exam|examen|excited|emocionad[ao]|scary movie|pelicula|roller ?coaster|montana rusa|history|antecedentes|lol|jaja[a-z]*',
  },
  {
    // breathless at rest / lying flat / mid-sentence: "breathless just lying here", "me falta el aire acostado"
    code: 'breathing-difficulty',
    level: 'emergency',
    a: BREATHLESS,
    b: AT_REST,
    window: 6,
    unless:
      'laugh[a-z]*|risa|reir|lol|haha[a-z]*|jaja[a-z]*|anxi[a-z]*|ansiedad|panic|panico|stairs|escaleras|workout|gym|running|chasing|after (?:running|chasing|playing|climbing|walking|exercis[a-z]*)|corr[a-z]*|sleep apnea|apnea|cpap|snor[a-z]*|ronc[a-z]*',
    downgradeIf: 'a little|a bit|slightly|mild|mildly|un poco|poquito|leve',
  },
  {
    // can't lie flat / has to sleep sitting up, with breath or drowning words (orthopnoea)
    code: 'breathing-difficulty',
    level: 'emergency',
    a: ORTHOPNEA,
    b: `${BREATHLESS}|breath[a-z]*|breathe|drown[a-z]*|smother[a-z]*|suffocat[a-z]*|air|aire|respir[a-z]*|ahog[a-z]*`,
    window: 8,
    unless: 'back pain|dolor de espalda|surgery|cirugia|pregnan[a-z]*|embaraz[a-z]*|reflux|reflujo|heartburn|acidez',
  },
  {
    // "feel like I'm drowning/suffocating" without water: air hunger
    code: 'breathing-difficulty',
    level: 'emergency',
    a: '(?:feel|feels|feeling|felt) like (?:i|im|he|she|hes|shes)(?: am| is| was)? (?:drowning|suffocating|smothering|choking)|(?:siento|siente|sentia) (?:que|como que) (?:me|se) (?:ahogo|ahoga|asfixio|asfixia)|me estoy (?:ahogando|asfixiando)|se esta (?:ahogando|asfixiando)',
    unless: 'work|trabajo|paperwork|bills|deudas|debt|stress|estres|emails?|homework|tarea|anxi[a-z]*|ansiedad|panic|panico',
  },
  {
    // infant breathing distress: grunting, retractions, flaring nostrils
    code: 'breathing-difficulty',
    level: 'emergency',
    a: INFANT_DISTRESS,
    needMessage: `${INFANT}|son|daughter|hijo|hija|kid|child|nino|nina|breath[a-z]*|respir[a-z]*`,
    unless: 'poop[a-z]*|pooping|caca|popo|puj[a-z]*|evacua[a-z]*|push[a-z]*|constipat[a-z]*|estren[a-z]*|gas|gases|sleep[a-z]*|dorm[a-z]*|pig|cerdo|funny|gracioso|lift[a-z]*|gym|workout|tennis',
  },
  {
    // a baby who is limp, floppy, hard to wake or has a bulging soft spot
    code: 'unconscious',
    level: 'emergency',
    a: INFANT_LIMP,
    needMessage: INFANT,
    unless: 'doll|muneca|stuffed|peluche|hair|pelo|noodle|fideo|handshake|banana|lettuce|vaccin[a-z]*|vacuna[s]?|shots?',
  },
  {
    // adults too: "limp and hard to wake", "barely responding"
    code: 'unconscious',
    level: 'emergency',
    a: 'hard to wake|difficult to wake|(?:cant|cannot|couldnt) (?:keep|get) (?:him|her|them) (?:awake|up)|wont stay awake|barely (?:responding|responsive|conscious|awake|breathing)|hardly (?:responding|breathing)|(?:casi|apenas) (?:no )?(?:responde|reacciona|despierta|respira)|no (?:lo|la) (?:podemos|puedo) despertar|(?:went|gone) limp|(?:is|was) limp and',
    unless: `${PHONE_ETC}|nap|siesta|night shift|turno de noche|teen[a-z]*|adolescente|mornings?|mananas|every morning|cada manana|school|escuela`,
  },
  {
    // swallowing a household chemical, button battery or someone's heart/diabetes pills
    code: 'overdose',
    level: 'emergency',
    a: INGEST,
    b: HARSH_TOXIN,
    window: 6,
    bAfter: true,
    unless:
      'how (?:much|many|long)|cuanto|cuanta|safe|seguro|smell[a-z]*|olor|huele|fumes|vapores|inhal[a-z]*|spill[a-z]*|derram[a-z]*|skin|piel|eye|ojo|clean(?:ed|ing)? (?:the|my|with)|limpi(?:e|o|ar|ando) (?:el|la|con)|lock[a-z]*|childproof|storage|guardar|recycl[a-z]*|prescribed|as directed|like (?:usual|always)|(?:my|his|her|mis|sus) (?:daily|morning|usual|regular) (?:heart|blood pressure|diabetes)|refill|resurtir|receta|pharmacy|farmacia|food poisoning|intoxicacion (?:por|con) comida|poison ivy|poison oak|hiedra|zumaque|magnets? (?:on|for) (?:the )?fridge|dishwasher (?:is|broke)|mouthwash (?:every|after|daily|like|and)',
  },
  {
    // "everyone would be happier if I were dead", "estarian mejor si yo no estuviera": burden + death wish
    code: 'suicidal-thoughts',
    level: 'emergency',
    noRecentDowngrade: true,
    a: '(?:better|happier|easier|freer|relieved|lighter|fine|ok|okay|at peace|better off) (?:off )?(?:without me|if i (?:just )?(?:was|were) (?:dead|gone|not here|not around|never born|out of the picture)|if i (?:just )?(?:wasnt|werent) (?:here|around|alive)|if i (?:just )?(?:disappeared|died|didnt exist|killed my ?self|ended it))|(?:estarian|estaria|serian|seria|vivirian|viviria|quedarian) (?:todos )?(?:mas )?(?:mejor|felices|feliz|tranquil[oa]s?|en paz) (?:sin mi|si (?:yo )?(?:no (?:estuviera|existiera|viviera)|me (?:muriera|fuera|matara|desapareciera)|desapareciera))',
    unless:
      'moved out|moved away|me mudara|job|trabajo|team|equipo|class|clase|party|fiesta|trip|viaje|lol|jaja[a-z]*|haha[a-z]*|(?:shift|turno)',
  },
  {
    // death wish with a plan, the means or a time: "I'm going to do it tonight", "ya tengo las pastillas"
    code: 'suicidal-thoughts',
    level: 'emergency',
    noRecentDowngrade: true,
    a: IDEATION,
    b: INTENT,
    window: 14,
    unless:
      'dying to|die laughing|dead (?:tired|battery|phone|line)|dying (?:phone|battery)|(?:death|dead) (?:certificate|of (?:my|a)|in the family)|passed away|murio|fallecio|funeral|velorio|grief|duelo|pet|dog|cat|perro|gato|plant|planta|hair|pelo|lol|jaja[a-z]*|haha[a-z]*|hotline|prevention|prevencion|screening|questionnaire|cuestionario|form|formulario|(?:not|no) (?:suicidal|suicida)|would never|nunca (?:lo )?haria|safety plan|plan de seguridad',
  },
  {
    // deep or large burns: white/leathery/charred skin, a whole limb, the face, electrical
    code: 'burn',
    level: 'emergency',
    a: BURN,
    b: DEEP_BURN,
    window: 8,
    unless:
      'heartburn|acidez|agruras|burning (?:sensation|when|pee|urin)|razor|rug|freezer|sunburn|quemada del sol|insolacion|calories|calorias|cd|dvd|candle|vela|toast|pan|food|comida|pizza|cheese|queso|rice|arroz|bridge|burned out|quemad[ao] (?:del trabajo|mentalmente)|healing|sanando|better|mejor|scar|cicatriz',
  },
  {
    // a cold, pale/blue limb or no pulse in it (acute limb ischaemia)
    code: 'stroke-signs',
    level: 'emergency',
    a: LIMB_PART,
    b: ISCHEMIC,
    window: 6,
    unless: 'raynaud[a-z]*|winter|invierno|snow|nieve|outside|afuera|ice pack|hielo|always|siempre|for years|desde hace anos',
  },
  {
    // sudden loss of vision or double vision: "out of nowhere she can't see out of her left eye"
    code: 'stroke-signs',
    level: 'emergency',
    a: SIGHT_LOSS,
    needMessage: SUDDEN_ONE_EYE,
    unless:
      'glasses|lentes|anteojos|contacts?|contactos|reading|leer|small print|letra chica|far away|lejos|night|noche|tv|screen|pantalla|board|pizarron|exam|examen|appointment|cita|for (?:years|months)|desde hace (?:anos|meses)|cataract[a-z]*|catarata[s]?|floaters? (?:for|since)|migraine aura|aura',
  },
];

// ── second pass: concept classes seen missing on the writers' tuning sets (set C / set D) ──

/** Hot liquids, fire and stoves: a scald needs no "burn" word ("spilled the fryer oil down my arm"). */
const SCALD_SOURCE = `${BURN}|(?:hot|boiling|scalding|fryer|frying|cooking) (?:oil|water|grease|soup|coffee|tea|pasta water)|pasta water|fryer oil|agua hirviendo|aceite (?:caliente|hirviendo)|hirviendo|olla|stove|estufa|flames|llamas|fuego`;
/** Skin coming off, wide blistering, a large area: a deep or large burn. */
const BURN_SEVERE = `${DEEP_BURN}|skin (?:is )?(?:coming|came|peeling|falling|sliding) off|(?:coming|came|peeling) off in (?:sheets|strips|layers)|in sheets|(?:se (?:le |me )?)?(?:esta )?(?:cayendo|pelando|desprendiendo|despegando) (?:el pellejo|la piel|el cuero)|(?:el pellejo|la piel) se (?:le |me )?(?:esta )?(?:cayendo|pelando|desprendiendo)|pellejo|ampollas? (?:en )?(?:todo|toda|todos|todas)|blisters? (?:all over|everywhere|on (?:his|her|my) (?:whole|entire))|(?:big|large|huge) (?:area|patch|part)|(?:chest|tummy|belly|stomach|back|face) and (?:tummy|belly|stomach|arms?|legs?|chest|neck)|(?:pecho|panza|espalda|cara) y (?:los |las |el |la )?(?:brazos?|piernas?|panza|pecho|cuello)`;

/** Indigestion-like pain: with sweating or jaw/arm pain it may be the heart (atypical MI). */
const INDIGESTION =
  'heartburn|indigestion|acid reflux|reflux|gas pain|upset stomach|agruras|acidez|indigestion|reflujo|ardor (?:de|en el) estomago|boca del estomago|(?:took|tomo|tome) (?:some |a |unas |un )?(?:tums|antacids?|rolaids|pepto|alka ?seltzer|sal de uvas|melox)';
const CARDIAC_COMPANION =
  'clammy|cold sweats?|in a sweat|drenched|diaphore[a-z]*|sweaty and|sweating and|and sweat(?:y|ing)|(?:im|i am|hes|shes|he is|she is|and) (?:all )?(?:sweating|sweaty)|sweating (?:a lot|bullets|buckets|profusely)|sudando(?: frio)?|sudor frio|sudoros[ao]|jaw|quijada|mandibula|left arm|brazo izquierdo';

/** Weapons and means for self-harm. */
const MEANS =
  'gun|guns|pistol|handgun|rifle|shotgun|revolver|firearm|knife|razor|blades?|rope|noose|pistola|arma|rifle|escopeta|revolver|cuchillo|navaja|cuerda|soga|pastillas|pills';

/** Opioids whose exposure makes a person (often a child) sleepy with tiny pupils. */
const OPIOID =
  'fentanyl|fentanilo|opioids?|opiates?|methadone|metadona|morphine|morfina|heroin|heroina|oxycodone|oxycontin|oxys|percocets?|hydrocodone|vicodin|norco|suboxone|buprenorphine|tramadol|pain patch|(?:fentanyl|pain|duragesic) patch|parche (?:de|para el) (?:dolor|fentanilo)';
const OPIOID_TOXIC =
  'pinpoint|pupils (?:are )?(?:tiny|small|pinpoint|like pinpoints)|tiny pupils|pupilas (?:muy |bien )?(?:chiquitas|pequenas|como (?:un )?punto)|(?:super|very|really|so|too|extremely|muy|bien) (?:sleepy|drowsy|somnolient[ao]|dormid[ao]|adormilad[ao])|hard to wake|cant (?:wake|keep)|wont (?:wake|stay awake)|no (?:despierta|se despierta)|breathing (?:is )?(?:slow|shallow|weird)|(?:slow|shallow) breathing|respira (?:muy )?(?:lento|despacio|poco)|blue lips|labios morados|limp|floppy|nodding off|cabeceando';

/** A sting or a food allergen just eaten. */
const ALLERGY_TRIGGER =
  'stung|stings?|bee|bees|wasps?|hornets?|yellow ?jackets?|fire ants?|picadura|pico (?:una |un )?(?:abeja|avispa|hormiga)|abejas?|avispas?|(?:ate|eaten|eating|had|bit into|took a bite of|comi|comio|se comio|probo) (?:[a-z]+ ){0,4}(?:peanuts?|nuts?|cashews?|almonds?|pecans?|walnuts?|shellfish|shrimp|crab|lobster|sesame|cacahuate[s]?|mani|nueces|mariscos|camaron(?:es)?|ajonjoli)|(?:with|con|que tenia|que traia) (?:[a-z]+ )?(?:peanuts?|nuts|cacahuate[s]?|mani|nueces|shrimp|camaron(?:es)?|mariscos)';
/** A second body system involved (airway, voice, breathing, circulation, gut): anaphylaxis. */
const ALLERGY_SYSTEMIC =
  'hoarse|raspy|voice (?:is )?(?:going|changing|changed|sounds|funny|weird)|voz (?:ronca|rara|cambi[a-z]*)|ronc[ao]|throat|garganta|wheez[a-z]*|(?:me|le) silba|silbid[ao]|(?:hard|trouble|cant|struggling) (?:to )?breath[a-z]*|short of breath|no (?:puedo|puede) respirar|falta (?:el )?aire|dizz[a-z]*|lightheaded|faint[a-z]*|pass(?:ing|ed)? out|mare[a-z]*|desmay[a-z]*|(?:lips?|tongue|mouth|labios?|lengua|boca) (?:[a-z]+ ){0,3}(?:swell[a-z]*|swollen|hinch[a-z]*|tingl[a-z]*)|(?:swell[a-z]*|swollen|hinch[a-z]*) (?:[a-z]+ ){0,3}(?:lips?|tongue|mouth|labios?|lengua|boca)|vomit[a-z]*|throwing up';

const CONCEPT_FAMILIES_2: readonly FamilyDef[] = [
  {
    // a sting or a food allergen with a second system involved: "stung by a wasp, now dizzy and my voice is going hoarse"
    code: 'severe-allergic-reaction',
    level: 'emergency',
    a: ALLERGY_TRIGGER,
    needMessage: ALLERGY_SYSTEMIC,
    unless:
      'history|antecedentes|years ago|hace anos|last (?:year|summer)|el ano pasado|refill|resurtir|receta|prescription|epi ?pen (?:refill|prescription|expired)|allergy (?:test|testing|shots?)|seasonal|pollen|polen|honey|miel|bee pollen|spelling bee|(?:food|comida) (?:log|diary|diario)|trail mix|brownies? recipe',
  },
  {
    // scalds and deep or large burns: "pasta water ... skin coming off in sheets", "se le esta pelando la piel"
    code: 'burn',
    level: 'emergency',
    a: SCALD_SOURCE,
    b: BURN_SEVERE,
    window: 14,
    unless:
      'heartburn|acidez|agruras|sunburn|quemad[ao] (?:del|por el) sol|insolacion|razor|rug|freezer|calories|calorias|healing|sanando|scar|cicatriz|cook(?:ing)? (?:class|classes)|recipe|receta de',
  },
  {
    // indigestion-like pain with a sweat or jaw/arm pain: atypical heart attack
    code: 'chest-pain',
    level: 'emergency',
    a: INDIGESTION,
    needMessage: CARDIAC_COMPANION,
    unless:
      'for (?:weeks|months|years)|desde hace (?:semanas|meses|anos)|every (?:night|day|time i eat)|todas las noches|cada vez que como|pregnan[a-z]*|embaraz[a-z]*|refill|resurtir|receta|omeprazol[e]?|prilosec|nexium|pepcid|famotidin[a-z]*|pantopraz[a-z]*|(?:doing|feeling) (?:better|fine|good)|night sweats?|menopaus[a-z]*|hot flash[a-z]*|bochornos?',
  },
  {
    // a weapon or pills at hand with the intent to use them: "tengo la pistola en la mesa y pienso usarla"
    code: 'suicidal-thoughts',
    level: 'emergency',
    noRecentDowngrade: true,
    a: `(?:have|has|got|holding|bought|loaded|sitting with|staring at|tengo|tiene|compre|traigo|trae|agarre|agarro|cargue) (?:[a-z]+ ){0,2}(?:${MEANS})`,
    needMessage:
      '(?:going to|gonna|plan to|want to|will|about to|pienso|voy a|quiero|planeo) (?:use|usar)(?:la|lo|las|los)?(?: it| them| on me| on my ?self)?|usarla|usarlo|tonight|esta noche|ya no aguanto|cant (?:take it|do this|go on) any ?more|(?:im|i am) done|goodbye|thank you for (?:trying|everything)|gracias por todo|despedir[a-z]*|end (?:it|this|things)|acabar con (?:todo|esto)|in my (?:lap|hand|mouth)|to my (?:head|throat|wrist)|en (?:la|mi) (?:mano|boca|cabeza)|se va a (?:cortar|matar|disparar|colgar)|encerr[a-z]*|locked (?:himself|herself|themselves) in|wont (?:open|come out)|no (?:quiere|quiso) (?:abrir|salir)',
    unless:
      'hunting|caza|cazar|range|safe|caja fuerte|license|permit|licencia|permiso|lock|candado|kitchen|cocina|cook[a-z]*|cocin[a-z]*|refill|resurtir|receta|pharmacy|farmacia|(?:not|no) (?:suicidal|suicida)|would never|nunca (?:lo )?haria',
  },
  {
    // a goodbye / suicide note found or written
    code: 'suicidal-thoughts',
    level: 'emergency',
    noRecentDowngrade: true,
    a: '(?:goodbye|suicide|farewell) (?:note|notes|letter|letters|message|messages|video|text|texts)|cartas? (?:de )?(?:despedida|suicida)|cartas? despidiendose|nota (?:de )?(?:despedida|suicida)|carta (?:para )?despedirse',
    unless:
      'departing|leaving|nurse|staff|(?:our|the) (?:doctor|dr|teacher)|retir[a-z]*|jubil[a-z]*|coworkers?|colleagues?|companeros|job|trabajo|moving|mudanza|team|class|clase|teacher|maestr[ao]|graduat[a-z]*|school|escuela|book|libro|movie|pelicula|song|cancion',
  },
  {
    // relatives reporting a wish to die: "dijo que ya no quiere vivir", "she said she wants to die"
    code: 'suicidal-thoughts',
    level: 'emergency',
    noRecentDowngrade: true,
    a: '(?:ya )?no (?:quiere|quieren) (?:seguir (?:aqui|viviendo|viv[ao])|estar (?:aqui|viv[ao])|vivir|existir|despertar)|(?:quiere|quieren) (?:morir(?:se)?|matarse|suicidarse|quitarse la vida|desaparecer)|(?:says|said|told me|keeps saying|texted|wrote) (?:that )?(?:he|she|they) (?:wants?|wanted) to (?:die|kill (?:him|her|them)self|end (?:it|his life|her life|their life))|(?:says|said|told me|keeps saying|texted|wrote) (?:that )?(?:he|she|they) (?:doesnt|dont|didnt) want to (?:live|be alive|be here|wake up)',
    unless:
      'dying to|die laughing|dying laughing|laugh[a-z]*|de (?:risa|hambre|verguenza)|movie|pelicula|show|lol|jaja[a-z]*|haha[a-z]*|pet|dog|cat|perro|gato|plant|planta',
  },
  {
    // opioid exposure with sleepiness or tiny pupils: "had grandpa's fentanyl patch stuck on his arm ... pupils are tiny"
    code: 'overdose',
    level: 'emergency',
    a: OPIOID,
    needMessage: OPIOID_TOXIC,
    unless:
      'dose|dosis|lower|bajar|refill|renew|resurtir|receta|prescription|pharmacy|farmacia|side effects?|efectos? secundarios?|makes me|me (?:da|pone|hace)|(?:used|use) to|history|antecedentes|taper|weaning|disposal|dispose|desechar|how (?:do|should) i',
  },
  {
    // chemicals or lime splashed in the eye
    code: 'eye-problem',
    level: 'emergency',
    a: 'eyes?|ojos?',
    b: 'chemicals?|quimic[a-z]*|cal|cement|cemento|lime|bleach|cloro|lejia|lavandina|acid|acido|oven cleaner|drain cleaner|ammonia|amoniaco|lye|sosa|caustic[a-z]*|pepper spray|gas pimienta|battery acid|acido de bateria',
    window: 6,
    unless: 'drops?|gotas|refill|resurtir|receta|exam|examen|glasses|lentes|contacts|pink ?eye|conjunctiv[a-z]*|conjuntiv[a-z]*|allerg[a-z]*|alergi[a-z]*|pool|alberca|piscina|swim[a-z]*|nad(?:ar|ando|o)',
  },
  {
    // a limb crushed in a door or under a weight, swollen or discoloured: an injury to be seen today
    code: 'injury',
    level: 'urgent',
    a: '(?:slamm|smash|crush|pinch|jamm)[a-z]*|caught (?:it|my|his|her)|machu(?:c|qu)[a-z]*|apachurr[a-z]*|aplast[a-z]*|prens[a-z]*|prensad[ao]',
    b: 'finger|fingers|thumb|toe|toes|hand|foot|fingernail|nail|dedo|dedos|pulgar|mano|pie',
    window: 6,
    needMessage:
      'swollen|swell[a-z]*|hinch[a-z]*|black|purple|blue|morad[ao]|negr[ao]|bleed[a-z]*|sangr[a-z]*|(?:cant|cannot) (?:bend|move|straighten)|no (?:lo |la )?(?:puedo|puede) (?:doblar|mover)|crooked|chuec[ao]|bent|deform[a-z]*|punza[a-z]*|throbb[a-z]*|cries|llora',
    unless: 'months ago|years ago|hace (?:meses|anos)|healing|sanando|better|mejor',
  },
  {
    // several days without a bowel movement plus pain, bloating or vomiting
    code: 'severe-pain',
    level: 'urgent',
    a: 'constipat[a-z]*|estren[a-z]*|(?:havent|hasnt|not) (?:pooped|had a (?:bowel movement|bm|poop))|no bowel movement|no (?:he |ha )?(?:hecho|hago|hace|podido hacer) (?:del )?(?:bano|popo|caca)|no (?:he |ha )?(?:obrado|evacuado)',
    needMessage: 'bloat[a-z]*|inflad[ao]|hinchad[ao]|distend[a-z]*|vomit[a-z]*|throwing up|pain|hurts?|duele|dolor|cramp[a-z]*|colic[a-z]*',
    unless: 'iron|hierro|how (?:much|often)|cuanto|fiber|fibra|prune|ciruela|a little|un poco|for (?:years|months)|desde hace (?:anos|meses)',
  },
  {
    // blood from the rectum, even a little (hemorrhoids, fissure, bleeding)
    code: 'gi-bleeding',
    level: 'urgent',
    a: 'sangr[a-z]* (?:[a-z]+ ){0,3}(?:al|cuando) (?:obrar|hacer del bano|hacer popo|evacuar|ir al bano|limpiarme)|blood (?:when i (?:wipe|poop|go)|on the (?:toilet paper|tissue|paper))|rectal bleeding|bleeding from (?:my|his|her|the) (?:rectum|bottom|butt)|sangrado rectal|sangre (?:en el|al) (?:papel|limpiarme)',
    unless: 'results|resultados|history|antecedentes|years ago|hace anos|colonoscop[a-z]*',
  },
  {
    // a painful band of blisters on one side: shingles
    code: 'shingles',
    level: 'urgent',
    a: 'blisters?|ampoll[a-z]*|rash|sarpullido|salpullido|ronchas?|granitos|bumps',
    b: 'one side|un lado|band|stripe|strip|franja|cinturon|faja|belt|line (?:around|across)|en linea|wraps? around|(?:left|right) side of (?:my|his|her) (?:back|chest|waist|side|face|forehead)',
    window: 8,
    unless: 'history|antecedentes|years ago|hace anos|vaccin[a-z]*|vacuna[s]?|shingrix|shots?',
  },
  {
    // hurt the back lifting or twisting: an acute injury
    code: 'injury',
    level: 'urgent',
    a: '(?:hurt|threw out|pulled|strained|twisted|injured|tweaked|wrenched) (?:my|his|her) (?:lower |upper )?back|back (?:went out|gave out)|(?:me |se )?(?:lastime|lastimo|jale|jalo|safe|zafe|torci) (?:la )?espalda|(?:me |se )?(?:lastime|lastimo|jale|jalo|safe|torci) (?:la )?cintura',
    unless: 'months ago|years ago|last year|hace (?:meses|anos)|el ano pasado|physical therapy|terapia|chiropract[a-z]*|quiropractic[a-z]*|healing|better|mejor|for (?:years|months)|chronic|cronic[ao]',
  },
  {
    // a cough for days with green sputum, fever, blood or breathlessness
    code: 'infection-signs',
    level: 'urgent',
    a: 'cough[a-z]*|tos|tosiendo',
    b: '(?:\\d+|two|three|four|five|six|seven|several|a few|dos|tres|cuatro|cinco|seis|siete|varios|unos) (?:days|dias|weeks|semanas)|a week|una semana|since (?:last|monday|tuesday|wednesday|thursday|friday|saturday|sunday)',
    window: 8,
    needMessage:
      'green|verde|yellow|amarill[ao]|rust[a-z]*|fever|fiebre|calentura|temp|3[89](?:\\.\\d)?|10[0-4](?:\\.\\d)?|short of breath|falta de aire|chest (?:pain|hurts)|dolor de pecho|blood|sangre|(?:muy|bien|very|really|so) (?:cansad[ao]|tired|weak|debil)',
    unless: 'for (?:months|years)|desde hace (?:meses|anos)|smok[a-z]*|fum[a-z]*|allerg[a-z]*|alergi[a-z]*|lisinopril|ace inhibitor|results|resultados',
  },
  {
    // dizzy every time they stand, all day, since a new medicine
    code: 'dizziness',
    level: 'urgent',
    a: 'dizz[a-z]*|lightheaded|light headed|woozy|mare(?:ad[ao]|o|os|a|an)|me mareo',
    b: 'every time|whenever|all day|all the time|constantly|since (?:yesterday|this morning|last night|i started|starting)|(?:stand|standing|get|getting|sit|sitting) up|todo el dia|cada vez|a cada rato|al (?:pararme|levantarme|pararse|levantarse)|(?:me|se) (?:paro|levanto|para|levanta)|desde (?:ayer|que (?:empece|empezo))|new (?:med[a-z]*|pill|water pill|blood pressure)|medicina nueva|pastilla nueva',
    window: 8,
    unless: 'for (?:years|months)|desde hace (?:anos|meses)|history|antecedentes|used to|sometimes|a veces|(?:went|gone|is) away|se (?:me )?quito|vertigo (?:pills|meds)|meclizine',
  },
  {
    // a hot, red, growing patch of skin: cellulitis
    code: 'infection-signs',
    level: 'urgent',
    a: '(?:red|hot|warm|swollen|roj[ao]|calient[ea]|hinchad[ao]) (?:[a-z]+ ){0,3}(?:patch|area|spot|skin|streaks?|mancha|parte|zona|piel)|(?:patch|area|spot|mancha|zona) (?:[a-z]+ ){0,3}(?:red|hot|warm|roj[ao]|calient[ea])',
    b: 'getting bigger|bigger|spreading|growing|past the (?:pen |marker )?line|(?:drew|drawn|marked) (?:a |the )?(?:pen |marker )?line|se (?:esta )?(?:extendiendo|haciendo mas grande|creciendo)|mas grande|creciendo',
    window: 12,
    unless: 'sunburn|quemad[ao] del sol|birthmark|lunar|for (?:years|months)|desde hace (?:anos|meses)|healing|getting smaller|mas chic[ao]|better|mejor',
  },
  {
    // ataxia: can't walk straight, veering to one side, with a sudden onset
    code: 'stroke-signs',
    level: 'emergency',
    a: '(?:cant|cannot|couldnt|can not) walk (?:straight|a straight line|right)|(?:walking|walks) (?:like (?:hes|shes|im|he is|she is) drunk|crooked|sideways)|(?:keeps|kept) (?:falling|leaning|veering|tipping) (?:to one side|to the (?:left|right)|over)|no (?:puedo|puede|podia) caminar (?:derech[ao]|bien|recto)|(?:me voy|se va) de lado|camina (?:como )?(?:borrach[ao]|chueco|de lado)',
    needMessage:
      'sudden[a-z]*|all of a sudden|out of nowhere|de repente|de golpe|de la nada|started|empezo|hace (?:media hora|una hora|un rato|\\d+ (?:min|minutos|horas?))|(?:\\d+|an|a half) (?:min|mins|minutes|hours?|hour) ago|double|doble|slurr[a-z]*|vision|vista|numb|entum[a-z]*|droop[a-z]*',
    unless: 'drunk|borrach[ao]|tom(?:e|o) (?:mucho|alcohol)|drinking|beer|cerveza|knee|rodilla|hip|cadera|ankle|tobillo|foot|pie|back|espalda|for (?:years|months)|desde hace (?:anos|meses)|neuropath[a-z]*|neuropat[a-z]*',
  },
];

/** Third-party reports and metaphors seen on the writers' fourth and fifth sets (tuning-f / tuning-g). */
const CONCEPT_FAMILIES_3: readonly FamilyDef[] = [
  {
    // a relative threatening self-harm: "dice que se va a cortar", "she says she's going to kill herself"
    code: 'suicidal-thoughts',
    level: 'emergency',
    noRecentDowngrade: true,
    a: '(?:dice|dijo|amenaza|amenazo|grita|escribio) (?:que )?(?:se va a|va a|quiere|se quiere) (?:cortar|matar|suicidar|quitar la vida|colgar|aventar|tirar|disparar|hacer dano)|(?:says|said|threatening|threatened|keeps saying|texted|wrote|screaming) (?:that )?(?:hes|shes|theyre|he is|she is|they are|he will|she will|hell|shell|he|she|they)? ?(?:going to |gonna |will )?(?:cut|kill|hurt|hang|shoot|harm) (?:him|her|them)sel(?:f|ves)|threatening (?:suicide|to (?:kill|hurt|cut) (?:him|her|them)self)',
    unless: 'lol|jaja[a-z]*|haha[a-z]*|joking|bromea[a-z]*|video ?game|juego',
  },
  {
    // chest-pressure metaphors without the word chest: "feels like an elephant sitting on me"
    code: 'chest-pain',
    level: 'emergency',
    a: '(?:elephant|truck|car|anvil|boulder|piano|ton of bricks|someone|somebody|(?:a )?(?:heavy )?weight|elefante|un camion|alguien|una piedra|un peso) (?:is )?(?:sitting|standing|parked|pressing|pushing|stepping|laying|lying|sentad[ao]|parad[ao]|encima|aplastando(?:me)?|apretando(?:me)?) (?:on|en|sobre|encima de) (?:me|my (?:chest|heart)|mi (?:pecho|corazon)|el pecho|mi)',
    unless: 'lol|jaja[a-z]*|haha[a-z]*|bill|cuenta|factura|stress|estres|work|trabajo|deadline|anxi[a-z]*|ansiedad|(?:my|mi) (?:dog|cat|kid|son|daughter|baby|perro|gato|hijo|hija|bebe)',
  },
  {
    // pulled from water and still coughing, vomiting, sleepy or breathing oddly (drowning)
    code: 'breathing-difficulty',
    level: 'emergency',
    a: 'drown[a-z]*|almost drowned|nearly drowned|se (?:estaba )?ahog(?:o|ando) en|(?:fell|went|slipped) (?:in|into|under) (?:the )?(?:pool|water|lake|river|tub|bathtub|ocean)|underwater|under water|bajo el agua|se cayo (?:a|en|al) (?:la )?(?:alberca|piscina|pileta|agua|rio|lago|tina|mar)|(?:pulled|got|took) (?:him|her|them) out of (?:the )?(?:pool|water|lake|tub)|(?:lo|la) sacamos del agua',
    needMessage:
      'cough[a-z]*|tos[a-z]*|vomit[a-z]*|throwing up|sleepy|drowsy|adormilad[ao]|somnolient[ao]|dormid[ao]|breath[a-z]*|respir[a-z]*|blue|morad[ao]|limp|flojit[ao]|confus[a-z]*|wont wake|no despierta|not (?:acting )?right|raro',
    unless: 'swim (?:lessons?|class)|clases de natacion|lifeguard|salvavidas|phone|telefono|work|trabajo|paperwork|emails?|deudas|bills',
  },
  {
    // the worst headache of one's life, wherever the word "headache" sits
    code: 'worst-headache',
    level: 'emergency',
    a: 'worst (?:one |pain )?(?:of (?:my|his|her) life|(?:hes|shes|ive|i have|he has|she has) ever had|ever)|(?:el )?peor (?:dolor )?(?:de (?:mi|su) vida|que (?:he|ha) tenido)|(?:most|mas) (?:horrible|terrible|painful|intense|awful|fuerte|intenso|feo|doloroso|espantoso|insoportable) (?:headache |head pain |pain )?(?:of (?:my|his|her) life|de (?:mi|su) vida|(?:que|i|ive|hes|shes) (?:he |ha |have |has )?(?:ever )?(?:tenido|had|sentido|felt))',
    needMessage: 'head(?:ache)?|cabeza|migra[a-z]*',
    unless: 'usual|normal|typical|de siempre|como siempre|hangover|cruda|worst part|lo peor|customer service|service|servicio|(?:the|this|that) (?:movie|day|week|bill)|menstrual|period|regla',
  },
  {
    // a sudden change with drunk-sounding speech or a hand that will not grip (stroke)
    code: 'stroke-signs',
    level: 'emergency',
    a: '(?:sounds|sounded|talking|talks|acting|acts|seems) (?:like (?:hes|shes|he is|she is|im|i am) )?drunk|(?:suena|habla|se oye|parece) (?:como )?borrach[ao]|(?:hand|arm|leg|mano|brazo|pierna) (?:[a-z]+ ){0,2}(?:wont|will not|doesnt|cant|isnt) (?:hold|grip|grab|lift|work|move)',
    needMessage:
      'sudden[a-z]*|all of a sudden|out of nowhere|de repente|de golpe|de la nada|was (?:totally |completely |perfectly )?(?:fine|normal|ok|okay) (?:at|this|an|a|until|earlier|yesterday)|estaba (?:bien|normal) (?:en|esta|hace|hasta)|(?:didnt|doesnt|hasnt|did not|does not|has not) (?:drink|been drinking)|no (?:ha )?(?:tomado|bebido)|(?:right|left|one) (?:hand|arm|side|leg)|(?:mano|brazo|pierna|lado) (?:derech[ao]|izquierd[ao])',
    unless: 'beer|cerveza|wine|vino|tequila|vodka|alcohol|party|fiesta|bar|drinks|tomando|bebiendo|sleep[a-z]*|dorm[a-z]*|anesthesia|anestesia|dentist|dentista|novocaine|cast|yeso|splint|arthritis|artritis|carpal',
  },
  {
    // a child who is both dried out and listless: "no ha hecho pipi en todo el dia y esta muy dormido"
    code: 'unconscious',
    level: 'emergency',
    a: 'letharg[a-z]*|letargic[ao]|listless|(?:very|really|super|so|too) (?:sleepy|drowsy)|(?:muy|bien|demasiado) (?:dormid[ao]|somnolient[ao]|decaid[ao]|adormilad[ao])|(?:wont|cant|no (?:quiere|puede)) (?:wake|stay awake|despertar)',
    b: 'no (?:ha )?(?:hecho pipi|orinado|mojado (?:el )?panal)|(?:no|hasnt had a) wet diapers?|dry diapers?|(?:hasnt|has not|didnt) (?:peed|urinated|wet)|sunken|hundid[ao]|no tears|sin lagrimas|(?:not|wont|isnt) (?:drinking|feeding|nursing)|no (?:quiere )?(?:tomar|comer|mamar)|vomit[a-z]*|diarr[a-z]*',
    window: 12,
    needMessage: `${INFANT}|toddler|kid|child|son|daughter|hij[oa]|nin[oa]|chiquit[oa]`,
    unless: 'nap|siesta|night|noche|usual|normal|siempre|vaccin[a-z]*|vacuna[s]?|shots?',
  },
  {
    // fever with a purple rash that does not fade when pressed (meningococcal sepsis)
    code: 'fever-stiff-neck',
    level: 'emergency',
    a: 'rash|spots|dots|specks|bruises|manchas|manchitas|puntitos|puntos|ronchas|moretones',
    b: 'purple|morad[ao]s?|dark red|(?:dont|doesnt|do not|does not|wont|not|didnt) (?:blanch|fade|go away|disappear)|no se (?:quitan|borran|desaparecen|van)|glass test|prueba del vaso',
    window: 8,
    needMessage: 'fever[a-z]*|febrile|fiebre|calentura|temp|temperatura|burning up|ardiendo|10[1-6](?:\\.\\d)?|3[89](?:\\.\\d)?|40(?:\\.\\d)?',
    unless: 'bruis(?:e|es|ed) (?:from|after)|golpe|fell|cai|cayo|hit|pegue|vaccin[a-z]*|vacuna|for (?:weeks|months|years)|desde hace (?:semanas|meses|anos)|healing|mejor',
  },
  {
    // a hip that may be broken after a fall: leg shorter or turned out
    code: 'major-trauma',
    level: 'emergency',
    a: '(?:leg|foot) (?:looks |is |seems )?(?:shorter|turned out(?:ward)?|rotated|turned (?:out|sideways))|(?:pierna|pie) (?:se ve |esta |quedo )?(?:mas corta|volteado|volteada|torcid[ao] hacia afuera|chuec[ao] hacia afuera)|(?:broken|fractured|broke (?:her|his|my)) hip|hip (?:is |might be |may be )?(?:broken|fractured)|(?:se )?(?:fractur[a-z]*|rompio) (?:la )?cadera|cadera rota',
    unless: 'years ago|hace anos|last year|el ano pasado|history|antecedentes|replacement|reemplazo|rehab|terapia|physical therapy|recover[a-z]*|recuper[a-z]*|surgery (?:was|last)',
  },
  {
    // clinical shorthand: "CP 9/10 radiating to L arm, diaphoretic"
    code: 'chest-pain',
    level: 'emergency',
    a: 'cp|chest pain|chest pressure|chest tightness',
    needMessage:
      'radiat[a-z]*|diaphore[a-z]*|clammy|sweat(?:y|ing)|\\d{1,2} ?/ ?10|(?:l|left) arm|jaw|sob|short of breath|nause[a-z]*|crushing|pressure',
    unless:
      'cerebral palsy|paralisis cerebral|form|formulario|school|escuela|therapy|terapia|wheelchair|history|antecedentes|years ago|last (?:year|month)|refill|clinic|doctor|appointment|cita',
  },
  {
    // electrical injury and lightning: internal burns and heart rhythm problems
    code: 'major-trauma',
    level: 'emergency',
    a: 'electrocut[a-z]*|se electrocuto|(?:got|was|been|getting) (?:shocked|zapped)|electric(?:al)? shock|descarga electrica|(?:le|me) dio (?:la |una )?(?:luz|corriente|descarga)|struck by lightning|(?:le|me) cayo un rayo|power line|cable de (?:la )?luz|high voltage|alto voltaje',
    needMessage:
      'electrocut[a-z]*|lightning|rayo|power line|high voltage|alto voltaje|acting|weird|confus[a-z]*|passed out|unconscious|faint[a-z]*|burn[a-z]*|quemad[a-z]*|heart|corazon|chest|pecho|not (?:breathing|responding|right)|desmay[a-z]*|raro|confundid[ao]|no responde|numb[a-z]*|entumid[ao]|cant (?:move|feel)',
    unless: 'static|estatica|tiny|little shock|toque leve|electric (?:bill|company|car|toothbrush|blanket)|recibo de (?:la )?luz|history|antecedentes|years ago|hace anos|therapy|terapia|tens unit|shock therapy|electroshock|ect',
  },
  {
    // an animal bite or a bat in the room: rabies and infection risk, same day
    code: 'animal-bite',
    level: 'urgent',
    a: '(?:dogs?|cats?|raccoons?|bats?|fox|foxes|skunks?|squirrels?|monkeys?|horses?|perr[oa]s?|perrit[oa]s?|gat[oa]s?|mapaches?|murcielagos?|zorr[oa]s?|ardillas?|animal(?:es)?) (?:[a-z]+ ){0,3}(?:bit|bites|bitten|biting|mordio|mordieron|muerde|mordida|scratched|aranno|arano|rasguno|attacked|ataco)|(?:bit|bitten|mordid[ao]|scratched|aranad[ao]|attacked) by (?:a |the |an |our |my |his |her |the neighbors? )?(?:[a-z]+ )?(?:dogs?|cats?|raccoons?|bats?|fox|skunks?|squirrels?|perr[oa]|gat[oa])|mordida de (?:perro|gato|animal|murcielago|mapache)|(?:bat|murcielago)s? (?:[a-z]+ ){0,4}(?:room|bedroom|house|casa|cuarto|recamara|tent|cabin)|(?:rabies|rabia) (?:shot|vaccine|vacuna)s?',
    unless: 'nada grave|not serious|minor|superficial|just a (?:surface )?scratch|surface scratch|(?:isnt|not|no esta) (?:red|roj[ao])|when was my last|wondering if|years ago|hace anos|last year|el ano pasado|healed|sano|vaccinated (?:dog|cat|pet)|my dog (?:bit|ate) (?:my|the) (?:homework|shoe|toy)|bite (?:mark|guard|plate)|mosquito|bug|insect|chinche|pulga|flea|tick',
  },
  {
    // nerve pain shooting down a leg (sciatica) with a fresh onset
    code: 'severe-pain',
    level: 'urgent',
    a: '(?:pain|dolor|shooting|burning|electric) (?:[a-z]+ ){0,4}(?:shooting|radiating|going|goes|runs|running|travels|baja|bajando|corre|corriendo|se va|se me va) (?:[a-z]+ ){0,5}(?:down|into|por|hasta) (?:my|his|her|the|la|mi|su) (?:[a-z]+ )?(?:leg|pierna|buttock|butt|nalga|thigh|muslo)|(?:shooting|radiating|burning|electric) pain (?:[a-z]+ ){0,5}(?:down|into) (?:my|his|her|the) (?:[a-z]+ )?(?:leg|buttock|butt|thigh)|sciatica|ciatica',
    unless: 'for (?:years|months)|desde hace (?:anos|meses)|chronic|cronic[ao]|history|antecedentes|physical therapy|terapia|referral|referencia|refill|resurtir|better|mejor',
  },
  {
    // a puncture by a dirty object: tetanus and infection
    code: 'infection-signs',
    level: 'urgent',
    a: 'clavo oxidado|(?:se|me) (?:clavo|clave|enterro|enterre) (?:un |una )?(?:clavo|vidrio|aguja|alambre|fierro|espina)|(?:stepped on|stabbed by|puncture[d]? (?:by|from|with)) (?:a |an |some )?(?:rusty |dirty )?(?:nail|glass|needle|wire|tack|metal)|rusty (?:nail|metal|wire)',
    unless: 'years ago|hace anos|last year|el ano pasado|healed|sano',
  },
];

/** Every concept family, checked after the phrase families. */
export const CONCEPT_FAMILIES: readonly FamilyDef[] = [...CONCEPT_FAMILIES_1, ...CONCEPT_FAMILIES_2, ...CONCEPT_FAMILIES_3];
