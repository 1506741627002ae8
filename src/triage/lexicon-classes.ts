/**
 * Clinical classes added after the ninth blind set (tuning-m): presentations
 * the phrase lexicons and earlier concept families did not know at all —
 * testicular torsion, venomous bites and stings, heat stroke, hypothermia,
 * diabetic ketoacidosis, decreased fetal movement, ectopic pregnancy, a leg
 * clot with breathlessness, stridor and croup, caustic splashes to the eye,
 * open fractures and amputations — and urgent classes that were read as
 * routine (spreading rashes, bad medicine side effects, a tick bite with a
 * ring rash, mood crises without intent, frequent diarrhoea).
 *
 * Each family names the class of phrasing it covers, in English and Spanish
 * (accents stripped, third person, ages in days/weeks/months). They run
 * through the same guards as every other rule (negation, history,
 * hypotheticals, refill indications), so the word classes can be broad; the
 * `unless` lists keep the routine look-alikes routine.
 */
import { countNumber, type FamilyDef } from './lexicon-shared.js';

// ── word classes ──

/** A child of any age up to the teens, and the words parents use. */
const CHILD =
  'baby|babies|bebe|bebes|bebito|bebita|infant|newborn|recien nacid[ao]|toddler|kid|kids|child|son|daughter|boy|girl|hij[oa]|hijit[oa]|nin[oa]|nene|nena|chamac[oa]|chavo|chava|chiquit[oa]|guagua|grandson|granddaughter|niet[oa]|teen[a-z]*|adolescente';

/** Testicle words (also slang: "huevos", "his left ball"). */
const TESTICLE =
  'testicles?|testicular|testes|testis|scrotum|scrotal|(?:left|right|one|his|my) (?:ball|nut)s?|testiculos?|testiculo|escroto|bolsa escrotal|(?:los |un |el |sus )?huevos?|(?:los |un |el |sus )?huevitos?|bolitas|partes (?:intimas|nobles)';
const PAIN_SWELL =
  'pains?|painful|hurt[a-z]*|ach(?:e|es|ing|y)|sore|tender|swollen|swell[a-z]*|dolor|duel[e]n?|dolia|adolorid[ao]s?|hinchad[ao]s?|hinch[a-z]*|inflamad[ao]s?|morad[ao]|purple';
/** What makes testicular pain a torsion until proven otherwise: sudden, severe, with vomiting, or hours old. */
const TORSION_FLAG =
  'sudden[a-z]*|all of a sudden|out of nowhere|de repente|de golpe|de la nada|woke (?:him |her |me )?up|woke up|se desperto|lo desperto|amanecio|horrible|terrible|severe|excruciating|unbearable|worst|agony|killing (?:him|me)|insoportable|fuertisimo|muy fuerte|intens[ao]|espantoso|vomit[a-z]*|throw[a-z]* up|threw up|puk[a-z]*|nause[a-z]*|vomito|vomita|devolvio|(?:higher|high) (?:up )?than|mas arriba|sideways|de lado|(?:cant|can not|cannot) walk|no (?:puede|puedo) caminar|(?:an|one|two|three|a couple of|\\d+) hours? ago|(?:half an|an) hour|hace (?:una|un par de|\\d+|dos|tres|como una|como dos|media) horas?|hace (?:un rato|ratito)|right now|ahorita';

/** Snakes, including the local names of pit vipers and coral snakes. */
const SNAKE =
  'snakes?|rattle ?snakes?|rattlers?|copperheads?|cottonmouths?|water moccasins?|moccasins?|coral snakes?|adders?|vipers?|viboras?|viborita|serpientes?|culebras?|cascabel|coralillos?|nauyaca|cantil|mocasin';
/** Snakes nobody needs to ask about: any bite is an emergency. */
const VENOMOUS_SNAKE =
  'rattle ?snakes?|rattlers?|copperheads?|cottonmouths?|water moccasins?|moccasins?|coral snakes?|vipers?|cascabel|coralillos?|nauyaca|cantil|mocasin|venom[a-z]*|venenos[ao]|ponzon[a-z]*';
const BIT =
  'bit|bitten|bites|bite|biting|struck|strike|nipped|got (?:him|her|me)|mordio|mordida|mordido|mordid[ao]|morder|muerde|pico|picado|picad[ao]|picadura';
/** Systemic or spreading signs after a bite or sting (envenomation). */
const ENVENOMATION =
  'swell[a-z]* (?:up )?(?:fast|quick[a-z]*|a lot|so much|up his|up her|up my|up the)|swelling (?:is )?(?:spreading|moving|going up)|(?:spreading|moving) up|dizz[a-z]*|lightheaded|faint[a-z]*|pass(?:ed)? out|vomit[a-z]*|throwing up|threw up|nause[a-z]*|numb[a-z]*|tingl[a-z]*|(?:mouth|tongue|lips|face) (?:is |are |feels? |went )?(?:numb|tingl[a-z]*|thick|heavy)|metallic taste|blurr[a-z]*|double vision|droop[a-z]*|(?:trouble|hard|difficulty|cant|cannot) (?:breath[a-z]*|swallow[a-z]*|talk[a-z]*)|short of breath|wheez[a-z]*|cramp[a-z]*|muscle (?:spasms?|pain|rigid[a-z]*|tight[a-z]*)|(?:belly|stomach) (?:is )?(?:hard|rigid|board)|sweat[a-z]*|drool[a-z]*|jerk[a-z]*|twitch[a-z]*|restless|bruis[a-z]*|bleed[a-z]*|black|weak[a-z]*|confus[a-z]*|seiz[a-z]*|se (?:le |me )?(?:esta )?(?:hinchando|hincho|inflamando) (?:bien |muy |super )?(?:rapido|mucho|todo|todita)|se (?:le |me )?(?:esta )?(?:subiendo|extendiendo) la hinchazon|mare[a-z]*|desmay[a-z]*|vomit[a-z]*|vomito|nausea[s]?|entum[a-z]*|adormec[a-z]*|hormigue[a-z]*|(?:se le |se me )?(?:duerme|durmio) (?:la boca|la lengua|la cara)|lengua (?:pesada|trabada|dormida|adormecida|gruesa)|se le traba la lengua|vision (?:borrosa|doble)|(?:no (?:puede|puedo)|le cuesta|me cuesta|dificultad para) (?:respirar|tragar|hablar)|falta (?:de )?(?:el )?aire|calambres?|espasmos?|panza (?:dura|rigida)|sud[ao][a-z]*|sudor|babe[a-z]*|convuls[a-z]*|confundid[ao]|debil|sangr[a-z]*|moreton[a-z]*|negr[ao]';
/** Spiders and scorpions whose stings or bites can poison. */
const SPIDER =
  'black widows?|widow spiders?|brown recluse|recluse|spiders?|tarantulas?|aranas?|viuda negra|violinista|capulina|arana (?:de )?(?:rincon|casera)';
const SCORPION = 'scorpions?|alacran(?:es)?|alacrancito|escorpion(?:es)?';
const STUNG = `${BIT}|stung|sting|stings|stinging|got stung|pique|picaron|lo pico|la pico|me pico|le pico`;
const YOUNG_CHILD =
  'baby|bebe|bebito|bebita|infant|toddler|guagua|(?:[1-6]|one|two|three|four|five|six) ?(?:yo|y o|years? old|year old)|(?:de |tiene )(?:[1-6]|un|uno|dos|tres|cuatro|cinco|seis) anos?|chiquit[oa]|pequen[oa]|nin[oa] (?:de )?(?:[1-6]|un|dos|tres|cuatro|cinco|seis)';

/** Hot surroundings or exertion: the setting of heat illness. */
const HEAT_SETTING =
  'heat|heat wave|hot (?:day|car|sun|weather|attic|kitchen|outside|garage|warehouse)|(?:in|out in) the sun|sun all day|(?:working|worked|work|works|playing|played|running|ran|practice|practicing|mowing|hiking) (?:[a-z]+ ){0,3}(?:outside|outdoors|in the sun|in the heat|on (?:a|the) roof)|roof(?:s|ing|er)?|sauna|hot tub|marathon|(?:football|soccer|band) practice|calor|ola de calor|(?:bajo|en|al) (?:el |pleno )?sol|asolead[ao]|asoleo|insolacion|techos?|en el campo|la obra|construccion|(?:carro|coche|auto|camion) (?:encerrado|cerrado|al sol)|(?:trabaja|trabajo|trabajando|jugando|corriendo) (?:[a-z]+ ){0,3}(?:afuera|al sol|bajo el sol|en el sol|en los techos|en el campo)|(?:\\d{3}|1[01]\\d) (?:degrees|grados) (?:outside|afuera)|no (?:ac|a c|air conditioning|aire acondicionado|clima|fan|ventilador)|(?:ac|a c|air conditioning|air conditioner|aire acondicionado|clima) (?:is |went |was |has been )?(?:out|off|broken|broke|not working|dead|no (?:sirve|funciona|prende))|sin (?:aire acondicionado|clima|ventilador)';
/** The brain and skin signs that turn heat exhaustion into heat stroke. */
const HEAT_SIGN =
  'stopped sweating|(?:not|isnt|no longer|quit|hasnt been) sweating|(?:skin|he|she) (?:is |feels |was |looks )?(?:hot and dry|dry and hot|burning hot|bright red)|hot (?:and )?dry skin|confus[a-z]*|not making (?:any )?sense|talking (?:nonsense|gibberish|crazy|weird)|(?:saying|says) (?:things|stuff|cosas) (?:that )?(?:dont|do not) make sense|passed out|pass(?:ing)? out|collaps[a-z]*|faint[a-z]*|seiz[a-z]*|out of it|wont wake|hard to wake|not responding|unresponsive|stumbling|dejo de sudar|ya no (?:esta )?suda(?:ndo)?|no (?:esta )?suda(?:ndo)?|piel (?:muy )?(?:seca y caliente|caliente y seca)|confundid[ao]|desorientad[ao]|(?:dic(?:e|iendo|io|ir)|decir|habla(?:ndo|r)?) (?:puras )?(?:cosas|tonterias|incoherencias|disparates)(?: sin sentido| raras| que no tienen sentido)?|sin sentido|desmay[a-z]*|se desvanecio|se desplomo|convuls[a-z]*|no (?:responde|reacciona|contesta bien)|tambalea[a-z]*|(?:temp|temperature|temperatura|termometro|thermometer|fever|fiebre|calentura)(?: [a-z]+){0,3} (?:10[4-9]|4[01])(?:\\.\\d)?';
/** Brain signs only (for a heat setting without the skin signs). */
const HEAT_BRAIN =
  'confus[a-z]*|not making (?:any )?sense|talking (?:nonsense|gibberish|crazy)|passed out|collaps[a-z]*|seiz[a-z]*|wont wake|hard to wake|not responding|unresponsive|stopped sweating|dejo de sudar|ya no suda|confundid[ao]|desorientad[ao]|(?:diciendo|dice|decir|dijo|hablando|habla) (?:cosas|puras|tonterias|incoherencias|disparates)|sin sentido|desmay[a-z]*|se desplomo|convuls[a-z]*|no (?:responde|reacciona)|(?:temp|temperature|temperatura|termometro|thermometer|fever|fiebre|calentura)(?: [a-z]+){0,3} (?:10[4-9]|4[01])(?:\\.\\d)?';

/** Cold exposure: the setting of hypothermia. */
const COLD_SETTING =
  '(?:in|out in) the (?:cold|snow)|outside (?:all night|overnight|in the cold)|(?:locked|stuck|found) (?:outside|out)|snow|freezing (?:cold|water|outside|temps?|temperatures?)|below (?:zero|freezing)|icy (?:water|lake|river)|fell (?:through|into) (?:the )?(?:ice|icy|frozen|cold)|frozen (?:lake|pond|river)|cold (?:water|lake|river|house|apartment)|no heat|heat (?:went|is|was) out|without heat|power (?:went|is|was) out|hypotherm[a-z]*|frio|helad[ao]|heladas|nieve|hielo|agua (?:helada|fria)|sin calefaccion|sin calentador|a la intemperie|(?:toda la noche|la noche) (?:afuera|en la calle)|se quedo (?:afuera|en la calle)|hipotermia';
const COLD_SIGN =
  'stopped shivering|(?:wont|cant|cannot) stop shivering|shivering (?:uncontrollably|violently|so hard|nonstop)|confus[a-z]*|slurr[a-z]*|(?:very|really|so|super|extremely) (?:sleepy|drowsy)|drowsy|hard to wake|wont wake|not making sense|stumbling|clumsy|(?:skin|lips|face) (?:is |are |looks |turned )?(?:blue|gray|grey|waxy|pale and cold|ice cold)|ice cold|cold to the touch|(?:temp|temperature|temperatura|termometro|thermometer)(?: [a-z]+){0,3} (?:8\\d|9[0-5])(?:\\.\\d)?|(?:temp|temperature|temperatura|termometro)(?: [a-z]+){0,3} (?:2\\d|3[0-4])(?:\\.\\d)?|ya no tiembla|dejo de temblar|no (?:para|deja) de temblar|tiembla (?:mucho|sin parar)|confundid[ao]|arrastra (?:las )?palabras|(?:muy |bien )?(?:somnolient[ao]|adormilad[ao])|no despierta|torpe|(?:helad[ao]|fri[ao]) al tacto|labios morados';

/** High blood sugar or ketones (numbers checked by the family). */
const HIGH_SUGAR =
  '(?:blood sugars?|sugars?|glucose|bg|bs|cbg|glucosa|azucar|glucemia|glicemia)(?: (?!(?:a1c|hba1c)(?![a-z]))[a-z]+){0,5} (?:of |at |is |was |de |en |es )?(\\d{3})|(?:sugar|glucose|azucar|glucosa|meter|glucometer|glucometro) (?:[a-z]+ ){0,3}(?:hi|too high to read|off the charts|demasiado alta para (?:medir|leer))(?! [a-z]+ (?:there|doc|doctor))|(?:meter|glucometer|glucometro) (?:[a-z]+ ){0,2}(?:says|reads|dice|marca) (?:hi|high|alto)|ketones? (?:[a-z]+ ){0,2}(?:high|large|moderate|dark|purple|positive|\\d(?:\\.\\d)?)|(?:large|moderate|high|big) ketones|cetonas (?:[a-z]+ ){0,2}(?:altas|positivas|moradas)|ketoacidosis|cetoacidosis|dka';
/** The vomiting, breathing and brain signs of ketoacidosis. */
const DKA_SIGN =
  'vomit[a-z]*|throwing up|threw up|puk[a-z]*|cant keep (?:anything|fluids|water) down|breath(?:ing)? (?:[a-z]+ ){0,2}(?:fast|deep|hard|heavy|weird)|(?:fast|deep|heavy) breath[a-z]*|panting|fruity|(?:acetone|nail polish) (?:smell|breath)|confus[a-z]*|(?:very|really|so) (?:sleepy|drowsy)|hard to wake|(?:belly|stomach|abdominal) (?:pain|hurts|ache)|vomit[a-z]*|vomito|vomitando|devolviendo|no retiene|respira (?:[a-z]+ ){0,2}(?:rapido|profundo|agitad[ao]|fuerte)|aliento (?:a fruta|dulce|a acetona|afrutado)|confundid[ao]|(?:muy )?(?:somnolient[ao]|adormilad[ao])|dolor de (?:panza|estomago|barriga)';

/** The baby's movements stopping or dwindling late in pregnancy. */
const FETAL_STILL =
  '(?:havent|hasnt|have not|has not|didnt|did not|not|cant|cannot) (?:felt|feel|feeling) (?:the |my |our )?baby (?:move|moving|kick|kicking)|(?:havent|have not|not) felt (?:any )?(?:kicks?|movements?|the kicks)|baby (?:has )?(?:stopped|quit) (?:moving|kicking)|baby (?:hasnt|has not|isnt|is not|wont) (?:moved|kicked|moving|kicking)|no (?:he |ha |lo |la )?(?:sentido|siento|siente|senti) (?:al |a mi |el |mi )?(?:bebe )?(?:moverse|mover|patear|patadas|pataditas|movimientos)|no (?:he |ha )?sentido (?:que se mueva|que patee)|(?:el |mi )?bebe (?:ya )?no (?:se )?(?:ha )?(?:movido|pateado|mueve|patea)|dejo de (?:moverse|patear)|(?:moving|kicking) (?:a lot )?less|less (?:movement|kicking)|(?:se mueve|patea) (?:mucho )?menos|casi no (?:se )?(?:mueve|patea)';
const FETAL_TIME =
  'since (?:yesterday|last night|this morning|lunch|breakfast|dinner|\\d+|noon)|all day|(?:\\d+|several|a few|many|twelve|twenty four|24) hours|kick counts?|fewer than (?:10|ten)|desde (?:ayer|anoche|la manana|esta manana|hace (?:[a-z0-9]+ )?horas)|todo el dia|(?:en|por) (?:todo el dia|horas|\\d+ horas)|en toda la (?:manana|tarde|noche)|conteo de patadas|(?:2[4-9]|3\\d|4[0-2]) ?(?:weeks|wks|semanas)|third trimester|tercer trimestre';

/** An early pregnancy (positive test, a late period, a few weeks along). */
const EARLY_PREGNANCY =
  'positive (?:pregnancy |home )?test|(?:pregnancy|home) test (?:[a-z]+ ){0,2}positive|prueba (?:de embarazo )?(?:[a-z]+ ){0,2}positiva|(?:period|regla|periodo) (?:is |was )?(?:late|(?:\\d+|two|three|a few) (?:days|weeks) late|atrasad[ao])|missed (?:my |her )?(?:last )?period|no me (?:ha )?baj(?:a|ado|o) (?:la regla|el periodo|mi regla)|(?:se me|tengo) atras(?:o|ada|ado) (?:la regla|el periodo)|(?:[4-9]|four|five|six|seven|eight|nine|cuatro|cinco|seis|siete|ocho|nueve) ?(?:weeks|wks|semanas) (?:pregnant|along|de embarazo)|early pregnan[a-z]*|embarazo (?:temprano|de pocas semanas)|(?:pregnant|embarazada)';
/** One-sided pelvic pain, shoulder-tip pain or fainting: ectopic until proven otherwise. */
const ECTOPIC_SIGN =
  '(?:sharp|stabbing|severe|bad|terrible|horrible|intense|really bad|constant) (?:[a-z]+ ){0,3}(?:pain|cramp[a-z]*) (?:[a-z]+ ){0,5}(?:left|right|one) side|(?:left|right|one) side (?:[a-z]+ ){0,3}(?:pain|hurts|cramp[a-z]*|is killing)|(?:lower|low) (?:left|right) (?:belly|abdomen|stomach|side|pelvis) (?:[a-z]+ ){0,3}(?:pain|hurts|killing)|(?:sharp|stabbing|severe|bad|terrible|horrible|intense|constant) (?:[a-z]+ ){0,3}(?:pain|cramp[a-z]*) (?:[a-z]+ ){0,4}(?:lower |low )?(?:left|right) (?:belly|abdomen|stomach|pelvis|ovary|groin)|shoulder (?:tip )?(?:pain|hurts)|pain (?:[a-z]+ ){0,3}(?:in|to) (?:my |her )?shoulder|pass(?:ed)? out|fainted|faint|dolor (?:[a-z]+ ){0,4}(?:fuerte|horrible|intenso|punzante|terrible) (?:[a-z]+ ){0,4}(?:lado (?:izquierdo|derecho)|un lado)|(?:lado (?:izquierdo|derecho)|un lado) (?:[a-z]+ ){0,4}(?:dolor|duele|punzadas?) (?:muy )?(?:fuerte|horrible|intenso|terrible)|dolor (?:[a-z]+ ){0,4}(?:hombro)|(?:me |se )?desmay[a-z]*';

/** A swollen or painful leg (a clot), and the breathlessness of a clot that moved. */
const LEG_CLOT =
  'calf|calves|leg|legs|thigh|pantorrillas?|piernas?|muslo|dvt|blood clot|clots?|coagulos?|trombosis';
const LEG_SIGN =
  'swollen|swell[a-z]*|hinch[a-z]*|inflamad[ao]|pains?|painful|hurt[a-z]*|tender|sore|aches?|aching|duel[e]n?|dolor|adolorid[ao]|red|roj[ao]|warm|hot|calient[ea]|clot|coagulo|dvt';
const PE_SIGN =
  'short(?:ness)? of breath|(?:cant|can not|cannot|hard to|trouble|struggling to) (?:breathe|breathing|catch (?:my|his|her) breath)|breathless|winded|out of breath|chest (?:pain|hurts|tight[a-z]*)|(?:pain|hurts) (?:[a-z]+ ){0,2}(?:when|to) (?:i |he |she )?(?:breathe|take a (?:deep )?breath|inhale)|cough[a-z]* (?:up )?blood|falta (?:de )?(?:el )?aire|me falta el aire|le falta el aire|no (?:puedo|puede) respirar|(?:me|le) cuesta respirar|dolor (?:en el|de|del) pecho|(?:me|le) duele el pecho|(?:me|le) duele al respirar|tos con sangre';

/** A barking (croup) cough. */
const BARK =
  'bark[a-z]* (?:[a-z]+ )?cough|cough (?:[a-z]+ ){0,3}(?:like a (?:seal|dog)|barking|bark[a-z]*)|seal (?:cough|bark)|sounds like a (?:seal|barking dog)|croup[a-z]*|tos (?:de |como de |como )?(?:perro|perrito|foca)|tos perruna|crup|laringotraqueitis';
/** Stridor: a harsh, high sound on breathing in. */
const STRIDOR =
  'stridor|estridor|(?:high pitched|high pitch|squeak[a-z]*|whistl[a-z]*|crowing|honking|harsh|raspy|noisy|loud|weird|scary) (?:[a-z]+ ){0,2}(?:sound|noise|squeak|whistle|breathing|breath|gasp)s? (?:[a-z]+ ){0,3}(?:breath(?:es|ing)? in|inhal[a-z]*|when (?:he|she|they) breathes?|each breath|every breath)|(?:squeak[a-z]*|whistl[a-z]*|crowing|honking) (?:when|as) (?:he|she|they) breathes? in|(?:ruido|chillido|silbido|sonido|ronquido) (?:[a-z]+ ){0,3}(?:al|cuando|cada vez que) (?:respirar|jalar (?:el )?aire|respira|jala (?:el )?aire|inhalar|inhala)|(?:chilla|silba|ronca) (?:[a-z]+ ){0,2}(?:al|cuando) (?:respirar|respira|jala aire)';
/** Drooling with an inability to swallow (epiglottitis, an abscess). */
const CANT_SWALLOW =
  'drool[a-z]* (?:[a-z]+ ){0,5}(?:cant|wont|can not|cannot|unable to) swallow|(?:cant|can not|cannot|unable to) swallow (?:[a-z]+ ){0,3}(?:spit|saliva|drool[a-z]*|own spit)|no (?:puede|puedo) (?:tragar|pasar) (?:ni )?(?:su |mi |la )?(?:saliva|babas)|babea (?:[a-z]+ ){0,3}(?:no puede tragar)';

const EYE = 'eyes?|ojos?|ojitos?|eyeball|cornea';
/** Caustics and chemicals that burn the eye (not soap, shampoo or pool water). */
const CAUSTIC =
  'bleach|clorox|cloro|cloralex|lejia|blanqueador|drain (?:cleaner|opener)|drano|destapa ?canos|destapacanos|oven cleaner|lye|sosa|caustic[a-z]*|acid|acido|ammonia|amoniaco|cement|cemento|concrete|concreto|mortar|cal viva|chemicals?|quimicos?|pool (?:shock|chemicals?|chlorine tablets)|battery (?:acid|fluid)|acido de bateria|pepper spray|gas pimienta|super ?glue|kola loca|degreaser|desengrasante|toilet (?:bowl )?cleaner|cleaner|limpiador|windex|lysol|fabuloso|pinol|hair (?:dye|relaxer)|tinte|alisador|insecticid[a-z]*|pesticid[a-z]*|fertilizer|fertilizante|gasoline|gasolina';
const SPLASH =
  'splash[a-z]*|sprayed|spray|squirt[a-z]*|got (?:in|into|some in)|went (?:in|into)|gotten (?:in|into)|in (?:his|her|my|the|both) eyes?|salpic[a-z]*|(?:le|me|se le|se me) (?:cayo|entro|brinco|salto|echo)|rocio|le (?:rociaron|echaron)|en (?:el|los|su|sus|mi|mis) ojos?';

/** Bone through the skin, a severed finger: a 911 call, not a same-day visit. */
const OPEN_FRACTURE =
  'bone (?:is )?(?:sticking|poking|coming|popping|showing|protruding) (?:out|through)|(?:see|seeing|can see|could see) (?:the )?bone|bone (?:through|out of) (?:the )?skin|open fracture|compound fracture|(?:se le |se me )?(?:ve|veia|sale|salio|asoma|asomaba|esta saliendo) (?:el )?hueso|hueso (?:de |por )?(?:fuera|afuera|expuesto|salido)|se le salio el hueso|fractura expuesta|(?:cut|chopped|sliced|ripped|torn|sawed|severed|took) (?:off|clean off) (?:his |her |my |the |a |part of (?:his |her |my |the )?)?(?:(?:tip|end|top|part|piece) of (?:his |her |my |the )?)?(?:[a-z]+ )?(?:finger|fingers|fingertip|toe|toes|hand|thumb|ear|foot)|(?:finger|fingertip|toe|thumb|hand|ear)s? (?:got |was |is |were )?(?:cut|chopped|sliced|ripped|torn|sawed) (?:clean )?off|severed|amputat[a-z]*|(?:se |me |le )?(?:mocho|moche|volo|arranco|amputo|rebano|cerceno) (?:un |el |la |una |dos |su |mi |parte del? |la punta del? )?(?:dedo|dedos|punta del dedo|mano|oreja|pie)|(?:se |me |le )?(?:corto|corte) (?:la punta del?|un pedazo del?|parte del?|un cacho del?) (?:su |mi )?(?:dedo|oreja)|(?:se |me |le )?(?:corto|corte) (?:el|un) dedo (?:completo|entero|de tajo|por completo)|(?:se le |le )?(?:arranco|volo|mocho|cerceno) (?:un |el |la )?(?:dedo|mano)|amputad[ao]|cercenad[ao]';

/** A named medicine, a new one, or a dose change: what a side effect is blamed on. */
const MED_BLAMED =
  'metformin[a]?|glucophage|lisinopril|enalapril|ramipril|losartan|statins?|atorvastatin[a]?|lipitor|simvastatin[a]?|rosuvastatin[a]?|crestor|pravastatin[a]?|amlodipin[ao]?|metoprolol|hctz|hydrochlorothiazide|hidroclorotiazida|furosemid[ae]|lasix|ozempic|semaglutid[ae]|wegovy|mounjaro|tirzepatid[ae]|trulicity|jardiance|farxiga|sertralin[ae]|zoloft|fluoxetin[ae]|prozac|lexapro|escitalopram|bupropion|wellbutrin|gabapentin[a]?|topiramat[eo]|prednison[ea]?|allopurinol|colchicin[ae]|antibiotic[s]?|antibiotico[s]?|amoxicillin|amoxicilina|augmentin|cipro|doxycycline|doxiciclina|(?:new|the new|this new) (?:[a-z]+ )?(?:med|meds|medication|medicine|pills?|prescription|dose)|(?:pastilla|medicina|medicamento|tableta)s? (?:nuev[ao]s? )?(?:del|de la|para el|para la|de) (?:colesterol|presion|azucar|diabetes|corazon|tiroides)|(?:pastilla|medicina|medicamento|tableta) nuev[ao]|(?:nuev[ao]) (?:pastilla|medicina|medicamento|tableta)|(?:dose|dosage|dosis) (?:[a-z]+ ){0,2}(?:went up|was (?:increased|raised|doubled|changed)|increase|got (?:increased|raised|bumped))|(?:since|after) (?:i |they |you )?(?:started|starting|switched|switching|began|increased|raised|bumped)|(?:me )?(?:subieron|aumentaron|cambiaron|doblaron) (?:la )?(?:dosis|medicina|pastilla)|desde que (?:empece|comence|empezo|me (?:subieron|cambiaron|dieron|recetaron))';
/** A side effect that stops someone working, sleeping or walking. */
const SIDE_EFFECT =
  'diarr[a-z]*|loose stools?|cough[a-z]*|tos|tosiendo|muscle (?:pain|aches?|cramps?|weakness)|(?:legs?|muscles?|thighs?|calves|arms?) (?:[a-z]+ ){0,2}(?:ache|aches|aching|hurt|hurts|hurting|pain|sore|weak|cramp[a-z]*)|(?:leg|muscle|body|joint) (?:pain|aches?)|duel(?:e|en) (?:mucho |muchisimo )?(?:las piernas|los musculos|el cuerpo|los brazos)|dolor (?:de|en) (?:las )?(?:piernas|musculos|cuerpo)|calambres?|vomit[a-z]*|throwing up|nause[a-z]*|mare[a-z]*|dizz[a-z]*|lightheaded|swell[a-z]*|hinch[a-z]*|palpitat[a-z]*|(?:cant|can not|cannot) (?:sleep|eat|keep food down)';
const SIDE_EFFECT_SEVERE =
  '(?:\\d+|four|five|six|seven|eight|nine|ten|cuatro|cinco|seis|siete|ocho|nueve|diez)(?: (?:or|to|o|a) \\d+| \\d+)? (?:times|veces|x) (?:a|al|per|por|each|every|cada) (?:day|dia)|(?:every|each) (?:hour|meal)|all (?:night|day)|toda la noche|todo el dia|keeps? (?:me|him|her) (?:up|awake)|(?:up|awake) all night|no me deja (?:dormir|trabajar|caminar)|miserable|wearing (?:me|him|her) (?:out|down)|(?:cant|can not|cannot|barely|hardly) (?:work|sleep|walk|function|get through|keep up|do my job)|casi no (?:aguanto|puedo)|no (?:aguanto|puedo (?:trabajar|dormir|caminar|comer|ni))|(?:cant|can not|cannot) (?:eat|keep (?:anything|food|water) down)|(?:vomit[a-z]*|throwing up|diarr[a-z]*) (?:[a-z]+ ){0,2}(?:every ?day|daily|todos los dias|a diario|diario)|(?:really|so|very) (?:bad|painful|sore|weak)|really (?:hurts|wearing)|so bad|terrible|horrible|unbearable|insoportable|muchisimo|(?:duel(?:e|en)|dolor) mucho|mucho dolor|constant[a-z]*|nonstop|non stop|sin parar|hacking|(?:getting|gotten) worse|empeor[a-z]*|cada vez (?:peor|mas)';

/** Mood words that, with a plea for help sooner, make a same-day call. */
const MOOD_BAD =
  'depress[a-z]*|deprimid[ao]|hopeless|sin esperanza|desesperad[ao]|(?:really|so|very|super) (?:down|low|dark|sad|bad)|(?:getting|gotten|been|going) (?:really |so |very )?(?:dark|worse|bad)|dark (?:place|thoughts|for me)|(?:cry|crying|cries|cried) (?:every ?day|all the time|all day|at work|constantly|nonstop|every night)|(?:lloro|llorando|llora|llorar) (?:todos los dias|todo el dia|mucho|a diario|sin parar|en el trabajo)|(?:not|barely|hardly|cant|cannot) sleep(?:ing)?|(?:no|casi no) (?:puedo )?(?:duermo|dormir)|anxiety|anxious|ansiedad|panic|panico|(?:sertraline|zoloft|fluoxetine|prozac|lexapro|escitalopram|citalopram|celexa|wellbutrin|bupropion|paxil|paroxetine|effexor|venlafaxine|cymbalta|duloxetine|trazodone|antidepressants?|meds|medication|sertralina|fluoxetina|paroxetina|antidepresivos?|medicina|pastillas) (?:[a-z]+ ){0,2}(?:isnt|is not|arent|are not|not|no longer|stopped|doesnt|dont|no (?:me )?(?:esta[n]? )?(?:ayuda|ayudan|funciona|funcionan|sirve|sirven|hace nada)) ?(?:helping|working|doing anything)?|triste|tristeza|(?:falling|fell) apart|(?:cant|cannot) (?:cope|function|get out of bed)|no (?:puedo|aguanto) (?:mas|con esto)|ya no (?:puedo|aguanto)';
/** Asking to be seen or called sooner than the next appointment. */
const TALK_SOON =
  '(?:talk|speak) (?:to|with) (?:someone|somebody|anyone|a (?:doctor|counselor|therapist|nurse|person|human)|you|someone) (?:[a-z]+ ){0,3}(?:soon|sooner|today|asap|right away|this week|now)|(?:need|want|have) to (?:talk|speak) (?:to|with) (?:someone|somebody) (?:soon|sooner|today|asap|now)|(?:someone|somebody) (?:[a-z]+ ){0,3}(?:soon|sooner|today|asap)|(?:cant|can not|cannot|dont think i can|not sure i can) wait (?:\\d+|two|three|four|five|six|several|a few|another)? ?(?:more )?(?:weeks|months|until|til|till|for|that long)|(?:call|see|talk to) me (?:today|sooner|soon|asap)|sooner|necesito hablar con alguien|no (?:puedo|aguanto) esperar (?:hasta|tanto|\\d+|dos|tres|cuatro|seis|varias|a la cita)|(?:me pueden|pueden|puede alguien|alguien me puede|alguien puede) (?:llamar|atender|ver|hablar)(?:me)? (?:[a-z]+ ){0,2}(?:hoy|pronto|antes)|antes de (?:mi|la) (?:cita|consulta)|lo mas pronto posible|lo antes posible|hoy mismo';

/** Frequent diarrhoea ("diarrhea 5-6 times a day", "diarrea 8 veces hoy"). */
const DIARRHEA =
  'diarr[a-z]*|loose stools?|watery (?:stools?|poop)|runs|bowel movements?|bms|evacuaciones|del bano|popo aguada|(?:ido|ir|fui|voy) al bano';
const TIMES = '(\\d+|four|five|six|seven|eight|nine|ten|twelve|a dozen|cuatro|cinco|seis|siete|ocho|nueve|diez|doce)(?: (?:or|to|o|a) \\d+| \\d+)? (?:times|veces|x)';

const HISTORY_WORDS = 'years ago|hace anos|last (?:year|summer|month)|el ano pasado|el verano pasado|history|antecedentes|historial';
const LEARNING =
  'prevent[a-z]*|prevenir|tips|consejos|safety|seguridad|class|clase|course|curso|hiking trip|first aid|primeros auxilios|kit|documentar|documentary|documental|movie|pelicula|show|video|game|juego|book|libro|dream|sone|sueno|costume|disfraz|toy|juguete';

/** Learning and prevention framing for heat illness (a game or practice is where it happens, so not those). */
const HEAT_LEARNING = 'prevent[a-z]*|prevenir|tips|consejos|safety|seguridad|class|clase|course|curso|first aid|primeros auxilios|documentary|documental|movie|pelicula|book|libro';

export const CLASS_FAMILIES: readonly FamilyDef[] = [
  // ───────────── testicular torsion ─────────────
  {
    // "dolor horrible en un testiculo, esta hinchado y vomito", "woke up with pain in his left testicle"
    code: 'testicular-torsion',
    level: 'emergency',
    a: TESTICLE,
    b: PAIN_SWELL,
    window: 7,
    needMessage: TORSION_FLAG,
    unless: `for (?:weeks|months|years)|desde hace (?:semanas|meses|anos)|(?:self|auto) ?exam[a-z]*|autoexploracion|vasectom[a-z]*|painless|sin dolor|testosterone|testosterona|results|resultados|varicocele|hydrocele|hidrocele|follow up|seguimiento|eggs?|(?:huevos?|huevitos?) (?:revueltos|estrellados|cocidos|fritos|con|a la|rancheros)|comi|comio|ate|breakfast|desayuno|almuerzo|cena|dinner|alergi[a-z]*|allerg[a-z]*|gallina|chicken|pollo|pascua|easter|${HISTORY_WORDS}`,
  },
  {
    // testicular pain without a torsion flag: same day
    code: 'testicular-pain',
    level: 'urgent',
    a: TESTICLE,
    b: PAIN_SWELL,
    window: 6,
    unless: `(?:self|auto) ?exam[a-z]*|autoexploracion|vasectomy consult|testosterone|testosterona|results|resultados|eggs?|(?:huevos?|huevitos?) (?:revueltos|estrellados|cocidos|fritos|con|a la|rancheros)|comi|comio|ate|breakfast|desayuno|almuerzo|cena|dinner|alergi[a-z]*|allerg[a-z]*|gallina|chicken|pollo|pascua|easter|${HISTORY_WORDS}`,
  },

  // ───────────── venomous bites and stings ─────────────
  {
    // any bite by a pit viper or coral snake; any snakebite with swelling, dizziness, vomiting, numbness
    code: 'venomous-bite',
    level: 'urgent',
    a: SNAKE,
    b: BIT,
    window: 8,
    escalateIf: `${VENOMOUS_SNAKE}|${ENVENOMATION}`,
    unless: `nobody|no one|noone|nadie|ninguno|snake (?:plant|oil|game|skin|eyes)|(?:pet|toy|rubber|plastic) (?:snake|serpiente|vibora)|ball python|corn snake|python|boa|(?:dead|muert[ao]) (?:snake|vibora|serpiente)|(?:in|on) (?:the )?(?:yard|garden|porch) (?:no one|nobody|but)|${LEARNING}|${HISTORY_WORDS}`,
  },
  {
    // a spider bite with cramps, sweating, a hard belly, spreading black skin
    code: 'venomous-bite',
    level: 'urgent',
    a: SPIDER,
    b: STUNG,
    window: 8,
    escalateIf: ENVENOMATION,
    unless: `spider veins?|aranas? vascular(?:es)?|varicose|varices|web|telarana|${LEARNING}|${HISTORY_WORDS}|healed|sano|healing|(?:getting|is) (?:smaller|better)|mejor`,
  },
  {
    // scorpion stings: systemic signs, or any young child, are an emergency
    code: 'venomous-bite',
    level: 'urgent',
    a: SCORPION,
    b: STUNG,
    window: 8,
    escalateIf: `${ENVENOMATION}|${YOUNG_CHILD}`,
    unless: `${LEARNING}|${HISTORY_WORDS}|zodiac|signo|sign|tattoo|tatuaje`,
  },

  // ───────────── heat illness ─────────────
  {
    // named outright: "I think he has heat stroke", "le dio un golpe de calor"
    code: 'heat-stroke',
    level: 'emergency',
    a: 'heat ?stroke|heatstroke|sun ?stroke|golpe de calor',
    unless: `${HEAT_LEARNING}|signs|symptoms|sintomas|senales|how (?:do|can|would) (?:i|you|we) (?:know|tell)|${HISTORY_WORDS}|risk|riesgo`,
  },
  {
    // stopped sweating / hot dry skin with confusion, collapse or a temperature ≥ 104 °F
    code: 'heat-stroke',
    level: 'emergency',
    a: HEAT_SIGN,
    needMessage: HEAT_SETTING,
    unless: `${HEAT_LEARNING}|antiperspirant|desodorante|deodorant|botox|topiramat[eo]|${HISTORY_WORDS}|confus[a-z]* (?:about|by) |confundid[ao] (?:sobre|por) |sweating (?:less|at night)|night sweats|sudores nocturnos`,
  },
  {
    // heat exhaustion named: urgent; with brain signs, an emergency
    code: 'heat-stroke',
    level: 'urgent',
    a: 'heat exhaustion|heat cramps|agotamiento por calor|insolacion|insolad[ao]|(?:too much|mucho) (?:sun|sol)|(?:overheated|overheating)|(?:se|me) (?:sobrecalento|acaloro|aso(?:leo|le))|acalorad[ao]',
    escalateIf: HEAT_BRAIN,
    unless: `${HEAT_LEARNING}|signs|symptoms|sintomas|senales|${HISTORY_WORDS}|car|carro|coche|laptop|phone|telefono|engine|motor|sunburn|quemadura de sol`,
  },

  // ───────────── hypothermia ─────────────
  {
    code: 'hypothermia',
    level: 'emergency',
    a: COLD_SIGN,
    needMessage: COLD_SETTING,
    unless: `${LEARNING}|${HISTORY_WORDS}|raynaud[a-z]*|fingers|dedos|toes|hands|manos|fever|fiebre|calentura|chills (?:and|with) fever|(?:ac|air conditioning|aire acondicionado)|ice (?:pack|cream)|helado de|paleta|nieve de|hielo (?:en|para)|compresa`,
  },

  // ───────────── diabetic ketoacidosis ─────────────
  {
    // high sugar or ketones with vomiting, fast/deep breathing, fruity breath or confusion
    code: 'diabetic-ketoacidosis',
    level: 'emergency',
    noRecentDowngrade: true,
    a: HIGH_SUGAR,
    needMessage: DKA_SIGN,
    check: (a) => a[1] === undefined || (Number(a[1]) >= 250 && Number(a[1]) < 1000),
    unless: `${HISTORY_WORDS}|${LEARNING}|a1c|hba1c|last (?:week|month)|la semana pasada|(?:ketone|cetona)s? (?:strips?|tiras?) (?:are |were |came back )?(?:negative|negativ[ao]s?)|negative ketones|(?:ketones|cetonas) (?:[a-z]+ )?(?:negative|negativ[ao]s|trace|normal)|pounds|lbs|libras|calories|calorias|carbs|grams|gramos`,
  },

  // ───────────── pregnancy ─────────────
  {
    // the baby not moving, or moving less for hours, late in pregnancy
    code: 'decreased-fetal-movement',
    level: 'emergency',
    a: FETAL_STILL,
    needMessage: `${FETAL_TIME}|pregnant|embarazada|weeks|semanas|due|fecha de parto|ob|ginecolog[a-z]*`,
    unless:
      'yet|todavia|aun no|when (?:should|will|do|does)|cuando (?:voy|debo|deberia|se|empiezo|empieza|empezare)|first (?:pregnancy|baby|time)|primer(?:iz[ao]| embarazo| bebe)?|(?:1[0-9]|[4-9]|twelve|fourteen|fifteen|sixteen|eighteen) ?(?:weeks|wks|semanas)|first trimester|primer trimestre|normal (?:to|that|if)|es normal|kicking a (?:ton|lot)|se mueve mucho|lol|jaja[a-z]*',
  },
  {
    // a positive test or late period with one-sided pain, shoulder-tip pain or fainting (ectopic)
    code: 'pregnancy-warning',
    level: 'emergency',
    a: ECTOPIC_SIGN,
    needMessage: EARLY_PREGNANCY,
    unless: `${HISTORY_WORDS}|${LEARNING}|round ligament|ligamento redondo|(?:2[0-9]|3\\d|4[0-2]) ?(?:weeks|wks|semanas)|third trimester|tercer trimestre|gym|workout|lifting|ejercicio|pulled|strain|sleep[a-z]* on|dormi (?:de lado|sobre)|vaccin[a-z]*|vacuna|shot|inyeccion|blood draw`,
  },

  // ───────────── clot ─────────────
  {
    // a swollen, painful leg with breathlessness or chest pain: a clot that has moved
    code: 'possible-clot',
    level: 'emergency',
    // "swollen for 3 days, and today I can't breathe": the days-old leg is the point, not a past episode
    noRecentDowngrade: true,
    a: LEG_CLOT,
    b: LEG_SIGN,
    window: 6,
    needMessage: PE_SIGN,
    unless: `for (?:weeks|months|years)|desde hace (?:meses|anos)|chronic|cronic[ao]|heart failure|chf|lymphedema|linfedema|lipedema|varicose|varices|gym|workout|leg day|sore from|cramp (?:at night|last night)|restless legs?|piernas inquietas|${HISTORY_WORDS}|${LEARNING}`,
  },

  // ───────────── stridor, croup, epiglottitis ─────────────
  {
    // stridor, or a barking cough with noisy breathing in or struggling to breathe
    code: 'breathing-difficulty',
    level: 'emergency',
    a: STRIDOR,
    unless: `${HISTORY_WORDS}|${LEARNING}|snor[a-z]*|ronc(?:a|ar|ando|o) (?:en la noche|dormid[ao]|al dormir)|asleep|sleeping|dormid[ao]|stuffy|congest[a-z]*|mocos|nariz|nose|gone|went away|se le quito|ya no`,
  },
  {
    code: 'croup',
    level: 'urgent',
    a: BARK,
    escalateIf:
      'stridor|estridor|(?:high pitched|squeak[a-z]*|whistl[a-z]*|crowing) (?:[a-z]+ ){0,3}(?:breath[a-z]*|inhal[a-z]*)|(?:struggling|working hard|fighting|hard) (?:to |for )?breath[a-z]*|ribs? (?:are |is )?(?:sucking|pulling|caving)|retract[a-z]*|(?:blue|gray|grey) (?:lips|around)|(?:lips|labios) (?:[a-z]+ )?(?:blue|morados|azules)|drool[a-z]*|babea|(?:cant|can not|cannot) (?:talk|swallow|breathe|cry)|no (?:puede|puedo) (?:respirar|tragar|hablar|llorar)|se le hunden las costillas|le cuesta respirar|(?:chillido|silbido|ruido) (?:[a-z]+ ){0,3}(?:al|cuando) (?:respirar|respira|jalar)',
    unless: `${HISTORY_WORDS}|${LEARNING}|last week|la semana pasada|(?:all|much|way) better|mucho mejor|ya (?:se le quito|esta bien|no tiene)|gone|went away|daycare|guarderia|school|escuela|vaccine|vacuna`,
  },
  {
    code: 'breathing-difficulty',
    level: 'emergency',
    a: CANT_SWALLOW,
    unless: `${HISTORY_WORDS}|${LEARNING}|teeth[a-z]*|denticion|dentist|dentista|novocaine|anestesia|sleep[a-z]*|dormid[ao]|baby food|papilla`,
  },

  // ───────────── eye, bones ─────────────
  {
    // a caustic splashed in the eye: rinse and go now
    code: 'eye-chemical',
    level: 'emergency',
    a: EYE,
    b: CAUSTIC,
    window: 10,
    needMessage: `${SPLASH}|burn[a-z]*|arde|ardor|quema|sting[a-z]*|pica|(?:cant|can not|cannot) (?:open|see)|no (?:puede|puedo) (?:abrir|ver)|rinsed|rinsing|flush[a-z]*|enjuag[a-z]*|lav(?:e|o|ando|amos)`,
    unless: `pool|alberca|piscina|swim[a-z]*|nad(?:ar|ando|o)|goggles|googles|eye ?drops?|gotas|shampoo|champu|soap|jabon|sunscreen|bloqueador|protector solar|contact (?:lens )?solution|solucion (?:de|para) (?:lentes|pupilentes)|safety glasses|lentes de seguridad|${HISTORY_WORDS}|${LEARNING}|last week|la semana pasada`,
  },
  {
    // bone through the skin, a finger cut off
    code: 'major-trauma',
    level: 'emergency',
    a: OPEN_FRACTURE,
    unless: `${HISTORY_WORDS}|${LEARNING}|amputee|prosthe[a-z]*|protesis|stump|munon|phantom|fantasma|x ?rays?|radiografia|broth|soup|caldo|(?:chicken|fish|beef|pork|pollo|pescado|res|cerdo) bones?|hueso de (?:pollo|pescado|res|cerdo)|dog|perro|nails?|unas?|hangnail|padrastro|hair|pelo|cabello|cuticle|cuticula|wart|verruga|tag|skin tag|severed (?:ties|relationship|contact)|cortar (?:el|la) (?:pelo|unas)`,
  },

  // ───────────── urgent: tick bites, side effects, mood, diarrhoea ─────────────
  {
    // a tick bite with a bullseye/ring rash, a spreading red patch or a fever
    code: 'tick-bite-rash',
    level: 'urgent',
    a: 'ticks?|tick bites?|garrapatas?|garrapatita',
    b: 'bulls? ?eyes?|bullseye[a-z]*|target|ring|rings|circle|circulo|aro|anillo|rash|red (?:spot|area|mark|patch|blotch)|mancha(?: roja)?|ronchas?|roj[ao]|rojiz[ao]|fever|fiebre|calentura|(?:achy|aches|body aches|joint pain)|dolor de (?:cuerpo|articulaciones|huesos)|expanding|growing|bigger|spreading|grande|creciendo|extendiendo',
    window: 16,
    unless:
      'no (?:rash|redness|fever|ring)|sin (?:ronchas|mancha|fiebre|nada)|dog|perro|cat|gato|pet|mascota|horse|caballo|flea|pulga|repellent|repelente|check(?:ed)? for ticks|(?:how|what) (?:do|to|should) (?:i )?(?:remove|get (?:it|a tick) off|do)|como (?:se )?(?:quita|quito|saco)|lyme (?:vaccine|test)|tick[a-z]* (?:season|tock)|tic tac|years ago|hace anos|last (?:year|summer)|el ano pasado|el verano pasado',
  },
  {
    // a medicine's side effect bad enough to stop sleep, work or walking
    code: 'medication-side-effect',
    level: 'urgent',
    a: MED_BLAMED,
    b: SIDE_EFFECT,
    window: 14,
    needMessage: SIDE_EFFECT_SEVERE,
    unless:
      'mild|mildly|slight|slightly|a little|a bit|un poco|poquito|leve|just annoying|annoying|molest[a-z]* nada mas|(?:went|gone|goes|going) away|se (?:me |le )?(?:quito|paso)|better|mejor|next (?:visit|appointment|physical)|proxima (?:cita|consulta)|when i see you|at my (?:next )?(?:visit|physical|appointment)|no rush|no hay prisa|years ago|hace anos|refill|resurtir|common|comun|normal',
  },
  {
    // worsening low mood, crying, not sleeping, medicine not helping — and asking for help sooner
    code: 'mental-health-crisis',
    level: 'urgent',
    a: TALK_SOON,
    needMessage: MOOD_BAD,
    unless:
      'billing|bill|insurance|seguro|lab|labs|results|resultados|forms?|formulario|refill|resurtir|appointment reminder|reschedul[a-z]*|reprogramar|mri|x ray|referral|referencia|new patient',
  },
  {
    // diarrhoea five or more times a day
    code: 'vomiting-dehydration',
    level: 'urgent',
    a: DIARRHEA,
    b: TIMES,
    window: 6,
    check: (_a, b) => {
      const v = countNumber(b?.[1]);
      return v >= 5 && v <= 40;
    },
    unless: 'prep|preparacion|colonoscop[a-z]*|laxative|laxante|miralax|dulcolax|senna|magnesium citrate|citrato de magnesio|years ago|hace anos|normal|usual|de costumbre',
  },
];

// ───────────── infant dehydration: two independent signs anywhere in the message ─────────────

/** A child is the patient (dehydration signs only count for children). */
export const DEHYDRATION_CHILD = `${CHILD}|(?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten) ?(?:years?|yrs?) old|(?:[1-9]|1[0-2]) ?yo|(?:de|tiene) (?:[1-9]|1[0-2]|un|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez) anos?|(?:\\d{1,2}|one|two|three|un|una|dos|tres) ?(?:days?|weeks?|wks?|months?|mos?|dias?|semanas?|mes|meses) (?:old|de (?:edad|nacid[ao]))|de (?:\\d{1,2}|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once) (?:dias|semanas|meses|mes)`;
/** Independent dehydration signs; two of them (or one with listlessness) in a child is an emergency. */
export const DEHYDRATION_SIGNS: readonly string[] = [
  // no urine
  'no (?:ha|han|he) (?:mojado|orinado|hecho pipi|hecho pis)|(?:no|ningun|sin) (?:wet )?(?:diapers?|panal(?:es)? mojad[oa]s?)|(?:dry|bone dry) diapers?|panal(?:es)? (?:bien |muy )?secos?|(?:hasnt|has not|didnt|did not|havent|have not) (?:peed|urinated|wet (?:a |his |her )?diapers?|had (?:a|any) wet diapers?)|no wet diapers?|(?:isnt|not|hasnt been) (?:peeing|wetting)|no (?:pee|pipi)|no orina|casi no (?:orina|moja|hace pipi)|(?:barely|hardly) (?:peeing|wetting)|(?:only )?one wet diaper|un solo panal mojado',
  // no tears
  'no tears|without tears|sin lagrimas|(?:cries|crying|cry|llora|llorando) (?:[a-z]+ ){0,2}(?:without|with no|sin) (?:any )?(?:tears|lagrimas)|no (?:le )?(?:salen|caen|echa) lagrimas',
  // sunken eyes or soft spot
  'sunken (?:eyes|soft spot|fontanel[a-z]*)|(?:eyes|soft spot|fontanel[a-z]*) (?:look |are |is |seem |looks )?sunken|ojos hundidos|ojitos hundidos|(?:mollera|fontanela) hundida|se le hundi(?:o|eron) (?:la mollera|los ojos|los ojitos)',
  // dry mouth
  '(?:mouth|lips|tongue) (?:is |are |looks |feels |seems )?(?:very |really |so |super )?(?:dry|parched|sticky|cracked)|(?:boca|labios|lengua|boquita) (?:muy |bien |super )?(?:sec[oa]s?|reseca|partid[oa]s?|pegajos[ao])|dry (?:mouth|lips)',
];
/** Listless / hard to wake (with one dehydration sign in a child). */
export const DEHYDRATION_LISTLESS =
  'letharg[a-z]*|listless|(?:very|really|super|so|too|extremely) (?:sleepy|drowsy|weak|limp)|floppy|limp|hard to wake|(?:wont|cant|doesnt|barely|hardly) (?:wake|stay awake|open (?:his|her) eyes)|(?:barely|hardly) (?:opens?|opening) (?:his|her) eyes|casi no (?:abre|habre) (?:los ojos|los ojitos|sus ojos)|no (?:quiere )?abr(?:e|ir) (?:los ojos|los ojitos)|(?:muy|bien|demasiado|super) (?:dormid[ao]|somnolient[ao]|decaid[ao]|adormilad[ao]|debil|aguadit[ao]|flojit[ao])|no (?:tiene|le quedan) fuerzas|sin fuerzas|no despierta|no reacciona';
