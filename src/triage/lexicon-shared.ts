/**
 * Language-neutral parts of the lexicon: numeric vital-sign readings (checked
 * by value), multi-part rules (pregnancy + bleeding), and the word lists the
 * speller uses to fix typos in key words.
 */
import type { SignalDef } from './types.js';

/** Confused by an appointment, a message or a question (not a confused person): only when the words sit together. */
const CONFUSED_BY_ADMIN =
  '(?:confus[a-z]*|confundid[ao]s?) (?:[a-z]+ ){0,3}(?:appointments?|citas?|messages?|mensajes?|questions?|preguntas?|schedule|horarios?)|(?:appointments?|citas?|messages?|mensajes?|questions?|preguntas?|schedule|horarios?) (?:[a-z]+ ){0,3}(?:confus[a-z]*|confundid[ao]s?)';

const num = (s: string | undefined): number => (s === undefined ? Number.NaN : Number.parseFloat(s));

/** Is this a fever, by value? °F 101–110, or °C 38.3–43. */
const isHighFever = (v: number): boolean => (v >= 101 && v <= 110) || (v >= 38.3 && v <= 43);

const FILLER =
  '(?: ?[:=])?(?: (?:is|was|of|at|reading|readings|level|levels|reads|read|came back|went up to|up to|reached|hit|spiked to|around|about|like|over|above|almost|nearly|de|es|esta en|esta|en|como|hasta|casi|mas de|arriba de|sobre|anda en|le marca|marca|marco|me marca|me dio|dio|registro|ha estado|has been|has been around|keeps|stays|still|now|today|hoy|ahorita|this morning|was like|salio|me salio|le salio|sale|me sale|le sale|subio|subio a|bajo|bajo a|got|came out|showed|shows|says|said|dice|dijo)){0,3}';

export const SHARED_SIGNALS: readonly SignalDef[] = [
  {
    code: 'high-fever',
    level: 'urgent',
    patterns: [
      `(?:fever|temp|temperature|fiebre|temperatura|calentura|febrile|running a fever|thermometer|termometro)${FILLER}(?: a)? ?(\\d{2,3}(?:\\.\\d+)?)`,
      `(\\d{2,3}(?:\\.\\d+)?) ?(?:f|c|degrees?|grados|deg|fahrenheit|celsius|centigrados)?(?: (?:fahrenheit|celsius|centigrados|f|c))? (?:fever|de fiebre|fiebre|de temperatura|de calentura|temp|temperature)`,
      // a bare reading with a decimal in fever range is a temperature ("chills and 101.2")
      `((?:10[0-6]|3[89]|4[0-2])\\.\\d)(?! ?(?:lbs?|pounds|kg|kilos|libras|%|mg|ml|oz|mmol|a1c|units|miles|km))`,
    ],
    check: (m) => isHighFever(num(m[1] ?? m[2] ?? m[3])),
    // the weather, a room or an oven is not a body
    unless:
      '(?:outside|outdoor|room|weather|oven|water|pool|car|attic|house) (?:thermometer|temp[a-z]*)|(?:thermometer|termometro|temp[a-z]*) (?:outside|afuera|del (?:cuarto|carro|horno|agua)|of the (?:room|car|oven|water)|in the (?:room|car|house))|(?:degrees|grados) (?:outside|afuera)|heat index|indice de calor|temperatura (?:ambiente|del (?:cuarto|agua|horno|carro))|(?:hace|its|it is|it was) (?:\\d+ )?(?:degrees|grados)',
    // hyperpyrexia: 105 °F / 40.6 °C and above
    levelOf: (m) => {
      const v = num(m[1] ?? m[2] ?? m[3]);
      return (v >= 105 && v <= 110) || (v >= 40.6 && v <= 43) ? 'emergency' : 'urgent';
    },
  },
  {
    code: 'abnormal-blood-pressure',
    level: 'urgent',
    // an old reading (or a pulse during exercise) is not a problem now
    unless: 'last (?:week|month|year)|(?:weeks|months|years) ago|la semana pasada|el mes pasado|el ano pasado|hace (?:semanas|meses|anos)',
    patterns: [
      `(?:bp|blood pressure|pressure|presion|presion arterial|tension|tension arterial|la presion)(?: (?!(?:for|since|at|age|in|of|when)(?![a-z]))[a-z]+){0,4}?${FILLER} ?(\\d{2,3}) ?(?:/|over|sobre|entre) ?(\\d{2,3})`,
    ],
    check: (m) => {
      const sys = num(m[1]);
      const dia = num(m[2]);
      return sys > dia && (sys >= 160 || dia >= 100 || (sys <= 85 && sys >= 40));
    },
    // a systolic pressure of 80 or less is shock until proven otherwise; 220/130 is a crisis whatever the symptoms
    levelOf: (m) => (num(m[1]) <= 80 || num(m[1]) >= 220 || num(m[2]) >= 130 ? 'emergency' : 'urgent'),
  },
  {
    code: 'abnormal-blood-sugar',
    level: 'urgent',
    // an old reading (or a pulse during exercise) is not a problem now
    unless: 'last (?:week|month|year)|(?:weeks|months|years) ago|la semana pasada|el mes pasado|el ano pasado|hace (?:semanas|meses|anos)',
    patterns: [
      `(?:blood sugar|blood sugars|sugar|sugars|glucose|bg|bs|cbg|glucosa|azucar|nivel de azucar|glucemia|glicemia|el azucar)(?: (?!(?:a1c|hba1c|free|sin|for|since|at|age|in)(?![a-z]))[a-z]+){0,6}?${FILLER} ?(\\d{2,3})(?! ?(?:mg|%)?(?: [a-z]+)? ?(?:a1c|hba1c|pounds|lbs|libras|units|unidades|years|anos|calories|calorias|grams|gramos|carbs))`,
      '(?:blood sugar|sugar|sugars|glucose|azucar|glucosa) (?:is |was |keeps |has been |esta |anda |se me |se le )?(?:very|really|super|extremely|dangerously|way|muy|bien|demasiado|super) (?:low|high|baja|alta|bajo|alto)',
      '(?:meter|glucometer|glucometro|glucometer) (?:[a-z]+ ){0,2}(?:says|reads|dice|marca) (?:hi|high|lo|alto)',
    ],
    check: (m) => {
      if (m[1] === undefined) return true;
      const v = num(m[1]);
      return (v >= 300 && v < 1000) || (v >= 20 && v <= 60);
    },
    // under 30, or 600 and up (the meter's "HI"), is an emergency on its own
    levelOf: (m) => {
      const v = num(m[1]);
      return m[1] !== undefined && (v < 30 || v >= 600) ? 'emergency' : 'urgent';
    },
    // with a brain or breathing sign, or still falling after sugar, any abnormal reading is an emergency
    escalateIf:
      'confus[a-z]*|(?:cant|cannot|couldnt) (?:think|focus|swallow|wake|stay awake)|not making sense|slurr[a-z]*|passed out|pass(?:ing)? out|faint[a-z]*|seiz[a-z]*|unresponsive|hard to wake|breathing (?:fast|deep|hard|weird)|fruity|still (?:dropping|falling|going down)|no sabe (?:ni )?donde (?:esta|estamos)|(?:doesnt|does not) know where (?:she|he) is|(?:wont|not|isnt) (?:come|coming|go|going) up|confundid[ao]|no (?:puede|puedo) (?:tragar|pensar)|desmay[a-z]*|convuls[a-z]*|no (?:responde|despierta)|respira (?:muy )?(?:rapido|profundo|raro)|sigue bajando|no (?:me |le )?(?:sube|se (?:me |le )?quita)',
  },
  {
    code: 'abnormal-heart-rate',
    level: 'urgent',
    // an old reading (or a pulse during exercise) is not a problem now
    unless: '\\d+ ?(?:hr|hour|hora) (?:glucose|sugar|gtt|test|glucosa|prueba)|last (?:week|month|year)|(?:weeks|months|years) ago|la semana pasada|el mes pasado|el ano pasado|hace (?:semanas|meses|anos)|when i (?:run|exercise|work out|jog|bike)|running|jogging|exercis[a-z]*|workout|work out|treadmill|cardio|gym|spin class|corr[a-z]*|ejercicio|caminadora',
    patterns: [
      `(?:heart rate|heartrate|pulse|hr|pulso|frecuencia cardiaca|ritmo cardiaco|heart)(?: (?!(?:for|at|age|aged|in|since|of|about|when|attack|surgery|cath|stent)(?![a-z]))[a-z]+){0,2}?${FILLER} ?(\\d{2,3})(?! ?(?:years?|yrs?|anos|yo|old|minutes?|mins?|seconds?|days?|weeks?|pounds|lbs|%|percent))(?: ?(?:bpm|beats|latidos|lpm))?`,
    ],
    check: (m) => {
      const v = num(m[1]);
      return (v >= 130 && v <= 300) || (v >= 20 && v <= 40);
    },
    levelOf: (m) => (num(m[1]) >= 160 || num(m[1]) <= 35 ? 'emergency' : 'urgent'),
  },
  {
    // INR far above range on warfarin: bleeding risk, call today
    code: 'high-inr',
    level: 'urgent',
    patterns: [`(?:inr|pt inr|pt/inr)${FILLER} ?(\\d{1,2}(?:\\.\\d+)?)`],
    check: (m) => {
      const v = num(m[1]);
      return v >= 4.5 && v <= 20;
    },
  },
  {
    code: 'low-oxygen',
    level: 'urgent',
    // a low reading that was a bad probe: "cold fingers, rechecked 97"
    unless: 'rechecked|re checked|recheck|cold (?:fingers|hands)|nail polish|volvi a medir|manos frias',
    patterns: [
      `(?:oxygen|o2|sat|sats|spo2|oxigeno|saturacion|pulse ox|oximeter|oximetro|pulsioximetro)${FILLER} ?(\\d{2,3}) ?%?`,
    ],
    check: (m) => {
      const v = num(m[1]);
      return v >= 50 && v <= 92;
    },
    levelOf: (m) => (num(m[1]) < 90 ? 'emergency' : 'urgent'),
  },
  {
    code: 'severe-pain',
    level: 'urgent',
    patterns: [`(?:pain|dolor|hurts|duele)${FILLER} ?(\\d{1,2}) ?(?:/|out of|de|over|sobre) ?10`],
    check: (m) => {
      const v = num(m[1]);
      return v >= 8 && v <= 10;
    },
  },
];

/** Pregnancy mention (checked for negation like any symptom). */
export const PREGNANCY =
  '(?:pregnant|pregnancy|preggo|weeks along|expecting a baby|embarazada|embarazo|encinta|semanas de (?:embarazo|gestacion)|(?:im|i am|shes|she is|were|we are|at|tengo|tiene|estoy|esta|con) (?:[4-9]|[1-3]\\d|4[0-2]) ?(?:weeks|wks|wk|semanas)(?! (?:ago|old|de nacid[ao]|de edad))|(?:[4-9]|[1-3]\\d|4[0-2]) ?(?:weeks|wks|semanas) (?:pregnant|along|gestation|de gestacion)|(?:water|waters) broke|(?:se (?:me |le )?)?rompio la fuente|(?:la )?fuente se (?:me |le )?rompio|positive (?:home )?pregnancy test|pregnancy test (?:was |came back |is |came out )?positive|prueba de embarazo (?:me |le )?(?:salio |dio )?positiva|(?:salio|dio) positiva la prueba de embarazo)';
/** Bleeding of any amount; with a pregnancy it is an emergency. */
export const PREGNANCY_BLEEDING = '(?:bleeding|bleed|bled|blood|clots|sangr[a-z]*|hemorrag[a-z]*|coagulos)';
/** Other obstetric red flags. */
export const PREGNANCY_RED_FLAGS =
  '(?:water broke|waters broke|leaking fluid|gush of fluid|baby (?:isnt|is not|hasnt|has not|havent|stopped|not|didnt|doesnt|wont|hasnt been|has not been) (?:mov(?:ing|ed|e)|kick(?:ing|ed)?)|no fetal movement|(?:bebe|nene) no se (?:ha )?mov(?:ido|ia|e)|no (?:he )?sentido (?:al|el|a mi) bebe|severe (?:cramping|cramps|pain|abdominal pain|headache)|rompio la fuente|se me rompio la fuente|se rompio la fuente|fuente se rompio|sale liquido|bebe no se mueve|el bebe ya no se mueve|no siento (?:al|el|a mi) bebe|dolor (?:muy )?fuerte (?:en|de) (?:la )?(?:panza|barriga|vientre|abdomen)|vision borrosa y dolor de cabeza|blurry vision and (?:a )?headache|seeing (?:spots|stars|sparkl[a-z]*|flashing lights|flashes|lights)|(?:sparkly|sparkling|flashing|shimmering|little) (?:spots|lights)|spots in (?:my )?vision|(?:veo|ve|viendo) (?:lucecitas|luces|puntitos|manchitas|estrellitas|chispitas|destellos)|lucecitas|(?:pounding|horrible|terrible|severe|awful|splitting|throbbing|really bad) headache|headache (?:that )?(?:[a-z]+ ){0,2}(?:wont|will not|doesnt|isnt) (?:touch|help|go away|going away|stop)|(?:dolor de cabeza|me duele (?:mucho )?la cabeza) (?:[a-z]+ ){0,2}(?:horrible|terrible|fuerte|muy fuerte|que no se (?:me )?quita)|me duele mucho la cabeza|(?:face|hands|hands and face|face and hands) (?:are |is |got |so |really |very )*(?:swollen|puffy|swelling)|(?:la )?cara (?:y (?:las )?manos )?(?:bien |muy )?hinchad[ao]s?|(?:las )?manos (?:y (?:la )?cara )?(?:bien |muy )?hinchad[ao]s?|dolor (?:muy )?(?:horrible|terrible|fuerte|insoportable)|(?:horrible|terrible|insoportable) dolor|(?:horrible|terrible|unbearable|sharp|stabbing) (?:[a-z]+ )?(?:pain|cramps?|cramping)|(?:dolor|pain) (?:[a-z]+ ){0,8}(?:hombro|shoulder)|(?:pain|hurts|ache) (?:[a-z]+ ){0,3}(?:under|below|beneath) (?:my |her |the )?(?:right )?ribs|(?:upper right|right upper) (?:belly|stomach|abdomen|side|quadrant)|epigastric|dolor (?:[a-z]+ ){0,3}(?:en la |de la )?boca del estomago|dolor (?:[a-z]+ ){0,3}(?:debajo|abajo) de las costillas|(?:blurr[a-z]*|blurred) vision|vision (?:is |got |gone |went )?(?:blurr[a-z]*|fuzzy|dim)|vision borrosa|(?:veo|ve) (?:todo )?borroso)';
/** Just gave birth: preeclampsia and other red flags still apply for weeks (bleeding is judged by amount elsewhere). */
export const POSTPARTUM =
  '(?:had|delivered) (?:my|the|a|our) (?:baby|son|daughter) (?:last (?:week|weekend|month)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|a (?:week|few days|couple (?:of )?weeks) ago)|\\d+ (?:days|weeks|wks) (?:postpartum|post partum|after (?:delivery|giving birth|my c ?section))|(?:tuve|tuvo) (?:a )?(?:mi|su|el|la) (?:bebe|nino|nina|hij[oa]) hace|(?:acabo de|acaba de) tener (?:a )?(?:mi |su )?bebe|(?:tengo|tiene) (?:\\d+|una|dos|tres|cuatro|cinco|seis) (?:dias|semanas) de (?:haber dado a luz|parida|postparto|posparto|aliviada)|(?:estoy|esta) en (?:la )?cuarentena (?:del parto|despues del parto)?|posparto|postparto|despues del parto|(?:had|delivered) (?:my|the|a|our) (?:baby|son|daughter) (?:\\d+|a few|two|three|four|five|six|ten) (?:days|weeks|wks) ago|(?:gave|given) birth|postpartum|post partum|(?:di|dio) a luz|recien (?:di|dio) a luz|(?:mi )?parto fue hace|(?:c ?section|cesarea) (?:was )?(?:\\d+|a few|two|three|hace) (?:days|weeks|dias|semanas)';
/** Meningitis-style combination: stiff neck with fever. */
export const STIFF_NECK =
  '(?:stiff neck|neck is stiff|neck (?:[a-z]+ )?stiff|cant bend (?:my|his|her) neck|(?:cant|cannot|can not|wont|unable to) (?:touch|put|bring|get|tuck) (?:his |her |my )?chin (?:to|on|down to|against) (?:his |her |my |the )?chest|(?:cant|cannot|can not|wont) (?:look|bend) (?:down|forward)|(?:neck|cuello) (?:[a-z]+ ){0,2}(?:hurts|duele) (?:[a-z]+ ){0,3}(?:bend|look down|doblar(?:lo)?|agachar|bajar la cabeza)|no (?:puede|puedo) (?:bajar|agachar|doblar) (?:la cabeza|el cuello)|no (?:puede|puedo) (?:tocar(?:se|me)?|pegar(?:se|me)?) (?:el pecho con la barbilla|la barbilla (?:al|en el|con el) pecho)|cuello (?:muy |bien )?(?:rigido|tieso|duro)|rigidez (?:de|en el) cuello)';
export const FEVER_WORD =
  '(?:fever|feverish|febrile|temperature|temp|burning up|hot to the touch|fiebre|calentura|temperatura|ardiendo|afiebrad[ao])';

/** Key words the speller corrects towards (one edit away, same first letter, ≥ 5 letters). */
export const KEYWORDS: readonly string[] = [
  // English
  'chest',
  'pain',
  'pains',
  'pressure',
  'tightness',
  'heart',
  'attack',
  'breath',
  'breathe',
  'breathing',
  'shortness',
  'stroke',
  'seizure',
  'seizures',
  'seizing',
  'suicide',
  'suicidal',
  'myself',
  'bleeding',
  'blood',
  'overdose',
  'overdosed',
  'hurts',
  'hurting',
  'unconscious',
  'unresponsive',
  'fainted',
  'passed',
  'swelling',
  'swollen',
  'throat',
  'tongue',
  'drooping',
  'droopy',
  'slurred',
  'slurring',
  'speech',
  'numbness',
  'weakness',
  'paralyzed',
  'allergic',
  'reaction',
  'anaphylaxis',
  'anaphylactic',
  'epipen',
  'headache',
  'vomiting',
  'vomit',
  'fever',
  'temperature',
  'poison',
  'poisoning',
  'pills',
  'collapsed',
  'convulsing',
  'convulsion',
  'gasping',
  'choking',
  'wheezing',
  'urinate',
  'urinating',
  'urination',
  'burning',
  'spreading',
  'pregnant',
  'pregnancy',
  'stitches',
  'incision',
  'surgery',
  'procedure',
  'diarrhea',
  'dehydrated',
  'insulin',
  'inhaler',
  'medication',
  'medicine',
  'refill',
  'prescription',
  'unbearable',
  'severe',
  'excruciating',
  'worst',
  'worse',
  'sudden',
  'suddenly',
  'confused',
  'confusion',
  'palpitations',
  'racing',
  'pounding',
  'difficulty',
  'trouble',
  'struggling',
  'consciousness',
  'tablets',
  'bottle',
  'swallowed',
  'emergency',
  'ambulance',
  'hopeless',
  'crushing',
  'squeezing',
  'radiating',
  'breathless',
  'suffocating',
  'unable',
  'cannot',
  'couldnt',
  'doesnt',
  'wouldnt',
  'lightheaded',
  'dizzy',
  'infection',
  'infected',
  'urine',
  'stool',
  'bleed',
  'faint',
  'fainting',
  'blacked',
  'seized',
  'pregant',
  'tylenol',
  'nitroglycerin',
  'warfarin',
  'concussion',
  'weakness',
  'tingling',
  'heavily',
  'gushing',
  'hemorrhage',
  'stopped',
  'waking',
  'responding',
  'killing',
  'kill',
  'hurting',
  'harming',
  'cutting',
  'alive',
  'dying',
  // Spanish
  'pecho',
  'dolor',
  'respirar',
  'respira',
  'respiro',
  'derrame',
  'embolia',
  'infarto',
  'corazon',
  'convulsion',
  'convulsiones',
  'convulsionando',
  'sangre',
  'sangrado',
  'sangrando',
  'sangrar',
  'desmayo',
  'desmaye',
  'desmayado',
  'desmayada',
  'inconsciente',
  'garganta',
  'hinchada',
  'hinchado',
  'hinchazon',
  'lengua',
  'labios',
  'morir',
  'morirme',
  'muriendo',
  'suicidarme',
  'suicidio',
  'matarme',
  'pastillas',
  'sobredosis',
  'veneno',
  'cabeza',
  'orinar',
  'fiebre',
  'calentura',
  'vomitar',
  'vomitando',
  'vomito',
  'diarrea',
  'ahogando',
  'mareado',
  'mareada',
  'dificultad',
  'embarazada',
  'embarazo',
  'sarpullido',
  'ronchas',
  'herida',
  'cirugia',
  'operacion',
  'insoportable',
  'intenso',
  'emergencia',
  'ambulancia',
  'adormecido',
  'adormecida',
  'dormido',
  'dormida',
  'paralizado',
  'paralizada',
  'arrastrada',
  'torcida',
  'torcido',
  'hablar',
  'brazo',
  'pierna',
  'conocimiento',
  'responde',
  'despierta',
  'alergica',
  'insulina',
  'medicina',
  'inhalador',
  'urgente',
  'presion',
  'opresion',
  'puedo',
  'puede',
  'quiero',
  'tengo',
  'temperatura',
  'infeccion',
  'resurtido',
  'receta',
  'medicamento',
  'medicamentos',
  'deshidratado',
  'envenenado',
  'intoxicado',
];

/**
 * Spanish words matched by sound (see `spanishSoundKey`): s/c/z, b/v, ll/y, silent h, k/qu
 * are the commonest misspellings in patients' Spanish. Only words whose sound key no
 * ordinary English or Spanish word shares belong here.
 */
export const SOUND_ALIKE: readonly string[] = [
  'pecho',
  'brazo',
  'brazos',
  'izquierdo',
  'izquierda',
  'derecho',
  'derecha',
  'cierra',
  'cerrando',
  'cerrado',
  'garganta',
  'hinchada',
  'hinchado',
  'hinchadas',
  'hinchados',
  'hinchazon',
  'hinchando',
  'hablar',
  'habla',
  'hablando',
  'convulsion',
  'convulsiones',
  'convulsionando',
  'convulsiono',
  'vomitando',
  'vomito',
  'vomitar',
  'vomitos',
  'desmayo',
  'desmaye',
  'desmayado',
  'desmayada',
  'desmayar',
  'pastillas',
  'pastilla',
  'embarazada',
  'embarazo',
  'chueca',
  'chueco',
  'quiero',
  'quiere',
  'cabeza',
  'sangre',
  'sangrando',
  'sangrado',
  'respirar',
  'respira',
  'ahogando',
  'ahogo',
  'lengua',
  'labios',
  'inconsciente',
  'sobredosis',
  'matarme',
  'suicidarme',
  'morirme',
  'despierta',
  'responde',
  'reacciona',
  'mareado',
  'mareada',
  'fiebre',
  'calentura',
  'derrame',
  'corazon',
  'infarto',
  'orinar',
  'pierna',
  'piernas',
  'adormecido',
  'adormecida',
  'arrastrando',
  'presion',
  'opresion',
  'veneno',
  'cloro',
  'herida',
  'hemorragia',
  'coagulos',
  'bebe',
  'nacido',
  'nacida',
  'hinchado',
  'hinchazon',
  'entumido',
  'entumida',
  'cuello',
  'cara',
  'boca',
  'morado',
  'morados',
  'moradas',
  'azules',
  'apretando',
  'aprieta',
  'quemadura',
  'ampollas',
  'atropellado',
  'convulsionando',
  'vivir',
  'viviendo',
];

/** Explicit misspellings (short words, multi-edit typos, phonetic Spanish). */
export const VARIANTS: Readonly<Record<string, string>> = {
  chets: 'chest',
  peho: 'pecho',
  pcho: 'pecho',
  kil: 'kill',
  stopp: 'stop',
  chesr: 'chest',
  chect: 'chest',
  stroek: 'stroke',
  seizur: 'seizure',
  siezur: 'seizure',
  bleedng: 'bleeding',
  breathng: 'breathing',
  suicidl: 'suicidal',
  suicidel: 'suicidal',
  desmaio: 'desmayo',
  pian: 'pain',
  pani: 'pain',
  paine: 'pain',
  payn: 'pain',
  pan: 'pan',
  chst: 'chest',
  ches: 'chest',
  chet: 'chest',
  brest: 'breast',
  breth: 'breath',
  brath: 'breath',
  breat: 'breath',
  brethe: 'breathe',
  breahte: 'breathe',
  brethin: 'breathing',
  breathin: 'breathing',
  breating: 'breathing',
  brething: 'breathing',
  breahting: 'breathing',
  breeth: 'breath',
  breeze: 'breeze',
  cnat: 'cant',
  cnt: 'cant',
  cany: 'cant',
  cannt: 'cant',
  canot: 'cannot',
  caint: 'cant',
  cabt: 'cant',
  catn: 'cant',
  dnt: 'dont',
  dont: 'dont',
  didnt: 'didnt',
  iam: 'i am',
  ima: 'im',
  noo: 'no',
  nope: 'no',
  nah: 'no',
  suicidle: 'suicidal',
  sucidal: 'suicidal',
  suicidial: 'suicidal',
  suacidal: 'suicidal',
  suisidal: 'suicidal',
  suiside: 'suicide',
  suicde: 'suicide',
  sucide: 'suicide',
  sucicide: 'suicide',
  seizer: 'seizure',
  seizers: 'seizures',
  ceizure: 'seizure',
  siezures: 'seizures',
  sezures: 'seizures',
  siezing: 'seizing',
  tounge: 'tongue',
  tung: 'tongue',
  tonge: 'tongue',
  throught: 'throat',
  throte: 'throat',
  throut: 'throat',
  hart: 'heart',
  harte: 'heart',
  hearth: 'heart',
  atack: 'attack',
  attac: 'attack',
  attak: 'attack',
  atak: 'attack',
  storke: 'stroke',
  strok: 'stroke',
  stoke: 'stroke',
  strocke: 'stroke',
  diarreah: 'diarrhea',
  diarrhoea: 'diarrhea',
  diahrrea: 'diarrhea',
  diarhea: 'diarrhea',
  diareha: 'diarrhea',
  diarea: 'diarrhea',
  tempature: 'temperature',
  temperture: 'temperature',
  tempurature: 'temperature',
  temprature: 'temperature',
  feaver: 'fever',
  fevor: 'fever',
  fevr: 'fever',
  fver: 'fever',
  anaphalaxis: 'anaphylaxis',
  anaphylaxsis: 'anaphylaxis',
  anafylaxis: 'anaphylaxis',
  anaphilaxis: 'anaphylaxis',
  unconsious: 'unconscious',
  unconsiuos: 'unconscious',
  uncontious: 'unconscious',
  unconcsious: 'unconscious',
  overdoes: 'overdose',
  overdossed: 'overdosed',
  overdozed: 'overdosed',
  ovrdose: 'overdose',
  bleding: 'bleeding',
  bledding: 'bleeding',
  bleeing: 'bleeding',
  bloood: 'blood',
  blod: 'blood',
  vomitting: 'vomiting',
  vommiting: 'vomiting',
  vommitting: 'vomiting',
  vomitin: 'vomiting',
  throwin: 'throwing',
  pregnet: 'pregnant',
  pregnat: 'pregnant',
  pragnant: 'pregnant',
  pergnant: 'pregnant',
  prego: 'pregnant',
  dizy: 'dizzy',
  dizzie: 'dizzy',
  dissy: 'dizzy',
  // Spanish
  pesho: 'pecho',
  pexo: 'pecho',
  pecjo: 'pecho',
  doler: 'doler',
  dolo: 'dolor',
  dolr: 'dolor',
  desmallo: 'desmayo',
  desmalle: 'desmaye',
  desmallado: 'desmayado',
  desmallada: 'desmayada',
  inchada: 'hinchada',
  inchado: 'hinchado',
  inchazon: 'hinchazon',
  hinchada: 'hinchada',
  inchadas: 'hinchadas',
  inchados: 'hinchados',
  horinar: 'orinar',
  orinal: 'orinal',
  ablar: 'hablar',
  avlar: 'hablar',
  resirar: 'respirar',
  respiar: 'respirar',
  respirra: 'respira',
  rrespirar: 'respirar',
  respidar: 'respirar',
  respirrar: 'respirar',
  derame: 'derrame',
  deramme: 'derrame',
  embolea: 'embolia',
  imfarto: 'infarto',
  enfarto: 'infarto',
  infrato: 'infarto',
  corason: 'corazon',
  corazn: 'corazon',
  convulcion: 'convulsion',
  combulsion: 'convulsion',
  convulciones: 'convulsiones',
  convulsiono: 'convulsiono',
  sangr: 'sangre',
  sagre: 'sangre',
  sangando: 'sangrando',
  sobre: 'sobre',
  sobredocis: 'sobredosis',
  sobredosys: 'sobredosis',
  enbarazada: 'embarazada',
  embarasada: 'embarazada',
  embarazda: 'embarazada',
  fiebr: 'fiebre',
  fievre: 'fiebre',
  fibre: 'fiebre',
  calentur: 'calentura',
  bomitando: 'vomitando',
  bomito: 'vomito',
  bomitar: 'vomitar',
  vomite: 'vomite',
  garjanta: 'garganta',
  gargnta: 'garganta',
  ahogo: 'ahogo',
  aogo: 'ahogo',
  aogando: 'ahogando',
  ahojando: 'ahogando',
  mariado: 'mareado',
  mariada: 'mareada',
  quiero: 'quiero',
  kiero: 'quiero',
  qiero: 'quiero',
  morirme: 'morirme',
  morrir: 'morir',
  matarme: 'matarme',
  pastiyas: 'pastillas',
  pastias: 'pastillas',
  pastilas: 'pastillas',
  puedo: 'puedo',
  puedp: 'puedo',
  pudo: 'pudo',
  nesesito: 'necesito',
  nececito: 'necesito',
  necesito: 'necesito',
  urjente: 'urgente',
  emerjencia: 'emergencia',
  emergensia: 'emergencia',
  ambulansia: 'ambulancia',
  cabesa: 'cabeza',
  cavesa: 'cabeza',
  cabeza: 'cabeza',
};

/**
 * Ordinary words one edit away from a key word that must not be "corrected"
 * (e.g. "fewer" is not "fever", "prison" is not "poison").
 */
export const REAL_WORDS: readonly string[] = [
  'drooling',
  'drools',
  'prision',
  'chess',
  'cheat',
  'chase',
  'crest',
  'chests',
  'breast',
  'breasts',
  'breadth',
  'breed',
  'bread',
  'bleep',
  'blond',
  'strike',
  'stoke',
  'strobe',
  'stokes',
  'fewer',
  'fiver',
  'prison',
  'poisson',
  'pulls',
  'polls',
  'heard',
  'hearts',
  'hearty',
  'hearth',
  'attach',
  'attacks',
  'threat',
  'threats',
  'smelling',
  'spelling',
  'dwelling',
  'swelled',
  'worse',
  'pissed',
  'pasted',
  'parsed',
  'passes',
  'paused',
  'cooking',
  'grasping',
  'gassing',
  'dropping',
  'emergence',
  'inflection',
  'inhales',
  'sever',
  'severs',
  'server',
  'facing',
  'raging',
  'lacing',
  'racing',
  'surgeon',
  'urinal',
  'dolar',
  'dolares',
  'marcado',
  'falda',
  'techo',
  'hecho',
  'fibra',
  'sobre',
  'sobres',
  'mover',
  'moverme',
  'mueve',
  'cabezas',
  'heridas',
  'piernas',
  'brazos',
  'labio',
  'quiere',
  'quieren',
  'tenga',
  'tengas',
  'puedes',
  'pueden',
  'presiona',
  'presionar',
  'opresiones',
  'pecas',
  'pescado',
  'peces',
  'fiebres',
  'dolores',
  'doloroso',
  'dolorosa',
  'sangria',
  'sangra',
  'sangro',
  'sangres',
  'morira',
  'moriria',
  'cabello',
  'orinas',
  'hablan',
  'hablas',
  'hablo',
  'stroll',
  'strokes',
  'stroked',
  'seizes',
  'seized',
  'seizer',
  'suites',
  'bottles',
  'bottled',
  'tables',
  'tablet',
  'stools',
  'urines',
  'faints',
  'feint',
  'faith',
  'saint',
  'paint',
  'painted',
  'waking',
  'baking',
  'making',
  'taking',
  'walking',
  'talking',
  'killing',
  'filling',
  'willing',
  'billing',
  'billed',
  'alive',
  'alike',
  'hurting',
  'hunting',
  'cutting',
  'putting',
  'dying',
  'drying',
  'dyeing',
  'tying',
  'lying',
  'prescriptions',
  'refills',
  'refilled',
  'medications',
  'medicines',
  'emergencies',
  'ambulances',
  'worsen',
  'worst',
  'suddenness',
  'trouble',
  'troubles',
  'troubled',
  'confuse',
  'confusing',
  'pounds',
  'pounded',
  'choosing',
  'chocking',
  'cooling',
  'coughing',
  'sweeping',
  'sweating',
  'wheeling',
  'wheeled',
  'burying',
  'burning',
  'turning',
  'bursting',
  'stopper',
  'stooped',
  'stepped',
  'shopped',
  'startled',
  'topped',
  'sources',
  'spreads',
  'spreadsheet',
  'breathes',
  'breather',
  'breathed',
  'breaths',
  'breaks',
  'breakfast',
  'brother',
  'brothers',
  'bother',
  'bothers',
  'bothering',
  'thought',
  'though',
  'through',
  'throw',
  'thrown',
  'throws',
  'throne',
  'tongs',
  'tonight',
  'tongues',
  'speed',
  'speeds',
  'spec',
  'speeches',
  'weekness',
  'meekness',
  'numbers',
  'number',
  'headaches',
  'headache',
  'readache',
  'pillows',
  'pillow',
  'tills',
  'drools',
  'drool',
  'drooled',
  'droopier',
  'dropped',
  'blooded',
  'bloody',
  'broody',
  'fevers',
  'levers',
  'seven',
  'never',
  'sever',
  'fewest',
  'feared',
  'fleet',
  'stoked',
  'choked',
  'choke',
  'chokes',
  'chested',
  'chesty',
  'puede',
  'pueda',
  'puedan',
  'tengo',
  'tenia',
  'vomitos',
  'herido',
  'herida',
  'heridos',
  'lenguas',
  'cabezon',
  'pechos',
  'pecho',
  'respiran',
  'respiras',
  'respiro',
  'recetas',
  'recete',
  'receto',
  'medicinas',
  'corazones',
];

// ───────────────────────────── concept families ─────────────────────────────
//
// Phrase lists only catch the phrasings someone thought of. A family names a
// clinical concept as the co-occurrence of two (or three) word classes — stems
// and synonyms in both languages — within a few words of each other in one
// clause: "chest|pecho" near "pain|pressure|tight|squeez|elephant|duele|presion",
// whatever words sit between. Every hit then goes through the same checks as a
// lexicon match (negation, history, hypothetical, refill indication, idiom
// vetoes), scoped to its clause.

/** One concept family (see above). Regex sources are written against normalised text. */
export interface FamilyDef {
  readonly code: string;
  readonly level: 'emergency' | 'urgent';
  /** Anchor concept. `[a-z]*` marks a stem. */
  readonly a: string;
  /** Second concept: must occur within `window` words of the anchor, in the same clause. */
  readonly b?: string;
  /** Third concept, also within `window` words of the anchor. */
  readonly c?: string;
  /** Words either side of the anchor searched for `b` and `c` (default 4). */
  readonly window?: number;
  /** `b` must come after the anchor ("cara caida", not "caida ... cara"). */
  readonly bAfter?: boolean;
  /** Veto: matches the clause → a benign cause, an idiom or paperwork. */
  readonly unless?: string;
  /** Must also match the clause (e.g. one-sidedness for limb weakness). */
  readonly needClause?: string;
  /** Must be affirmed somewhere in the message. */
  readonly needMessage?: string;
  /** An urgent family becomes an emergency when this is affirmed anywhere in the message. */
  readonly escalateIf?: string;
  /** An emergency family is only urgent when this matches the clause. */
  readonly downgradeIf?: string;
  /** Extra validation of the matches (ages, temperatures). */
  readonly check?: (a: RegExpExecArray, b: RegExpExecArray | undefined) => boolean;
  /** Never downgrade for "last week" style recent past (self-harm). */
  readonly noRecentDowngrade?: boolean;
}

// ── word classes ──
const CHEST = 'chest|pecho|sternum|breastbone|breast bone|esternon';
const HURT_EN =
  'pains?|painful|hurts?|hurting|hurted|ach(?:e|es|ing|y)|sore|discomfort|pressure|tight|tighter|tightness|tightening|squeez[a-z]*|heavy|heaviness|crush[a-z]*|burning|stabb?[a-z]*|sharp|elephant|pinch[a-z]*|clench[a-z]*|vise|vice|grabb?[a-z]*|clutch[a-z]*|holding (?:his|her|my)|rubbing|on fire|fire|(?:standing|sitting|stepping|pressing|pushing|weight|parked|lying|laying) on|crushed|truck|anvil|boulder|cinder ?block|brick|(?:a )?band|belt|vise ?grip|fist|bear hug';
const HURT_ES =
  'duel[e]n?|dolia|dolor|dolores|adolorid[ao]|presion|opresion|oprim[a-z]*|aprieta|apret[a-z]*|pesad[ao]|peso|elefante|arde|ardor|quema|punza[a-z]*|punzada[s]?|molest[a-z]*|piedra|piquete[s]?|agarr[a-z]*|sobando(?:se)?|tomandose|en llamas|quemazon|encima (?:de|del)|sentad[ao] (?:en|sobre)|parad[ao] (?:en|sobre)|pisando|aplast[a-z]*';
const BREATH = 'breath|breaths|breathe|breathing|breathin|respir[a-z]*|aliento';
const HARD_TO =
  'cant|cannot|can not|couldnt|could not|unable|hard|harder|difficult|difficulty|dificil|dificultad|struggl[a-z]*|gasp[a-z]*|trouble|labou?red|short|shortness|catch|barely|hardly|fight[a-z]*|noisy|rapid|shallow|raspy|weird|funny|strange|fast|slow|slowly|very slow|lento|lenta|despacio|stop[a-z]*|dejo|cuesta|costaba|batall[a-z]*|falta|faltaba|ahog[a-z]*|agitad[ao]|entrecortad[ao]|rar[ao]|rapido|no puedo|no puede|no pude|no pudo|no podia|apenas|casi no';
const BLUE =
  'blue|bluish|blueish|purple|purplish|gray|grey|grayish|greyish|dusky|ashen|morad[ao]s?|azul|azules|azulad[ao]s?|gris|grises|grisace[ao]s?|cenizo[s]?|moradit[ao]s?|azulit[ao]s?';
const FACE_PART =
  'face|cara|mouth|boca|smile|sonrisa|lip|lips|labio|labios|eyelid|eyelids|parpado|parpados|eye|ojo|cheek|cachete|mejilla';
const FACE_DEFORM =
  'droop[a-z]*|sag[a-z]*|crooked|lopsided|uneven|numb|numbness|went dead|(?:isnt|is not|not|wont|stopped|doesnt) mov(?:e|ing)|(?:cant|cannot|couldnt) (?:move|smile)|no (?:se )?(?:le |me )?mueve|no (?:la |lo )?(?:puede|puedo) mover|frozen|froze|congelad[ao]|chuec[ao]|torcid[ao]|dormid[ao]|durmio|entum[a-z]*|adormec[a-z]*|paraliz[a-z]*|paralyz[a-z]*|colgad[ao]|colgando|ladead[ao]|desviad[ao]|jalad[ao]|pulled to one side|sin fuerza|tuerc[a-z]*|drool[a-z]*|babe[a-z]*|(?:cant|cannot|can not|couldnt) feel|no (?:la |lo |le )?(?:siente|siento|sentia)|no sensation|sin sensibilidad';
const SPEECH =
  'speech|speak|speaking|spoke|talk|talks|talking|talked|words|word|voice|mumbl[a-z]*|babbl[a-z]*|habl[a-z]*|palabras|voz|balbuce[a-z]*|dice|decia';
const SPEECH_WRONG =
  'slurr[a-z]*|garbl[a-z]*|jumbl[a-z]*|gibberish|nonsense|not making (?:any )?sense|wasnt making (?:any )?sense|isnt making (?:any )?sense|no tiene sentido|sin sentido|arrastr[a-z]*|trab[a-z]*|enredad[a-z]*|incoheren[a-z]*|(?:cant|couldnt|could not|cannot) understand|no (?:se )?(?:le |me )?(?:entiende|entendia|entendemos)';
/** Weaker words: only right after the speech word ("talking funny", "words came out wrong"). */
const SPEECH_ODD = 'wrong|strange|weird|funny|thick|mixed up|all mixed|rar[ao]|raras|mocha|torpe|off|drunk|borrach[ao]|chistos[ao]|gracios[ao]|extran[ao]|como borrach[ao]';
const LIMB = 'arm|arms|leg|legs|hand|hands|side|foot|brazo|brazos|pierna|piernas|mano|manos|lado|pie';
const LIMB_WEAK =
  'weak|weakness|numb|numbness|limp|dead|heavy|(?:stopped|not|isnt|wont|doesnt) work(?:ing)?|dejo de funcionar|no (?:le |me )?(?:funciona|responde)|se (?:le|me) fue (?:la )?fuerza|(?:perdi|perdio) (?:la )?fuerza|no (?:tiene|tengo) fuerza|lost (?:the |all )?(?:strength|feeling|use)|no strength|paraly[a-z]*|paraliz[a-z]*|gave out|giving out|wont move|not moving|useless|debil[a-z]*|dormid[ao]|durmio|entum[a-z]*|adormec[a-z]*|sin fuerza|no (?:lo |la |los |las )?(?:puedo|puede|podia) (?:mover|levantar|sentir)|no (?:siento|siente)|(?:cant|cannot|couldnt|can not|unable to) (?:move|lift|raise|feel|use|grip|hold|grab)|clumsy|clumsiness|torpe|(?:keeps|kept|keep|is|started) dropping (?:things|stuff|everything|the [a-z]+|cups?)|se le caen las cosas|no (?:puede|puedo) (?:agarrar|sostener|abrochar|escribir)|(?:cant|cannot|couldnt) (?:button|do up|write|hold (?:a|the|my) (?:pen|fork|cup|spoon))';
const ONE_SIDED =
  'sudden[a-z]*|all of a sudden|out of nowhere|de repente|de golpe|repentin[a-z]*|one side|un lado|left|right(?! (?:now|away|after|before|here|there|back|then))|izquierd[ao]|derech[ao]|face|cara|speech|slurr[a-z]*|droop[a-z]*|habla|hablar|boca|chuec[ao]';
const BLEED =
  'bleed|bleeds|bleeding|bled|blood(?! (?:pressure|sugars?|tests?|work|draws?|thinners?|type|counts?|donation|panel|glucose|levels?|results?|bank|drive|orange|test results|clots? in (?:my|his|her) (?:history|family)))|bloody|sangr[a-z]*|hemorr[a-z]*';
const HEAVY =
  'heavy|heavily|a lot|alot|lots|so much|too much|very much|everywhere|all over|(?:wont|doesnt|cant|will not|isnt|not|hasnt|wouldnt|didnt) (?:stop|stopping|stopped|slow|slowing)|soak[a-z]*|pour[a-z]*|gush[a-z]*|spurt[a-z]*|squirt[a-z]*|spray[a-z]*|pumping|pulsing|shoot[a-z]* (?:out|everywhere)|(?:wont|will not|doesnt) quit|drip[a-z]* (?:everywhere|fast|nonstop)|salpic[a-z]*|a borbotones|brot[ae]|brotando|pool|puddle|clots|clumps|huge|tons?|nonstop|non stop|profuse[a-z]*|mucho|mucha|muchisim[ao]|demasiad[ao]|bastante|no (?:para|paro|se detiene|se para|se quita|deja|le para|me para|se le quita)|sin parar|empap[a-z]*|chorros?|abundante|coagulos|charco|through (?:my |his |her |the )?(?:pad|pads|clothes|towel|towels|bandage|shirt|pants)';
const VOMIT_COUGH =
  'vomit[a-z]*|throw[a-z]* up|threw up|puk[a-z]*|cough[a-z]*|spit[a-z]*|spat|vomito[s]?|vomita[a-z]*|tos|tose|tosi[a-z]*|tosiendo|escup[a-z]*|devolv[a-z]*|arroj[a-z]*|gagg?[a-z]*';
const PILLS_ANY =
  'pills?|tablets?|capsules?|meds|medications?|medicines?|tylenol|advil|motrin|aleve|aspirin|ibuprofen|acetaminophen|paracetamol|xanax|valium|ativan|klonopin|oxy[a-z]*|opioids?|percocets?|vicodin|norco|ambien|seroquel|trazodone|insulin|benadryl|painkillers|pain killers|sleeping pills|sleep aids?|antidepressants?|gabapentin|lithium|pastillas?|pildoras?|tabletas?|capsulas?|medicinas?|medicamentos?|aspirinas?|ibuprofeno|acetaminofen|insulina|somniferos|calmantes|clonazepam|antidepresivos';
const NUMW =
  '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)';
const AGE_UNIT = '(days?|dias?|weeks?|wks?|wk|semanas?|months?|mos?|mths?|mes|meses)';
const CHILD_WORD =
  'baby|babies|bebe|bebes|bebito|bebita|infant|son|daughter|hijo|hija|hijito|hijita|nino|nina|nene|nena|grandson|granddaughter|nieto|nieta|niece|nephew|sobrin[ao]|twins?|gemel[ao]s';
const IDIOM_LAUGH = 'lol|lmao|lmfao|rofl|haha[a-z]*|jaja[a-z]*|jeje[a-z]*|jk|just kidding|es broma|bromeando';
const DENTAL =
  'dental|dentist[a-z]*|tooth|teeth|muela[s]?|diente[s]?|novocaine|anestesia|anesthesia|numbing|root canal|filling|extraction|extraccion|botox|filler';
const SPEECH_UNLESS = `accent|acento|english|ingles|spanish|espanol|language|idioma|phone|telefono|therap[a-z]*|terapia|lisp|stutter[a-z]*|tartamud[a-z]*|delay[a-z]*|retraso|tongue tie|frenillo|braces|frenos|typ[a-z]*|spell[a-z]*|form|portal|message|text|email|escrib[a-z]* (?:raro|mal|chistoso)|mensaje|correo|letter|carta|bill|cuenta|factura|wrong (?:number|person|doctor|office)|${IDIOM_LAUGH}|${DENTAL}`;
const ALLERGEN =
  'ate|eating|eaten|food|shrimp|shellfish|seafood|peanuts?|nuts?|bee|bees|sting|stung|wasp|hornet|medicine|medication|antibiotic[a-z]*|amoxicillin|penicillin|sulfa|new med[a-z]*|allerg[a-z]*|hives|ronchas|epi ?pen|epinephrine|camaron(?:es)?|mariscos|cacahuate[s]?|mani|nueces|picadura|pico|abeja|avispa|medicina|antibiotico[s]?|alergi[a-z]*|comer|comi|comio|breath[a-z]*|respir[a-z]*|throat|garganta|tongue|lengua|lips|labios';

const FAINT_PAST =
  'yesterday|ayer|last night|anoche|earlier|the other day|el otro dia|hace (?:un rato|unas horas|un par de horas)|this morning|esta manana|for a (?:second|moment|few seconds)|un (?:momento|segundo|ratito)';
const FAINT_FINE =
  '(?:fine|ok|okay|better|alright|normal|good) now|now (?:im |i am |i feel |feel |hes |shes |he is |she is |seems )?(?:fine|ok|okay|better|alright|normal)|came to (?:right away|quickly)|woke (?:up )?right (?:away|up)|(?:ahora|ya) (?:estoy|esta|me siento|se siente|se ve) bien|ya (?:desperto|reacciono)|ahora (?:bien|normal)|feel fine|me siento bien|estoy bien';
/**
 * A faint that is over ("fainted for a second yesterday, fine now"): be seen today (urgent),
 * not a 911 call. Needs both a past time and "fine now", in either order.
 */
export const RESOLVED_FAINT = `(?:${FAINT_PAST})(?=.*\\b(?:${FAINT_FINE}))|(?:${FAINT_FINE})(?=.*\\b(?:${FAINT_PAST}))`;
/** A faint right after a needle is vasovagal ("fainted right after her shots"), like one at a blood draw. */
export const NEEDLE_FAINT =
  '(?:after|during|from|at|despues de|con|al ponerle|cuando le pusieron) (?:[a-z]+ ){0,4}(?:shots?|vaccines?|vaccinations?|immunizations?|injections?|needles?|vacunas?|inyecci[a-z]*|piquete|agujas?)';
/** Near-fainting wording: the person has not (yet) lost consciousness. */
export const NEAR_FAINT =
  '(?:going to|gonna|about to|might|could|almost|nearly|feel like (?:i|im|he|she|hes|shes)|feels like (?:i|im|he|she|hes|shes)?|felt like (?:i|he|she)?|like (?:i|he|she) (?:might|could|would|was going to)) ?(?:pass out|faint|black out|collapse)|(?:va|voy|vas|iba|van|ibas) a (?:desmay[a-z]*|desvanec[a-z]*)|(?:siento|siente|sentia|sentir|senti) que (?:me|se|le) (?:va a |voy a |iba a )?(?:desmay[a-z]*|desvanec[a-z]*)|casi (?:me|se) (?:desmay[a-z]*|desvanec[a-z]*)|como que (?:me|se) (?:va a |voy a )?desmay[a-z]*|ganas de desmayar[a-z]*';

/** Chest pain with an everyday cause named in the same clause (cough, heartburn, a pulled muscle): urgent — unless sweating too. */
export const CHEST_BENIGN =
  // not when a sweat is in the clause, or the benign cause is only what they first thought
  '(?<=^[^a-z0-9]*)(?![^]*\\b(?:sweat[a-z]*|clammy|sudando|sudor|diaphore[a-z]*))[^]*?\\b(?<!(?:thought (?:it was|its)|i thought|pense que era|creia que era) )(?:cough[a-z]*|tos|tosiendo|toser|heartburn|acid|reflux|acidez|agruras|spicy|picante|indigestion|gerd|burp[a-z]*|eructo[s]?|pulled a muscle|muscle|musculo|gym|lifting|workout|bruis[a-z]*|moreton|golpe|for (?:weeks|months)|desde hace (?:semanas|meses)|on and off for)';
/** Getting better: "the swelling is almost gone", "ya casi no me duele". */
const HEALING =
  '(?:almost|nearly|mostly|pretty much) (?:gone|healed|better|back to normal)|going down|getting better|improving|healing (?:well|fine|nicely)|casi (?:se (?:me |le )?quito|sano|desaparecio|no)|mejorando|ya casi|ya (?:se ve|esta) mejor';
/** Taking medicines as usual ("took all my pills this morning like usual"). */
export const ADHERENCE =
  'like (?:usual|always|normal|i always do|im supposed to|i should)|as (?:usual|always|normal)|supposed to|on schedule|como siempre|de costumbre|como de costumbre|como me toca|(?:morning|evening|night|bedtime|daily) (?:pills|meds|dose|doses|medications)|do i (?:take|need)|should i (?:take|also)|the new one|la nueva|el nuevo';

const WORD_NUM: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  un: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  'a dozen': 12,
};
/** A count written in digits or words ("5", "five", "cinco", "a dozen"); NaN when there is none. */
export const countNumber = (s: string | undefined): number => (s === undefined ? Number.NaN : (WORD_NUM[s] ?? num(s)));
/** Age in days from a number and a unit ("2 months" → 60); NaN when there is none. */
const ageInDays = (n: string | undefined, unit: string | undefined): number => {
  if (unit === undefined) return Number.NaN;
  const v = countNumber(n);
  if (/^(?:d|dia)/.test(unit)) return v;
  if (/^(?:w|s)/.test(unit)) return v * 7;
  return v * 30;
};
/** Is a temperature reading a fever (≥ 100.4 °F or ≥ 38 °C)? */
const isFever = (v: number): boolean => (v >= 100.4 && v <= 110) || (v >= 38 && v <= 43);

export const FAMILIES: readonly FamilyDef[] = [
  // ───────────── emergencies ─────────────
  {
    // chest × pain/pressure/tightness/squeezing/heaviness/"elephant"/duele/presion
    code: 'chest-pain',
    level: 'emergency',
    a: CHEST,
    b: `${HURT_EN}|${HURT_ES}`,
    window: 4,
    unless: `x ?rays?|xrays?|radiograf[a-z]*|rayos x|ct|cat scan|scan|tomograf[a-z]*|congest[a-z]*|chest cold|catarro|flema|phlegm|mucus|amamant[a-z]*|lactan[a-z]*|breast ?feed[a-z]*|nursing|dar pecho|tattoo|tatuaje|acne|rash|sarpullido|hair|pelo|vello|lump|bulto|tetilla|nipple|${IDIOM_LAUGH}`,
    downgradeIf: CHEST_BENIGN,
  },
  {
    // pain spreading to the left arm / jaw, with a cardiac companion anywhere in the message
    code: 'chest-pain',
    level: 'emergency',
    a: 'left arm|left shoulder|jaw|brazo izquierdo|hombro izquierdo|mandibula|quijada',
    b: `${HURT_EN}|${HURT_ES}|numb[a-z]*|tingl[a-z]*|entumid[ao]|adormec[a-z]*|dormid[ao]|hormigue[a-z]*`,
    window: 4,
    needMessage: `${CHEST}|heart|corazon|sweat[a-z]*|clammy|sudo[a-z]*|suda[a-z]*|sudor|nause[a-z]*|short of breath|falta (?:de )?(?:el )?aire|agruras|acidez|heartburn|indigestion`,
    unless: `${DENTAL}|tmj|jaw joint|clench[a-z]*|grind[a-z]*|bruxism[a-z]*`,
  },
  {
    code: 'breathing-difficulty',
    level: 'emergency',
    a: BREATH,
    b: HARD_TO,
    window: 3,
    unless:
      'smell[a-z]*|bad breath|mal aliento|huele|olor|halitosis|mints|(?:take|taking|try|trying|took) (?:a |some )?(?:slow|deep)|relax[a-z]*|meditat[a-z]*|yoga|nose|nariz|stuffy|stuffed|congest[a-z]*|nasal|sinus|tapad[ao]|mocos|breathing (?:treatment|machine|test|exercises?)|ejercicios de respiracion|prueba de (?:la )?respiracion|estudio de (?:la )?(?:respiracion|sueno)|spirometr[a-z]*|espirometr[a-z]*|pulmonary function|pft|cpap|bipap|respiratory (?:therapist|infection)|infeccion respiratoria|sleep apnea|apnea|snor[a-z]*|ronc[a-z]*',
    downgradeIf:
      'a little|a bit|a tad|little bit|slightly|slight|mild|mildly|sometimes|occasionally|at times|when i (?:walk|climb|exercise|run|go up|do stairs|work out|exert)|with exercise|on exertion|exertion|after (?:walking|climbing|running|exercise|exercising|working out)|up (?:the )?stairs|stairs|for (?:weeks|months|a while)|un poco|poquito|leve|a veces|al caminar|al subir|escaleras|cuando camino|cuando subo|cuando hago ejercicio|con ejercicio|desde hace (?:semanas|meses)|allergies|alergias|pollen|polen|seasonal|anxi[a-z]*|ansiedad|panic|panico',
  },
  {
    // "no me entra el aire", "falta el aire", "gasping for air"
    code: 'breathing-difficulty',
    level: 'emergency',
    a: 'air|aire|oxygen|oxigeno',
    b: 'falta|faltaba|entra|llega|llegaba|sin|ahog[a-z]*|gasp[a-z]*|(?:cant|cannot|couldnt|not|no puedo|no puede) (?:get|getting|catch|jalar|agarrar)|enough|hungry|hunger|suficiente',
    window: 3,
    unless:
      'laugh[a-z]*|reir|risa|air (?:conditioning|conditioner|freshener|purifier|fryer|quality|filter|bnb|port|line|lines|mattress|force)|aire acondicionado|al aire libre|fresh air|aire fresco|tires?|llantas?|balloon|globo',
    downgradeIf:
      'a little|a bit|slightly|sometimes|when i (?:walk|climb|exercise)|stairs|un poco|a veces|al caminar|al subir|escaleras|ejercicio',
  },
  {
    // cyanosis: lips/face/fingers blue, grey, dusky, morados
    code: 'breathing-difficulty',
    level: 'emergency',
    a: 'lips?|labios?|face|cara|fingers|finger ?nails|nails|unas|dedos|skin|piel|mouth|boca|tongue|lengua',
    b: BLUE,
    window: 4,
    unless:
      'cold|frio|fria|raynaud[a-z]*|bruis[a-z]*|moret[oe]n[a-z]*|golpe|tattoo|tatuaje|paint[a-z]*|pintura|popsicle|paleta|dye|tint[a-z]*|lipstick|labial|marker|candy|dulce|blueberr[a-z]*|moras?|ink|tinta|veins?|venas?|eyes?|ojos?|hair|pelo|nail polish|esmalte|shirt|camisa',
  },
  {
    // stroke: face droop / one side numb
    code: 'stroke-signs',
    level: 'emergency',
    a: FACE_PART,
    b: FACE_DEFORM,
    window: 4,
    unless: `${DENTAL}|cold|frio|slept|sleeping|sleep on|dormi (?:sobre|encima|de lado)|bells? palsy|shingles|culebrilla|lip balm|chapstick|${IDIOM_LAUGH}`,
  },
  {
    // "cara caida", "boca un poco caida": caida only right after the face word (otherwise it is "a fall")
    code: 'stroke-signs',
    level: 'emergency',
    a: 'cara|boca|labio|sonrisa|parpado',
    b: 'caid[ao]|cayendo|se le cae|se me cae',
    window: 2,
    bAfter: true,
    unless: `${DENTAL}|${IDIOM_LAUGH}`,
  },
  {
    // stroke: speech garbled / words wrong / not making sense
    code: 'stroke-signs',
    level: 'emergency',
    a: SPEECH,
    b: SPEECH_WRONG,
    window: 4,
    unless: SPEECH_UNLESS,
  },
  {
    code: 'stroke-signs',
    level: 'emergency',
    a: SPEECH,
    b: SPEECH_ODD,
    window: 3,
    bAfter: true,
    unless: `${SPEECH_UNLESS}|feels? (?:weird|strange|funny|odd)|(?:weird|strange|funny) (?:to|that|how|question|thing)|to talk (?:to|with|about)|hablar (?:con|de|sobre)|talk (?:to|with|about)|wrong (?:number|person|doctor|office|patient|chart|name)|had a few|beer|cerveza|wine|vino|alcohol`,
  },
  {
    // stroke: one-sided / sudden limb weakness or numbness
    code: 'stroke-signs',
    level: 'emergency',
    a: LIMB,
    b: LIMB_WEAK,
    window: 4,
    needClause: ONE_SIDED,
    unless:
      'slept|sleeping|sleep on|dormi (?:sobre|encima|de lado)|fell asleep|se me (?:durmio|duerme|duermen)|se le (?:durmio|duerme|duermen)|carpal|tunnel|tunel|neuropath[a-z]*|neuropat[a-z]*|sciatica|ciatica|pinched|nervio pinzado|after (?:the |my )?(?:shot|injection|vaccine|workout|gym)|vacuna|inyeccion|flu shot|gym|workout|exercis[a-z]*|ejercicio|sore|cramp[a-z]*|calambre[s]?|at night|en la noche|por las noches|cast|yeso|brace|ferula|fractur[a-z]*|broke|broken|sprain[a-z]*|roto|rota|quebr[a-z]*|swell[a-z]*|swollen|hinch[a-z]*|knee|rodilla|for (?:weeks|months|years)|desde hace (?:semanas|meses|anos)',
  },
  {
    // "can't hold her cup with her left hand": the loss of grip named before a distant limb word
    code: 'stroke-signs',
    level: 'emergency',
    a: '(?:cant|cannot|couldnt|can not|unable to) (?:hold|grip|grab|lift|raise)|no (?:puede|puedo|pudo|podia) (?:agarrar|sostener|levantar)',
    b: LIMB,
    window: 7,
    bAfter: true,
    needClause: ONE_SIDED,
    unless:
      'slept|sleeping|fell asleep|carpal|tunnel|tunel|arthritis|artritis|neuropath[a-z]*|gym|workout|heavy|pesad[ao]|weights?|pesas|baby|bebe|sore|cast|yeso|brace|fractur[a-z]*|broke|broken|sprain[a-z]*|for (?:weeks|months|years)|desde hace (?:semanas|meses|anos)|surgery|cirugia|shoulder|hombro',
  },
  {
    // short of breath while sitting, lying or talking: breathlessness at rest
    code: 'breathing-difficulty',
    level: 'emergency',
    a: 'winded|out of breath|short of breath|breathless|sin aire|falta (?:de )?(?:el )?aire|me ahogo|se ahoga|agitad[ao]',
    b: '(?:just |even |while |when |aun |incluso )?(?:sitting|resting|at rest|lying (?:down|in bed|still)|talking|doing nothing|sentad[ao]|acostad[ao]|en reposo|sin hacer nada|hablando)',
    window: 5,
    unless: 'fine|ok|okay|better|normal|bien|mejor|anxi[a-z]*|ansiedad|panic|panico|a little|a bit|un poco|for (?:weeks|months)|desde hace (?:semanas|meses)',
  },
  {
    // can't feel / move the legs (spinal injury, stroke)
    code: 'stroke-signs',
    level: 'emergency',
    a: '(?:cant|cannot|couldnt|can not|unable to) (?:feel|move)|no (?:siento|siente|puedo mover|puede mover)',
    b: '(?:my |his |her |both |las |los |mis |sus )?(?:legs|arms|piernas|body|cuerpo|brazos)|from the waist',
    window: 3,
    bAfter: true,
    unless:
      'slept|sleeping|fell asleep|se me (?:durmio|duerme|duermen)|cold|frio|gym|workout|leg day|sore|adolorid[ao]s?|cansad[ao]s?|tired',
  },
  {
    // sudden vision loss
    code: 'stroke-signs',
    level: 'emergency',
    a: 'vision|sight|eyesight|vista',
    b: 'lost|losing|loss|lose|gone|went (?:black|dark|out|blurry)|black|dark|curtain|shade|perd[a-z]*|se (?:me|le) fue|negr[ao]|oscur[ao]|cortina|double|doble',
    window: 3,
    needClause:
      'sudden[a-z]*|all of a sudden|out of nowhere|de repente|de golpe|repentin[a-z]*|one eye|un ojo|left eye|right eye|ojo (?:izquierdo|derecho)|curtain|cortina|lost|perdi|perdio|face|cara|numb[a-z]*|weak[a-z]*|headache|dolor de cabeza',
    unless:
      'glasses|lentes|contacts|eye exam|examen de la vista|reading|leer|screen|pantalla|optometr[a-z]*|oftalm[a-z]*|cataract[a-z]*|catarata[s]?|glaucoma|macular|years|anos|gradual[a-z]*|slowly|poco a poco|insurance|seguro|migraine aura|aura',
  },
  {
    // heavy bleeding: bleed|blood|sangr × heavy|won't stop|soaking|mucho
    code: 'severe-bleeding',
    level: 'emergency',
    a: BLEED,
    b: HEAVY,
    window: 4,
    unless:
      'a little|little bit|bit of|tiny|spotting|manchad[ao]|manchando|gums|encias|when i (?:brush|floss)|floss|brushing|cepill[a-z]*|hilo dental|paper cut|shaving|afeit[a-z]*|blood money|bleeding (?:me|us|them) dry|bleeding money|(?:blood|sangre) (?:test|work|draw|analisis|examen|prueba)|analisis de sangre|examen de sangre|prueba de sangre|azucar en la sangre|sugar in (?:my|the) blood|donat[a-z]*|don[oa]r sangre|less|menos',
    downgradeIf:
      'period|regla|menstrua[a-z]*|periodo|hemorrhoid[a-z]*|hemorroide[s]?|almorrana[s]?|nosebleeds? (?:again|on and off)|a veces|lately|recently|ultimamente|often|frequent[a-z]*|seguido|a menudo|every (?:day|morning|week)|todos los dias',
  },
  {
    // vomiting / coughing up blood, coffee-ground vomit
    code: 'severe-bleeding',
    level: 'emergency',
    a: VOMIT_COUGH,
    b: 'blood|bloody|sangre|sangr[a-z]*|coffee grounds?|cafe molido|asientos de cafe|posos de cafe',
    window: 5,
    unless: `blood (?:test|work|draw|pressure|sugar)|analisis|examen de sangre|${DENTAL}`,
    downgradeIf:
      'streak[a-z]*|tinged|specks?|spots?|a little|bit of|tiny|pink|hilit[oa]s?|poquit[ao]|rayitas|pintit[ao]s|puntitos|nose|nariz|gums|encias|dry throat',
  },
  {
    // black / tarry / bloody stool: urgent alone, an emergency with faintness or heavy loss
    code: 'gi-bleeding',
    level: 'urgent',
    a: 'black|tarry|tar|negr[ao]s?|chapopote|alquitran|maroon|bloody|blood|sangre|sangrient[ao]s?',
    b: 'stools?|poop[a-z]*|bowel movements?|bms?|heces|popo|excremento|evacua[a-z]*|caca|diarr[a-z]*|panal(?:es)?|diapers?|obrando|obrar|obre|obro|obra|hago del bano|haciendo del bano',
    window: 3,
    unless:
      'iron|hierro|pepto|bismuth|bismuto|blueberr[a-z]*|beets?|betabel|licorice|regaliz|sample|muestra|kit|test|prueba|colonoscop[a-z]*|prep|fit test|cologuard',
    escalateIf:
      'dizz[a-z]*|lightheaded|light headed|faint[a-z]*|pass(?:ed)? out|weak|pale|mare[a-z]*|desmay[a-z]*|debil|palid[ao]|vomit[a-z]* blood|vomit[a-z]* sangre|a lot|lots|mucha|heart (?:is )?racing|blood thinners?|anticoag[a-z]*|eliquis|xarelto|warfarin[a]?|coumadin',
  },
  {
    // won't wake / not responding / collapsed / limp
    code: 'unconscious',
    level: 'emergency',
    a: '(?:wont|cant|can not|cannot|couldnt|didnt|doesnt|will not|could not|unable to|hard to|not|isnt|wasnt|barely|wouldnt) (?:wake|waking|rouse|respond|responding|responsive|react|reacting|conscious)(?: up)?|(?:went|is|was|gone|goes|felt|feels|seems) (?:all )?(?:limp|floppy)|limp and|out cold|no (?:despierta|se despierta|responde|reacciona|abre los ojos|lo (?:puedo|podemos|pude|pudimos) despertar|la (?:puedo|podemos|pude|pudimos) despertar|(?:puedo|podemos|pude|pudimos) despertarl[oa])|collaps[a-z]*|se desplom[a-z]*|se (?:cayo|desvanecio) y (?:ya )?no|inconscien[a-z]*|unconscious|unresponsive|passed out|desmay[a-z]*|fainted|blacked out|(?:dropped|slumped|keeled|went down|fell down|fell over) (?:[a-z]+ )?(?:to|on) the (?:floor|ground)|(?:just|suddenly) (?:dropped|collapsed|went down|keeled over)|slumped over|se (?:fue|cayo) al (?:suelo|piso) (?:de repente|y no)|se desvanecio|(?:cant|cannot|couldnt|can not) get (?:him|her|them|my [a-z]+) to (?:answer|respond|wake|talk|open (?:his|her|their) eyes)|slumped(?: over| in| on| down)?|tirad[ao] en el (?:piso|suelo)|no (?:contesta|me contesta|habla) (?:ni|y no)|no contesta|sigue sin (?:despertar|reaccionar|responder|contestar)|no ha (?:despertado|reaccionado|vuelto en si)|(?:hasnt|has not|still hasnt|still has not|still not) (?:woken up|come to|come around|responded)|(?:wont|doesnt|didnt|cant|isnt|not|wouldnt|will not) (?:open (?:his|her|their) eyes|answer(?:ing)? (?:me|us))|no abre los ojos|(?:no se mueve|not moving|isnt moving|wont move|stopped moving|no reacciona|no responde) (?:ni|y no|or|and (?:isnt|not|wont|doesnt)) (?:[a-z]+ ){0,1}(?:contesta|responde|reacciona|habla|answer[a-z]*|respond[a-z]*|talk[a-z]*)',
    unless: `respond(?:ing)? to (?:the |my |his |her |your |our )?(?:texts?|emails?|messages?|calls?|treatment|medicine|medication|meds|antibiotics?|tylenol|ibuprofen|motrin|therapy|inhaler|steroids?)|(?:phone|computer|screen|app|portal|website|site|page|printer|doctor|office|pharmacy|insurance|nurse|staff) (?:[a-z]+ ){0,3}(?:respond|responding|unresponsive)|no contesta (?:el|mi|mis|los|las|su|sus) (?:telefono|celular|llamadas?|mensajes?|puerta)|(?:isnt|not|wont) answer(?:ing)? (?:the|my|his|her) (?:phone|calls?|texts?|door)|collapsed? (?:lung|vein|veins|disc|arch)|collaps(?:ed|es|ing) (?:the|our|his|her|my|their|a|an|these|those|all|both|two|it|them)|lung collaps[a-z]*|no (?:me |nos )?responde[n]? (?:el|la|los|mi|mis|a mis|al|a los) (?:telefono|correo|mensaje|mensajes|llamada|llamadas|doctor|doctora|oficina|tratamiento|medicina)|${NEAR_FAINT}|(?:at )?the sight of (?:my |his |her |the )?(?:own )?(?:blood|needles?)|(?:blood|lab) draws?|during (?:the|my|a) (?:blood )?draw|vasovagal|${NEEDLE_FAINT}|drunk|borrach[a-z]*|hangover|nap|naps|siesta|(?:passed out|fainted|pass out) (?:from |of )?laugh[a-z]*|laugh[a-z]* so hard|de (?:la )?risa|(?:phone|texts?|emails?|messages?|telefono|celular|mensajes?|whatsapp|homework|tarea)`,
    downgradeIf: RESOLVED_FAINT,
  },
  {
    // a fall or collapse after which the person lies still: "fell in the bathroom and isn't moving"
    code: 'unconscious',
    level: 'emergency',
    a: 'fell|fallen|collapsed|cai|cayo|caido|caida|se cayo|se desplomo|went down',
    b: '(?:isnt|is not|not|wont|stopped|hasnt|wasnt) (?:moving|move|moved)|no se (?:mueve|movia|ha movido)|ya no se mueve|lying (?:still|there)|(?:isnt|not) (?:breathing|talking|answering|responding)|no (?:respira|habla|contesta|responde)',
    window: 8,
    bAfter: true,
    unless:
      'arm|arms|leg|legs|wrist|ankle|knee|hand|finger|fingers|toe|toes|shoulder|hip|foot|neck|elbow|brazo|brazos|pierna|piernas|muneca|tobillo|rodilla|mano|dedo|dedos|hombro|cadera|pie|codo|asleep|dormid[ao]|phone|telefono|well|bien|last (?:week|month|year)|la semana pasada',
  },
  {
    // drooling from one side of the mouth (facial weakness)
    code: 'stroke-signs',
    level: 'emergency',
    a: 'drool[a-z]*|babe(?:a|ando|o)|se le cae la baba|saliva (?:se le sale|le escurre)',
    b: 'one side|un lado|(?:left|right) side|lado (?:izquierdo|derecho)|corner of (?:his|her|my) mouth|comisura|side of (?:his|her|my|the) (?:mouth|face)',
    window: 5,
    unless: `${DENTAL}|teeth[a-z]*|denticion|sleep[a-z]*|slept|dorm[a-z]*|pillow|almohada|dog|perro|${IDIOM_LAUGH}`,
  },
  {
    // fall + can't get up
    code: 'fall-cant-get-up',
    level: 'emergency',
    a: 'fell|fallen|fall|falls|cai|cayo|caido|caida|se cayo|me cai',
    b: '(?:cant|cannot|couldnt|unable to|can not|not able to|wont) (?:get|getting) (?:him |her |them |me |back )?up|no (?:se |me |lo |la )?(?:puede|puedo|pudo|pude|podemos|pudimos) (?:levantar(?:se|me|lo|la)?|parar(?:se|me|lo|la)?)',
    window: 8,
    unless: 'asleep|dormid[ao]|in the morning|por la manana|out of bed in the morning|motivation|ganas',
  },
  {
    // seizure paraphrases: shaking/jerking that won't stop, with eyes rolling, unresponsive
    code: 'seizure',
    level: 'emergency',
    a: 'seiz[a-z]*|convuls[a-z]*|fit|fits|jerk[a-z]*|shak[a-z]*|twitch[a-z]*|tembl[a-z]*|sacud[a-z]*|temblor[a-z]*',
    b: '(?:wont|cant|doesnt|isnt|not|wouldnt|couldnt|cannot) stop|all over|uncontroll[a-z]*|whole body|todo el cuerpo|sin control|no (?:para|paraba|se le quita|se detiene)|eyes (?:rolled|rolling)|ojos (?:en blanco|volteados)|foam[a-z]*|espuma|wont wake|unresponsive|no responde|no despierta|minutes|minutos|stiff|rigid[ao]|tiesa?o?',
    window: 5,
    unless: `chills|escalofrio[s]?|cold|frio|anxi[a-z]*|ansiedad|nervous|nervios[ao]?|tremor|parkinson[a-z]*|coffee|cafe|caffeine|hungry|hambre|restless|hiccup[a-z]*|hipo|cough[a-z]*|tos|laugh[a-z]*|risa|panic|panico|asma|asthma|tantrum|berrinche|crying fit|sneez[a-z]*|estornud[a-z]*|shaky hands|manos temblorosas|${IDIOM_LAUGH}`,
  },
  {
    // self-harm and suicidal intent, paraphrased
    code: 'suicidal-thoughts',
    level: 'emergency',
    noRecentDowngrade: true,
    a: [
      '(?:dont|do not|no longer|doesnt|does not|didnt|did not) (?:really )?(?:want|wanna|wish) (?:to )?(?:be (?:here|alive|around)|live|exist|wake up|go on|keep going|keep living|continue living)',
      '(?:want|wanna|wanted|wish|wishing|ready|going|gonna|plan|planning|thinking (?:of|about)|thought (?:of|about)|considering|tempted|urge) (?:to )?(?:just )?(?:end (?:it|it all|things|everything|my life|this|my own life)|ending (?:it|it all|things|everything|my life)|kill(?:ing)? (?:my ?self|me)|die|dying|be dead|not (?:be here|wake up|exist|be alive)|disappear (?:forever|for good)|sleep forever|never wake up|tak(?:e|ing) my (?:own )?life|hurt(?:ing)? my ?self|harm(?:ing)? my ?self)',
      '(?:nobody|no one|noone|no body) (?:would|will|is going to|gonna|is gonna) (?:miss|care|notice)',
      'better (?:off )?(?:without me|dead|if i (?:just )?(?:was|were|wasnt|werent|disappeared|died|left|didnt exist|was gone|were gone|wasnt here|werent here|wasnt around))',
      'disappear(?:ed|ing)? (?:for good|forever|for ever)|desaparecer para siempre',
      '(?:nobody|no one|noone|no body) (?:cares|would care|will care|gives a [a-z]+) (?:if|whether) (?:i|im|i am) (?:alive|live|die|dead|here|gone|exist)|whats the point (?:anymore|any more|of (?:anything|it all|living|trying|going on|being here))|(?:a )?nadie le importa(?:ria)? (?:si|que) (?:vivo|muero|me muero|estoy viv[ao]|existo)',
      '(?:go to sleep|fall asleep|sleep) and (?:never|not) wake(?: up)?|dormir(?:me)? y (?:ya )?no despertar|(?:done|finished) with (?:life|living|being alive|this life|this world|it all)|(?:harto|harta|cansad[ao]) de (?:vivir|la vida)|ya me canse de vivir',
      '(?:use|turn|point|pointing|put|putting) (?:it|them|the gun|a gun|my gun|the knife|a knife) (?:on|at|against|to) (?:my ?self|me|my head)|(?:going to|gonna|will|want to|about to|plan to) (?:hurt|harm|kill|shoot|cut|hang) my ?self',
      '(?:pills|meds|rope|gun|knife) (?:are |is )?(?:ready|lined up|counted out|all set)|(?:pastillas|pildoras|cuerda|pistola) (?:ya )?(?:listas?|preparadas?)',
      '(?:no le (?:encuentro|veo|hallo)|ya no tiene|no tiene|sin) (?:ningun )?(?:sentido|caso) (?:a )?(?:la vida|mi vida|vivir|seguir)|la vida no tiene sentido|(?:no tiene|no le veo) caso (?:vivir|seguir)',
      '(?:saving|saved|stockpil[a-z]*|hoard[a-z]*|collecting|stashing|stashed) (?:up )?(?:all )?(?:of )?(?:my |his |her |the )?(?:pills|meds|medication|medications|tablets|sleeping pills|painkillers)',
      '(?:cut|slit|slash[a-z]*|cutting|slitting) (?:my |his |her )?(?:wrists?|veins|thighs)',
      '(?:hang|hanging|shoot|shooting) (?:my ?self|him ?self|her ?self)|jump(?:ing)? off (?:a |the )?(?:bridge|roof|building|overpass|balcony)',
      '(?:gun|pistol|knife|rope|razor|blade)s? (?:[a-z]+ ){0,3}(?:to|at|against|around) (?:my|his|her) (?:head|throat|wrists?|neck)',
      '(?:tired|sick) of (?:living|being alive|life)|(?:no|not any|dont see (?:the|a|any)|whats the) (?:point|reason) (?:(?:in|to|for|of) )?(?:living|live|going on|life|being alive|being here|staying alive|keep(?:ing)? (?:going|living)|carry(?:ing)? on|go on|continu(?:e|ing))',
      '(?:rather|prefer(?:red)? to|would prefer to) (?:just )?(?:be dead|die|not (?:be alive|wake up|exist|be here))|(?:prefiero|preferiria|quisiera) (?:estar )?muert[ao]',
      '(?:overdose|od) on purpose|on purpose (?:took|swallowed|overdosed)',
      '(?:want|wanna|wanted|wish|wishing|ready) (?:to )?(?:just )?(?:stop|quit) (?:existing|living|being alive|being here|breathing)|(?:wish|want) (?:that )?(?:i|to) (?:didnt|did not|could|would|wouldnt|just)? ?(?:not )?(?:exist|stop existing|never wake up|be gone|vanish|go away forever)|wish i (?:was|were) (?:dead|gone|never born)|cease to exist|un ?alive my ?self|(?:have|got|made|make) a plan (?:to|for) (?:end|kill|hurt|harm|die|take)',
      '(?:ganas|deseos) de (?:morir(?:me)?|matarme|desaparecer|no (?:vivir|despertar)|quitarme la vida|ya no (?:vivir|estar))',
      '(?:quiero|quisiera|deseo|pienso|pensando en|pensado en|voy a|me voy a|planeo|estoy pensando(?: en)?|he pensado(?: en)?) (?:en )?(?:morir(?:me)?|matarme|suicidarme|quitarme la vida|acabar con (?:todo|mi vida)|desaparecer|no despertar|dejar de vivir|dejar de existir|no existir|ya no existir|desaparecer del mundo|terminar con (?:todo|mi vida)|hacerme dano|cortarme)',
      '(?:nadie|ninguno) (?:me )?(?:extranaria|va a extranar|extranara|notaria|le importaria|me echaria de menos|se daria cuenta)',
      '(?:estan|estarian|estaria|estarias|estaran) mejor sin mi',
      '(?:juntando|guardando|ahorrando|acumulando|juntado|guardado) (?:[a-z]+ ){0,2}(?:pastillas|pildoras|medicinas|medicamentos)',
      '(?:cortar(?:me|se)?|me corte|se corto|me corto) (?:las |los |mis )?(?:venas|munecas|brazos)',
      '(?:me voy a|voy a|quiero|pienso|se va a|va a) (?:aventar|tirar|lanzar)(?:me|se)? (?:de|del|al|a|por|desde) (?:el |la |un |una )?(?:puente|edificio|techo|azotea|balcon|ventana|tren|metro|carretera|piso)|(?:ahorcar(?:me|se)|tirarme (?:de|del|al|por|a)|aventarme (?:de|del|al|a)|pegarme un tiro|darme un tiro|colgarme)',
      '(?:ya )?no (?:quiero|quisiera) (?:seguir (?:aqui|viviendo|vivo|viva)|estar (?:aqui|viv[ao])|vivir|existir|despertar)',
      '(?:ojala|quisiera) (?:no )?(?:no existir|no haber nacido|estar muert[ao]|desaparecer)|tengo (?:un )?plan(?:es)? (?:para|de) (?:matarme|suicidarme|morir|quitarme la vida|acabar con|hacerme dano)',
    ].join('|'),
    unless: `dying to|dying (?:of|from) (?:boredom|laughter|embarrassment|curiosity|hunger|heat|cold|anticipation|stress)|die laughing|to die for|die (?:down|off|out|away)|die (?:my|her|his) hair|(?:die|dead|died) (?:of|from) (?:embarrassment|shame|boredom|laughter|laughing|curiosity)|de (?:risa|la risa|verguenza|hambre|aburrimiento|sueno|calor|frio)|prevention|hotline|lifeline|screening|questionnaire|formulario|cuestionario|form|${IDIOM_LAUGH}|(?:this|the) (?:bill|call|wait|line|phone|menu|hold)|la (?:cuenta|factura|llamada|espera|fila)|phone tree|on hold|en espera|no estoy (?:pensando|planeando) en (?:hacerme|matarme|suicid[a-z]*|morir|quitarme)|no (?:soy|me siento) suicida`,
  },
  {
    // overdose: took × all/whole bottle/too many/30 × pills
    code: 'overdose',
    level: 'emergency',
    a: 'took|taken|swallowed|ate|eaten|drank|drunk|downed|chugged|popped|tome|tomo|tomado|tomaron|trague|trago|tragado|tragaron|ingeri|ingirio|ingerido|comio|comi|bebio|bebi|me tome|se tomo',
    b: 'all|whole|entire|the rest(?: of)?|bunch|handful|too many|too much|[2-9]\\d|\\d{3}|dozen|twenty|thirty|forty|fifty|hundred|todas?|todos|frasco|bote|caja|botella|muchas|muchos|demasiad[ao]s?|un monton|un puno|varias|bottle|box|pack|jar|sleeve|blister',
    c: `${PILLS_ANY}|bottle|frasco|bote`,
    window: 6,
    bAfter: true,
    unless: `${ADHERENCE}|as prescribed|as directed|like (?:you|the doctor|dr [a-z]+|my doctor) (?:said|told)|on time|(?:every|each) (?:day|morning|night|evening)|daily|with (?:breakfast|food|water|dinner|meals)|todos los dias|cada (?:dia|manana|noche)|como me (?:dijo|indico|receto|dijeron)|a tiempo|con (?:comida|el desayuno|la cena|agua)|for the (?:day|week)|(?:finished|completed|done with|termine|acabe) (?:all )?(?:of )?(?:my |the |el |los |la )?(?:antibiotic|antibiotics|course|antibiotico|antibioticos|tratamiento)|(?:whole|entire|all) (?:course|week|month|time|day)|todo el (?:tratamiento|mes|dia)|toda la (?:semana|caja de antibiotico)|water|agua|juice|jugo|milk|leche|gatorade|pedialyte|electrolyte|suero|prep|preparacion|vitamins? (?:every|daily)`,
  },
  {
    // an empty pill bottle beside someone, a child into someone else's medicine or a household chemical
    code: 'overdose',
    level: 'emergency',
    a: `empty (?:pill |medicine |med |prescription )?(?:bottles?|containers?|packs?|boxes?)|(?:frasco|bote|caja)s? (?:de (?:pastillas|medicina|pildoras) )?vacios?|(?:${CHILD_WORD}|toddler|kid|kids|kiddo|child|grandkid|boy|girl|nino|nina|lil one|little one|(?:my|our) (?:little|lil|youngest)|chiquit[oa]|pequen[oa])`,
    b: `took|taken|ate|eaten|swallowed|drank|drunk|chewed|got into|gotten into|licked|found|tomo|trago|comio|bebio|se comio|se trago|se tomo|mastico|${PILLS_ANY}|pills?|pastillas`,
    c: `(?:my|our|mom'?s?|moms|dads|grandmas|grandpas|grandmothers|grandfathers|someones|someone elses|his grandmas|her grandmas|mis|mi|nuestras?|de (?:su|mi) (?:abuel[ao]|mama|papa)) (?:[a-z]+ ){0,2}(?:${PILLS_ANY})|(?:bleach|detergent|laundry pods?|tide pods?|dishwasher (?:pods?|detergent)|rat poison|poison|antifreeze|windshield (?:washer )?fluid|washer fluid|drain cleaner|oven cleaner|cleaner|lighter fluid|gasoline|lamp oil|button batter(?:y|ies)|batter(?:y|ies)|magnets?|coins?|edibles?|weed|marijuana|thc|vodka|alcohol|mouthwash|hand sanitizer|nicotine|vape juice|e liquid|cloro|detergente|pila|pilas|imanes?|monedas?|gasolina|veneno|raticida|limpiador|anticongelante|alcohol|thinner|aguarras|suavizante)|dish ?(?:washer|washing)? ?(?:liquid|soap|detergent|pods?|tabs?|tablets?)|dish soap|laundry (?:detergent|soap|liquid)|cleaning (?:products?|supplies|solution|spray|fluid)|liquido (?:de|para) (?:limpiar|lavar|trapear)|limpia ?pisos|(?:floor|toilet|glass|bathroom) cleaner|ammonia|lye|clorox|lysol|pine ?sol|windex|fabuloso|pinol|cloralex|acetone|acetona|nail polish remover|quitaesmaltes?|essential oils?|aceites? esencial(?:es)?|insecticid[a-z]*|bug spray|pesticid[a-z]*|weed killer|roundup|mata ?(?:ratas|cucarachas)|jabon (?:de|para) (?:trastes|platos|ropa|lavaplatos)|lavatrastes|lavaplatos|iron pills|pastillas de hierro|bottle|frasco|pills (?:everywhere|next to|all over)|pastillas de [a-z]+|(?:some|unas|varias|muchas|no se cuantas|a bunch of|a handful of|several|a few|a lot of) (?:[a-z]+ )?(?:pills|pastillas|tablets|tabletas|gummies|vitamins|vitaminas)`,
    window: 8,
    unless:
      'tiny (?:bit|lick|taste)|just a (?:lick|taste|tiny bit)|una (?:probadita|lamidita)|(?<!(?:know|sure|idea|tell|unsure|count|se|sabemos|sabe) )how (?:much|many)|(?<!(?:no se|no sabemos|no sabe|sin saber) )cuant(?:o|a|os|as)|dose|dosage|dosis|spit (?:it )?out|veterinari[a-z]*|vet|escupio|chewable|masticable|vitamins? (?:every|daily)|safety|seguridad|childproof|lock|recycl[a-z]*|recicl[a-z]*|refill|resurtir|receta|prescription|pharmacy|farmacia|for (?:his|her) (?:ear|fever|infection|cold)',
  },
  {
    // carbon monoxide: a fuel-burning appliance or gas smell with headache/dizziness/nausea
    code: 'carbon-monoxide',
    level: 'emergency',
    a: 'furnace|heater|space heater|generator|gas leak|leaking gas|smell(?:s|ing)? (?:of |like )?gas|co (?:alarm|detector)|carbon monoxide|monoxide|calentador|boiler|caldera|fuga de gas|huele a gas|olor a gas|generador|monoxido|chimney|chimenea|exhaust|escape del carro|anafre|brasero|bracero|carbon (?:adentro|dentro|en el cuarto|prendido)|charcoal (?:grill|inside|indoors|in the)|grill (?:inside|indoors|in the garage)|(?:car|truck) (?:was |is )?(?:running|left running|on) in the garage|(?:carro|coche|camioneta) (?:prendido|encendido) (?:en|dentro de) (?:el |la )?(?:garage|garaje|cochera)|propane heater|kerosene heater|calentador de (?:gas|queroseno)',
    needMessage:
      'headaches?|dizz[a-z]*|nause[a-z]*|vomit[a-z]*|throwing up|confus[a-z]*|sleepy|drowsy|faint[a-z]*|pass(?:ed)? out|dolor(?:es)? de cabeza|mare[a-z]*|vomit[a-z]*|confundid[a-z]*|somnolient[a-z]*|desmay[a-z]*',
    unless:
      'repair|bill|appointment|install[a-z]*|inspection|reparar|cuenta|factura|cita|instal[a-z]*|years ago|hace anos|last (?:winter|year)',
  },
  {
    // a board-hard belly (peritonitis)
    code: 'acute-abdomen',
    level: 'emergency',
    a: 'belly|abdomen|abdominal|stomach|tummy|panza|barriga|estomago|vientre',
    b: 'rigid[ao]?|(?:hard|tight) (?:as|like) (?:a )?(?:rock|board|brick)|board ?like|dur[ao] como (?:una )?(?:piedra|tabla)|como tabla',
    window: 4,
    unless: 'abs|abdominales|workout|gym|ejercicio|pregnan[a-z]*|embaraz[a-z]*|bloat[a-z]*|inflamad[ao] por gases|gas',
  },
  {
    // hit by a car, stabbed, shot, fell from a height
    code: 'major-trauma',
    level: 'emergency',
    a: '(?:hit|struck|run over|ran over|knocked down) by (?:a |the |an )?(?:car|truck|vehicle|bus|train|motorcycle|suv|van)|(?:lo|la|me|le|nos) (?:atropell[a-z]*|arroll[a-z]*)|atropellad[ao]|stabbed(?! (?:me )?in the back)|(?:been|was|were|got|just|gets|getting) shot(?! (?:up|a|an|the|of|at|for|today|yesterday|last|in the arm)(?![a-z]))|shot by|gun ?shot|apunalad[ao]|acuchillad[ao]|balead[ao]|(?:le|me|nos) (?:dispararon|dieron un balazo)|gunshot|balazo|fell (?:off|from|out of) (?:the |a |his |her |our |my )?(?:roof|balcony|second (?:story|floor)|2nd (?:story|floor)|third floor|building|tree|window)|se cayo (?:del|de la|desde el|desde la) (?:techo|azotea|balcon|segundo piso|arbol|ventana)|car (?:accident|crash|wreck) (?:[a-z]+ ){0,4}(?:unconscious|bleeding|trapped|pinned|cant move|not moving)',
    unless:
      'flu shot|shots? (?:for|of|at)|vaccine|vacuna|booster|insulin shot|b12|allergy shot|shot (?:record|card)|years ago|hace anos|last year|el ano pasado|history|antecedentes|movie|pelicula|game|juego|news|noticias|photo|foto|picture|basketball|hoops|pool',
  },
  {
    // "se esta poniendo azul", "turning blue"
    code: 'breathing-difficulty',
    level: 'emergency',
    a: '(?:se (?:esta|estaba) |se )?(?:poniendo|puso|pone|ponia|volviendo) (?:morad[ao]|azul|gris)|turn(?:ing|ed|s)? (?:blue|purple|gray|grey|dusky)|going (?:blue|purple|grey|gray)',
    unless:
      'cold|frio|fria|bruis[a-z]*|moret[oe]n[a-z]*|hair|pelo|paint|pintura|sky|cielo|light|luz|screen|pantalla|litmus|mood ring|fingers in the cold|raynaud[a-z]*|toes|(?:finger|toe)?nails?|unas?|thumb|pulgar',
  },
  {
    // airway swelling: throat/tongue/lips × swelling/closing/tight
    code: 'severe-allergic-reaction',
    level: 'emergency',
    a: 'throat|garganta|tongue|lengua|lips?|labios?|mouth|boca|airway|vias? respiratorias?|uvula|campanilla|neck|cuello',
    b: 'swell[a-z]*|swollen|hinch[a-z]*|inflam[a-z]*|closing|closed|close up|closes|blew up|blown up|blowing up|puffed up|ballooned|cierr[a-z]*|cerr[a-z]*|cierra|tight|tighter|tightening|tightness|apret[a-z]*|puff[a-z]*|huge|enorm[ea]s?|twice the size|ballooning|(?:getting|got|keep getting) bigger|mas grandes?',
    window: 4,
    unless:
      'refill|renew|new epi ?pen|expired|expiring|prescription|pharmacy|resurtir|resurtido|receta|farmacia|vencid[ao]|caducad[ao]|training|school form|cold sores?|fuego[s]?|herpes|canker|afta[s]?|llaga[s]?|bit (?:my|his|her) (?:lip|tongue)|me mordi|se mordio|piercing|lip (?:filler|injection)s?|botox|thyroid|tiroides|goiter|bocio|gland[a-z]*|ganglio[s]?|lymph|nodes?|muscle|musculo|stiff neck|tortico[a-z]*|pulled|strain',
    downgradeIf:
      'sore|strep|estreptococo|tonsil[a-z]*|anginas|amigdal[a-z]*|puntitos blancos|white spots|placas|pus|calentura|(?:duele|hurts?) (?:to |al )?(?:tragar|swallow)|cold|flu|gripa|gripe|resfriad[ao]|fever|fiebre|dolor de garganta|me duele la garganta|cough[a-z]*|tos|post nasal|dental|dentist|filling|novocaine|anestesia|injection|inyeccion|a little|a bit|un poco|poquito|slightly',
  },
  {
    // face / eyes swelling: urgent, an emergency with an allergen or airway sign
    code: 'allergic-reaction',
    level: 'urgent',
    a: 'face|cara|eyes?|ojos?|eyelids?|parpados?',
    b: 'swell[a-z]*|swollen|hinch[a-z]*|inflam[a-z]*|puff[a-z]*',
    window: 4,
    unless: `${DENTAL}|abscess|absceso|encia[s]?|sinus[a-z]*|cry[a-z]*|llor[a-z]*|slept|woke up|al despertar|morning|manana|pink eye|conjunctiv[a-z]*|conjuntiv[a-z]*|stye|orzuelo|surgery|cirugia|procedure|bruis[a-z]*|golpe|moreton|fell|cai|cayo|hit|steroid[s]?|prednis[a-z]*|moon face|weight|peso|kidney|rinon|rinones|salt|sal|period|regla`,
    escalateIf: ALLERGEN,
  },
  {
    // head injury from a blow or a fall; escalated by anticoagulants, vomiting, confusion, sleepiness
    code: 'head-injury',
    level: 'urgent',
    a: 'head|cabeza|cabezota|forehead|frente',
    b: 'hit|hits|hitting|bang[a-z]*|bump[a-z]*|smack[a-z]*|struck|whack[a-z]*|slamm?[a-z]*|crack[a-z]*|fell(?! asleep)|falling|fall|golpe[a-z]*|golpazo|madrazo|trancazo|chingadazo|porrazo|pegu?[eo]|pego|pegue|cai|cayo|caida|knocked',
    window: 4,
    unless:
      '(?:totally|completely|perfectly) fine|bump is gone|never had any symptoms|(?:\\d+|two|three|four|a few|several) weeks ago|hace (?:\\d+|dos|tres|varias) semanas|headache|hit me|hit (?:the )?(?:pillow|hay|bed)|head (?:cold|lice|start|office|nurse|of)|over (?:my|his|her) head|(?:idea|thought) (?:hit|struck)|piojos|dolor de cabeza|me duele la cabeza',
    escalateIf:
      'passed out|pass out|unconscious|knocked out|blacked out|vomit[a-z]*|threw up|throwing up|puking|confus[a-z]*|not making sense|bleeding (?:a lot|heavily)|blood thinners?|anticoag[a-z]*|warfarin[a]?|coumadin|eliquis|xarelto|pradaxa|plavix|clopidogrel|seizure|convuls[a-z]*|wont wake|cant wake|hard to wake|sleepy|drowsy|somnolient[ao]|dormid[ao]|slurr[a-z]*|unequal pupils|pupil[a-z]*|clear fluid|worst headache|desmay[a-z]*|inconscien[a-z]*|confundid[a-z]*|anticoagulantes?|no despierta|over (?:65|70|75|80|85|90)|elderly|anciano|anciana|\\d\\d (?:yo|year old|years old|anos) (?:on|con)',
  },
  {
    // sudden, explosive or "worst ever" headache
    code: 'worst-headache',
    level: 'emergency',
    a: 'headache|head ache|head pain|dolor de cabeza|jaqueca|migrana|migraine',
    b: 'sudden|suddenly|thunder[a-z]*|explo[a-z]*|worst|peor|de golpe|de repente|repentin[a-z]*|like (?:a |being )?(?:bomb|gunshot|hit with|hit by|lightning|hammer|sledgehammer|baseball bat|bat|brick|truck)|como (?:un )?(?:martillazo|marrazo|mazazo)|como (?:un )?(?:golpe|bomba|trueno|balazo)|out of nowhere|de la nada',
    window: 5,
    unless:
      'usual|normal|typical|like my (?:usual|normal|other)|de siempre|como siempre|las de siempre|hangover|cruda|caffeine|cafeina|worst part|lo peor',
  },
  {
    // tearing / ripping pain (aortic dissection)
    code: 'severe-pain-tearing',
    level: 'emergency',
    a: 'pain|dolor|hurts?|hurting|duele',
    b: 'tearing|ripping|ripped|torn|(?:something|it) (?:is )?(?:tearing|ripping)|desgarr[a-z]*|como si (?:me )?(?:rompieran|desgarraran|arrancaran)|rasgando',
    window: 8,
    unless:
      'muscle|musculo|ligament|ligamento|acl|meniscus|menisco|rotator|labrum|tendon|knee|rodilla|ankle|tobillo|history|years|period|regla|cramps?',
  },
  {
    // fever in a baby under 3 months (any fever word, or ≥ 100.4 °F / 38 °C)
    code: 'infant-fever',
    level: 'emergency',
    a: `(?:${CHILD_WORD})(?: (?:is|who is|of|de|que tiene|tiene|only|just|solo|apenas|turned|cumplio|girl|boy|nino|nina))* ${NUMW} ?${AGE_UNIT}(?: (?:old|de (?:edad|nacid[ao])))?|${NUMW} ?${AGE_UNIT} old|newborn|new born|recien nacid[ao]s?|neonat[a-z]*`,
    b: '(fever[a-z]*|febrile|fiebre|calentura|afiebrad[ao]|feels? (?:very )?hot|hot to the touch|se siente calient[ea]|esta calient[ea]|temp|temperature|temperatura)|(\\d{2,3}(?:\\.\\d+)?)',
    window: 10,
    unless:
      // a feeding question is not a fever, but poor feeding is a danger sign ("not interested in feeding")
      'jaundice|ictericia|weigh[a-z]*|pesa|peso|lbs|pounds|libras|kilos|oz|ounces|onzas|(?<!(?:not|poor|wont|stopped|refusing|refuses|interested in|trouble|no quiere) )feeding|formula|vaccine|vacuna|shots?|breast|(?<!(?:not|poor|wont|stopped|refusing|refuses|interested in|trouble|isnt) )nursing|nipple|mastitis|seno|pezon',
    check: (a, b) => {
      const days = a[3] !== undefined ? ageInDays(a[3], a[4]) : ageInDays(a[1], a[2]);
      if (!Number.isNaN(days) && (days < 0 || days >= 90)) return false;
      if (b === undefined) return false;
      if (b[2] !== undefined) return isFever(num(b[2]));
      return !/^(?:temp|temperature|temperatura)$/.test(b[1] ?? '');
    },
  },

  // ───────────── urgent ─────────────
  {
    // any present fever (numbers ≥ 101 °F are handled by `high-fever`)
    code: 'fever',
    level: 'urgent',
    a: 'fever|fevers|feverish|febrile|fiebre|fiebres|calentura|afiebrad[ao]|febril|burning up|running a temp|temperatura alta|high temp[a-z]*',
    unless:
      'low grade|lowgrade|slight|mild|leve|poquita|febricula|(?:a )?(?:little|bit of a|tiny) (?:fever|temp)|(?:un poco|algo|tantito|poquito) de (?:fiebre|calentura|temperatura)|hay fever|fever blisters?|cold sores?|fiebre del heno|yellow fever|fiebre amarilla|scarlet|valley fever|(?:fever|fiebre|calentura) (?:is |has |ya )?(?:gone|broke|went away|went down|came down|resolved|has broken|is down|se (?:le |me )?(?:quito|fue|bajo)|paso|cedio)|se (?:le |me )?(?:quito|fue|bajo) la (?:fiebre|calentura)|ya no (?:tiene|tengo) (?:fiebre|calentura)|dose|dosage|dosis|how much|cuanto|cuanta|\\b99(?:\\.\\d)?|\\b37(?:\\.\\d)?|vaccines?|vacunas?|flu shot|(?:go|going|went|come|coming|return[a-z]*) back to (?:school|work|daycare)|back to (?:school|work|daycare)|return to (?:school|work|daycare)|(?:regresar|volver|ir) a (?:la )?(?:escuela|trabajo|guarderia)|note for|nota para|justificante',
  },
  {
    // a headache or migraine that has lasted days or does not respond to medicine
    code: 'severe-pain',
    level: 'urgent',
    a: 'headache|headaches|head ache|migraine|migraines|dolor de cabeza|dolores de cabeza|jaqueca|migrana|migranas',
    b: '(?:for|since|x|over|past|last) (?:\\d+|two|three|four|five|several|a few|a couple(?: of)?) (?:days|day|weeks)|(?:\\d+|two|three|four|five|several) (?:straight )?days|(?:wont|will not|doesnt|does not|isnt|not) (?:go(?:ing)? away|stop|stopping|break|breaking|let up|helping|working|improving)|(?:nothing|medicine|meds|tylenol|ibuprofen) (?:is )?(?:not )?(?:helps|helping|works|working)|no (?:se (?:me |le )?(?:quita|va)|me (?:ayuda|sirve|hace nada)|para)|desde hace (?:\\d+|dos|tres|cuatro|varios) dias|(?:\\d+|dos|tres|cuatro|varios) dias',
    window: 6,
    unless: 'history|antecedentes|years|anos|usually|normally|every month|cada mes|refill|resurtir|receta|prescription',
  },
  {
    code: 'uti-symptoms',
    level: 'urgent',
    a: 'pee|peeing|pees|peed|urin[a-z]*|orin[a-z]*|pipi|pis',
    b: 'burn[a-z]*|sting[a-z]*|hurts?|hurting|pain[a-z]*|ard[ea][a-z]*|arde|quema|duele|dolor|blood|bloody|sangre|pink|rosit[ao]|rosa|brown|cola|cant|cannot|no puedo|no puede|frequent[a-z]*|all the time|every (?:\\d+ |few |couple )?(?:min|mins|minutes|hour|hours)|a cada rato|cada rato|seguido',
    window: 4,
    unless:
      'tests?|samples?|results?|muestra[s]?|examen|analisis|cups?|prueba[s]?|urinalysis|urologist|urologo|drug test|asparagus|esparragos|blood (?:test|work|sugar|pressure)',
  },
  {
    code: 'asthma-attack',
    level: 'urgent',
    a: 'inhaler|albuterol|nebuli[sz]er|neb|nebs|inhalador|nebulizador|rescue|puffs?|disparos',
    b: 'every (?:\\d+|one|two|three|four|few|couple(?: of)?) (?:hours?|hrs?|mins?|minutes)|cada (?:\\d+|una|dos|tres|cuatro|media) (?:horas?|minutos)|(?:more|mas) (?:than usual|often|seguido|de lo normal|de lo usual)|constantly|all (?:day|night)|todo el dia|toda la noche|a lot more|mucho mas|(?:isnt|not|doesnt|no me|no le|didnt) (?:help[a-z]*|work[a-z]*|ayuda|ayudo|funciona|sirve|hace nada)',
    window: 6,
    unless: 'same as usual|lo mismo|como siempre|refill (?:only|just)|school form|formulario',
    escalateIf:
      'words at a time|(?:cant|cannot|couldnt) (?:talk|speak|finish)|ribs|retract[a-z]*|lips? (?:are |is |look |turning )?(?:blue|gray|grey|purple)|labios morados|costillas|no (?:puede|puedo) hablar',
  },
  {
    code: 'eye-problem',
    level: 'urgent',
    a: 'pink eye|pinkeye|conjunctivitis|conjuntivitis',
    unless: 'drops? (?:refill|prescription)|gotas (?:receta|resurtir)|history|antecedentes|last (?:year|month)',
  },
  {
    code: 'eye-problem',
    level: 'urgent',
    a: 'eye|eyes|ojo|ojos|eyelid|eyelids|parpado[s]?',
    b: 'swollen shut|pus|crust[a-z]*|goop[a-z]*|discharge|lagan[a-z]*|secrecion|chemical|quimico|cloro|bleach|something in|algo en|scratch(?:ed)?|rasp[oe]|cornea',
    window: 6,
    unless:
      'drops? (?:refill|prescription)|gotas (?:receta|resurtir)|exam|examen|glasses|lentes|contacts|appointment|cita|pool|alberca|piscina|swim[a-z]*|nad(?:ar|ando|o)',
  },
  {
    // a red, painful eye or a red eye with blurred vision (iritis, glaucoma, ulcer)
    code: 'eye-problem',
    level: 'urgent',
    a: 'eye|eyes|ojo|ojos',
    b: 'red|redness|bloodshot|roj[ao]s?|enrojecid[ao]s?|inyectad[ao]s?',
    c: 'pain[a-z]*|hurt[a-z]*|ach(?:e|es|ing)|throbb[a-z]*|duel[e]n?|dolor|blurr[a-z]*|borros[ao]|nublad[ao]|cloudy|halos?|(?:cant|can not|cannot) see|no (?:veo|ve) bien|light hurts|me molesta la luz',
    window: 6,
    unless:
      'allerg[a-z]*|alergi[a-z]*|pollen|polen|hay fever|tired|cansad[ao]s?|screen|pantalla|a little|un poco|poquito|slightly|for (?:weeks|months|years)|desde hace (?:semanas|meses|anos)|drops? (?:refill|prescription)|gotas (?:receta|resurtir)|exam|examen|glasses|lentes|appointment|cita|red ?eye flight|swimming|pool|alberca|cry[a-z]*|llor[a-z]*',
  },
  {
    code: 'jaundice',
    level: 'urgent',
    a: 'eyes|skin|ojos|piel|whites of (?:my|his|her|the) eyes|jaundic[a-z]*|ictericia',
    b: 'yellow[a-z]*|amarill[a-z]*|jaundic[a-z]*|ictericia',
    window: 4,
    unless:
      'results|resultados|bilirubin|bilirrubina (?:results|resultados)|history|old|shirt|camisa|paint|pintura|highlighter',
  },
  {
    // pain bad enough to stop walking/standing
    code: 'severe-pain',
    level: 'urgent',
    a: '(?:can barely|can hardly|cant|cannot|couldnt|unable to|can not|barely able to|not able to|apenas (?:puedo|puede)|no (?:puedo|puede|pude|pudo)) (?:walk|stand|move|get out of bed|caminar|pararme|pararse|moverme|moverse|levantarme|levantarse)',
    b: 'pain[a-z]*|hurt[a-z]*|ach(?:e|es|ing|y)|sore|agony|dolor|duele|duelen|adolorid[ao]|back|espalda|hip|cadera|knee|rodilla|belly|stomach|panza|estomago|leg|pierna',
    window: 8,
    unless:
      'far|long|distances?|lejos|mucho rato|handicap|placard|parking|disability|discapacidad|cane|walker|wheelchair|baston|andadera|silla de ruedas|for (?:years|months)|desde hace (?:anos|meses)|chronic|cronic[ao]|because of (?:the )?(?:noise|neighbors|stress|anxiety|worry)|insomnia|insomnio|sleep study|excited|emocionad[ao]|ruido',
  },
  {
    code: 'severe-pain',
    level: 'urgent',
    a: 'belly|stomach|abdomen|abdominal|tummy|gut|panza|barriga|estomago|vientre|pelvi[a-z]*|flank|costado|side',
    b: 'pain[a-z]*|hurt[a-z]*|ach(?:e|es|ing|y)|cramp[a-z]*|dolor|duele|duelen|colic[a-z]*|retorcijon[a-z]*',
    window: 9,
    needClause:
      'mucho dolor|a lot of pain|so much pain|really bad|bad pain|orina (?:[a-z]+ ){0,2}(?:rosit[ao]|roj[ao]|con sangre)|pink (?:pee|urine)|severe|sever[ao]|worse|worsening|getting worse|peor|empeor[a-z]*|lower right|right lower|right side|lado derecho|derech[ao]|unbearable|insoportable|doubled over|doblad[ao]|fuerte|strong|intense|intens[ao]|terrible|horrible|constant|hard as a rock|rigid|dur[ao] como|fever|fiebre|vomit[a-z]*|blood|sangre',
    unless:
      'side effects?|efectos secundarios|period|regla|menstrua[a-z]*|cramps? (?:again|every month)|mild|leve|poquito|a little|un poco|gas|hungry|hambre|ate too much|comi mucho|for (?:years|months)|desde hace (?:anos|meses)|stitch (?:from|when) running',
  },
  {
    code: 'burn',
    level: 'urgent',
    a: 'burn|burns|burned|burnt|burning|sunburn|sunburns|sunburned|quem[a-z]*|scald[a-z]*',
    b: 'blister[a-z]*|ampolla[s]?|peel[a-z]*|raw|skin (?:came|coming) off|se (?:me |le )?(?:cayo|levanto) la piel|white|leathery|charred|boiling|hirviendo|chemical|quimico|large|big|huge|grande',
    window: 10,
    unless: `${HEALING}|heartburn|acidez|agruras|burning (?:sensation|when|pee|urin)|ardor|razor burn|rug burn|freezer burn|calories|calorias|fat|grasa|cd|dvd|candle|vela|incense|incienso`,
  },
  {
    // swollen, painful calf or leg (clot)
    code: 'possible-clot',
    level: 'urgent',
    a: 'calf|calves|leg|legs|pantorrilla[s]?|pierna[s]?',
    b: 'swollen|swell[a-z]*|hinch[a-z]*|inflam[a-z]*',
    c: 'pain[a-z]*|hurt[a-z]*|tender|sore|red|warm|hot|dolor[a-z]*|adolorid[ao]s?|duele|roj[ao]|calient[ea]|one (?:leg|side)|un solo lado|un lado|only (?:one|the (?:left|right))',
    window: 6,
    unless: `sprain[a-z]*|twist[a-z]*|torci[a-z]*|physical therapy|terapia|pregnan[a-z]*|embaraz[a-z]*|heat|calor|long flight (?:last|years)|${HEALING}`,
    escalateIf: `short of breath|shortness of breath|cant breathe|trouble breathing|chest pain|coughing (?:up )?blood|falta de aire|me falta el aire|no puedo respirar|dolor de pecho|me duele el pecho`,
  },
  {
    code: 'palpitations',
    level: 'urgent',
    a: 'heart|hearts|heartbeat[s]?|corazon|pulse|pulso|latidos?',
    b: 'skip[a-z]*|racing|races|pound[a-z]*|flutter[a-z]*|irregular[a-z]*|palpit[a-z]*|brinc[a-z]*|brinca|salta|saltos|se salta|acelerad[ao]|flip[a-z]*|jumping|extra beats?|late (?:muy )?(?:rapido|rapidisimo|fuerte|fuertisimo|raro|irregular|a mil)|latiendo (?:muy )?(?:rapido|rapidisimo|fuerte|a mil)|a mil',
    window: 4,
    unless: `heartburn|monitor results|resultados del monitor|holter results|history|antecedentes|for years|hace anos|love|amor|crush|exams?|examen(?:es)?|tests?|excited|emocionad[ao]|nervous about|results|resultados|bill|cuenta|factura|${IDIOM_LAUGH}`,
  },
  {
    code: 'confusion',
    // ("ask for an appointment; also mom has not recognised me since this morning" is not about the appointment)
    level: 'urgent',
    a: 'confus[a-z]*|confundid[ao]|(?:really|totally|completely|so|very|super|pretty|kinda|kind of|seems|seemed|looks|looked|acting) out of it|dic(?:e|iendo|io|ia) (?:puras )?(?:cosas|tonterias|incoherencias|disparates)(?: que no tienen sentido| sin sentido| raras| incoherentes)?|habla(?:ndo)? (?:puras )?(?:incoherencias|disparates|cosas sin sentido)|no (?:tiene|tienen) (?:ningun )?sentido (?:lo que|las cosas que) (?:dice|habla)|disorient[a-z]*|desorientad[ao]|(?:ya )?no sabe (?:ni )?(?:donde (?:esta|estamos|vive)|quien (?:soy|es|somos)|que dia es)|(?:doesnt|does not|didnt|did not) know where (?:she|he|they) (?:is|are|was)|delirious|delirio|delirando|incoherente|not (?:acting )?(?:like )?(?:herself|himself)|acting (?:strange|weird|odd|funny|confused|off)|not making (?:any )?sense|no tiene sentido lo que dice|dice cosas sin sentido|no (?:es|esta|parece) (?:el|ella) mism[ao]|no reconoce|no (?:me|nos|la|lo) (?:conoce|reconoce)|(?:barely|hardly|doesnt|isnt|not) mak(?:es|ing) (?:any |much )?sense|(?:asking|asks|asked) (?:me |us )?the same (?:question|thing)s? (?:over and over|again and again|repeatedly)|(?:repite|pregunta) (?:lo mismo|la misma (?:pregunta|cosa)) (?:una y otra vez|a cada rato)|(?:doesnt|didnt|does not|did not) (?:recognize|know) (?:me|us|where (?:she|he) is)',
    unless:
      '(?:off and on |on and off )?for (?:months|years)|desde hace (?:meses|anos)|dementia|demencia|alzheimer[a-z]*|memory clinic|confus[a-z]* (?:about|by|with|as to|regarding|over|on|why|how|what|which|if|whether|sobre|con (?:la|el|las|los|mi|su|lo)|por (?:la|el|lo)|de (?:la|el|que))|confundid[ao] (?:sobre|con|por|acerca)|confusing|instructions|instrucciones|bill|billing|cuenta|factura|portal|forms?|formulario|website|app|statement|insurance|seguro|dosage|dose|dosis|labels?|etiqueta|letter|carta|results|resultados|' + CONFUSED_BY_ADMIN,
    escalateIf:
      // acute (since this morning, since last night) or in a diabetic who has not eaten: delirium or low sugar
      'since (?:this morning|last night|yesterday|earlier today|a few hours ago)|desde (?:la manana|esta manana|anoche|ayer|hoy|temprano|hace (?:unas |un par de |[a-z0-9]+ )?horas)|diabetic|diabetica|diabetico|(?:hasnt|has not|hadnt|didnt|no ha|no habia) (?:eaten|eat|comido)|(?:wont|will not|isnt|not) eat(?:ing)?|sleeping all day|(?:hands|feet|skin|she|he) (?:is |are |feels? |feel )?(?:ice cold|cold and clammy|mottled)|no quiere comer|duerme todo el dia|(?:was|were|seemed) (?:totally |completely |perfectly )?(?:fine|normal|ok|okay) (?:at|this morning|until|an hour|a few hours|yesterday|last night)|estaba (?:bien|normal) (?:en el desayuno|esta manana|hasta|ayer|anoche|hace)|(?:cant|cannot|can not) (?:stand|stand up|walk|get up)|no (?:se )?puede (?:parar|pararse|caminar|levantarse)|sudden[a-z]*|de repente|all of a sudden|out of nowhere|de la nada|slurr[a-z]*|droop[a-z]*|stiff neck|cuello rigido|wont wake|hard to wake|no despierta|sugar (?:is |was )?(?:low|[1-5]\\d)\\b|azucar (?:baja|en [1-5]\\d)',
  },
  {
    code: 'allergic-reaction',
    level: 'urgent',
    a: 'rash|rashes|hives|welts|ronchas?|salpullido|sarpullido|erupcion|breaking out|broke out|broken out|brote|comezon|itching all over',
    b: 'new (?:med[a-z]*|pills?|antibiotics?|prescriptions?|drugs?)|antibiotic[a-z]*|antibiotico[s]?|amoxicillin|amoxil|augmentin|penicillin|cipro|sulfa|bactrim|keflex|cephalexin|doxy[a-z]*|lamotrigine|lamictal|allopurinol|medicin[ae] nueva|nueva medicina|medicamento nuevo|nuevo medicamento|pastilla nueva|started (?:taking|on|the)|empece (?:a tomar|con|la|el)|after (?:taking|starting)|despues de (?:tomar|empezar|la medicina|el antibiotico|la pastilla)|reaction|reaccion',
    window: 10,
    unless: 'history|antecedentes|list|lista|chart|expediente|last year|el ano pasado|years ago|hace anos',
    escalateIf:
      'throat|garganta|tongue|lengua|lips? (?:swell[a-z]*|swollen)|labios hinchados|cant breathe|trouble breathing|no puedo respirar|me cuesta respirar|wheez[a-z]*|blisters?|ampollas?|peeling|pelando|mouth sores|llagas en la boca|eyes? (?:swollen|swell[a-z]*)',
  },
  {
    code: 'post-procedure-problem',
    level: 'urgent',
    a: 'stitch(?:es)?|sutures?|staples?|incision|incisions|wound|herida|puntos|puntadas|grapas|cicatriz|c section|csection|cesarea|surgical site|drain',
    b: 'open[a-z]*|split|came apart|coming apart|gap[a-z]*|abri[a-z]*|abiert[ao]|revent[a-z]*|infect[a-z]*|pus|ooz[a-z]*|leak[a-z]*|supura[a-z]*|red|redder|redness|roj[ao]|rojiz[ao]|hot|warm|calient[ea]|swollen|swelling|hinchad[ao]|smell[a-z]*|huele|mal olor|drain[a-z]*|bleed[a-z]*|sangr[a-z]*',
    window: 8,
    unless:
      'removal|remove|removed|take (?:them |it )?out|(?:get|have|taken|sacar) (?:my |the )?(?:stitches|staples) (?:out|removed)|quitar|quiten|retiro|retirar|appointment|cita|when can|cuando (?:me )?(?:quitan|puedo)|itch[a-z]*|comezon|pica|scar cream|crema|healing well|sana bien|se ve bien|looks (?:good|fine|great)|drain(?:age)? (?:cleaner|pipe)|open (?:house|enrollment)|office',
  },
  {
    code: 'dental-swelling',
    level: 'urgent',
    a: 'tooth|teeth|toothache|molar|muela[s]?|diente[s]?|encia[s]?|gums?|jaw|cheek|cachete|mejilla|quijada',
    b: 'swoll[a-z]*|swell[a-z]*|hinch[a-z]*|inflamad[ao]|abscess[a-z]*|absceso|pus|infect[a-z]*',
    window: 6,
    unless: 'cleaning|limpieza|whitening|blanqueamiento|braces|frenos|insurance|seguro|appointment|cita',
  },
  {
    // vomiting / diarrhoea / not drinking in a baby or toddler
    code: 'child-dehydration-risk',
    level: 'urgent',
    a: `(?:${CHILD_WORD})|toddler|guagua|(?:\\d{1,2}|one|two|un|una|dos) ?(?:year|yr|month|mo|ano|anos|mes|meses)s? (?:old|de edad)|(?:de|of) (?:\\d{1,2}|un|una|dos|one|two) (?:meses|mes|ano|months?|year)`,
    b: 'vomit[a-z]*|throw[a-z]* up|threw up|puk[a-z]*|diarr[a-z]*|vomito[s]?|devolv[a-z]*|not (?:eating|drinking|feeding)|wont (?:eat|drink|feed|nurse)|no (?:come|quiere comer|quiere tomar|toma (?:leche|pecho|biberon|nada)|ha mojado)|letharg[a-z]*|letargic[ao]|floppy|decaid[ao]|dry diapers?|no (?:wet )?diapers?|panales secos|sunken|hundid[ao]',
    window: 8,
    unless: 'spit(?:ting|s)? up|reflux|reflujo|regurgit[a-z]*|once|una vez|picky|selective|vaccine|vacuna',
    needClause:
      'baby|babies|bebe|bebes|bebito|bebita|infant|toddler|months?|mes|meses|mos?|(?:1|2|one|two|un|una|dos) ?(?:anos?|years?|yrs?)|newborn|recien nacid[ao]',
  },
  {
    code: 'infection-signs',
    level: 'urgent',
    a: 'lump|bump|boil|abscess|cyst|knot|bulto|bola|bolita|grano|forunculo|absceso|quiste|red streaks?|lineas? rojas?|rayas? rojas?',
    b: 'painful|pain|hurts|tender|swollen|swell[a-z]*|red|redness|hot|warm|pus|ooz[a-z]*|growing|bigger|streaks?|duele|dolor|hinch[a-z]*|roj[ao]|calient[ea]|supura|creciendo|mas grande|(?:bien|muy) grande|dur[ao]',
    window: 10,
    unless:
      'for (?:years|months)|desde hace (?:anos|meses)|breast|seno|pecho|mammogram|mamografia|biopsy|biopsia|results|resultados|check|revis[a-z]*|lipoma|nothing changed|no ha cambiado|mosquito|bug bite|picadura de mosquito|zit|pimple|espinilla',
  },
  {
    // a skin sore or ulcer that drains or smells (infection, e.g. a diabetic foot)
    code: 'infection-signs',
    level: 'urgent',
    a: 'sore|sores|ulcer|ulcers|ulcera[s]?|llaga[s]?|wound|herida|blister|ampolla',
    b: 'drain[a-z]*|ooz[a-z]*|pus|supura[a-z]*|red streaks?|foul|smell[a-z]*|stink[a-z]*|mal olor|huele mal|apesta',
    window: 6,
    unless:
      'cold sores?|canker|fever blisters?|throat|garganta|mouth|boca|lips?|labios?|herpes|fuegos?|afta[s]?|bed ?sores? (?:cream|supplies)|healing (?:well|fine)|sana bien|se ve bien|looks (?:good|fine|great)|nasal|nose|nariz|sinus',
  },
  {
    code: 'ear-problem',
    level: 'urgent',
    a: 'ear|ears|earache|earaches|oido|oidos|oreja|orejas',
    b: 'discharge|drain[a-z]*|fluid|pus|leak[a-z]*|liquido|supura[a-z]*|sale (?:liquido|pus|agua|sangre)|bleed[a-z]*|sangr[a-z]*|infection|infections|infeccion|pulling|tugging|jala|jalando|hurts?|hurting|pain|painful|ache|duele|dolor|swollen|hinch[a-z]*|killing (?:me|him|her)|throbb[a-z]*|punza[a-z]*',
    window: 8,
    unless:
      'teeth|teething|dientes|denticion|well (?:visit|child)|wax|cera|piercing|perfora[a-z]*|arete[s]?|earring[s]?|hearing (?:aid|test)|audifono[s]?|audiometr[a-z]*|tube[s]? (?:follow|check)|last (?:year|month)|history|antecedentes|for (?:years|months)|ringing|zumbido|tinnitus|pop[a-z]*',
  },
  {
    code: 'shingles',
    level: 'urgent',
    a: 'shingles|culebrilla|herpes zoster|zoster',
    unless: 'vaccines?|vacunas?|shots?|shingrix|inyeccion|history|antecedentes|years ago|hace anos|last year',
  },
  {
    // swelling / deformity of a limb after a fall or twist
    code: 'injury',
    level: 'urgent',
    a: 'wrist|ankle|knee|elbow|foot|feet|hand|arm|leg|finger|toe|shoulder|hip|collarbone|muneca|tobillo|rodilla|codo|pie|mano|brazo|pierna|dedo|hombro|cadera|clavicula',
    b: 'swollen|swell[a-z]*|hinch[a-z]*|bruised|purple|morad[ao]|deform[a-z]*|bent|crooked|chuec[ao]|(?:cant|cannot|can not|unable to) (?:move|bend|put weight|straighten|use)|no (?:lo |la )?(?:puedo|puede) (?:mover|doblar|pisar|apoyar|usar|enderezar|estirar)|huge|enorme|twice the size|double the size|big as a|really hurts|hurts (?:a lot|bad|so bad|really bad)|me duele mucho|like a (?:tennis ball|golf ball|baseball|balloon|grapefruit)',
    window: 10,
    needMessage:
      'fell|fall|fallen|falling|tripped|slipped|twist[a-z]*|sprain[a-z]*|rolled|landed|accident|injur[a-z]*|hurt it|cai|cayo|caida|tropece|tropezo|resbale|resbalo|torci[a-z]*|torcio|golpe[a-z]*|doble|doblo|lastime|lastimo|accidente|jammed|crash|car wreck|slammed|smashed|caught (?:it|my)',
    unless: `physical therapy|therapy|terapia|pt|surgery|cirugia|months ago|years ago|hace (?:meses|anos)|old injury|arthritis|artritis|gout|gota|${HEALING}`,
  },
];
