/**
 * Language-neutral parts of the lexicon: numeric vital-sign readings (checked
 * by value), multi-part rules (pregnancy + bleeding), and the word lists the
 * speller uses to fix typos in key words.
 */
import type { SignalDef } from './types.js';

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
      `(?:fever|temp|temperature|fiebre|temperatura|calentura|febrile|running a fever)${FILLER}(?: a)? ?(\\d{2,3}(?:\\.\\d+)?)`,
      `(\\d{2,3}(?:\\.\\d+)?) ?(?:f|c|degrees?|grados|deg|fahrenheit|celsius|centigrados)?(?: (?:fahrenheit|celsius|centigrados|f|c))? (?:fever|de fiebre|fiebre|de temperatura|de calentura|temp|temperature)`,
    ],
    check: (m) => isHighFever(num(m[1] ?? m[2])),
  },
  {
    code: 'abnormal-blood-pressure',
    level: 'urgent',
    patterns: [
      `(?:bp|blood pressure|pressure|presion|presion arterial|tension|tension arterial|la presion)${FILLER} ?(\\d{2,3}) ?(?:/|over|sobre|entre) ?(\\d{2,3})`,
    ],
    check: (m) => {
      const sys = num(m[1]);
      const dia = num(m[2]);
      return sys > dia && (sys >= 180 || dia >= 115 || (sys <= 85 && sys >= 40));
    },
  },
  {
    code: 'abnormal-blood-sugar',
    level: 'urgent',
    patterns: [
      `(?:blood sugar|blood sugars|sugar|sugars|glucose|bg|bs|cbg|glucosa|azucar|nivel de azucar|glucemia|glicemia|el azucar)${FILLER} ?(\\d{2,3})(?! ?(?:mg|%)?(?: [a-z]+)? ?(?:a1c|hba1c|pounds|lbs|libras|units|unidades))`,
      '(?:blood sugar|sugar|sugars|glucose|azucar|glucosa) (?:is |was |keeps |has been |esta |anda |se me |se le )?(?:very|really|super|extremely|dangerously|way|muy|bien|demasiado|super) (?:low|high|baja|alta|bajo|alto)',
      '(?:meter|glucometer|glucometro|glucometer) (?:[a-z]+ ){0,2}(?:says|reads|dice|marca) (?:hi|high|lo|alto)',
    ],
    check: (m) => {
      if (m[1] === undefined) return true;
      const v = num(m[1]);
      return (v >= 350 && v < 1000) || (v >= 20 && v <= 60);
    },
  },
  {
    code: 'abnormal-heart-rate',
    level: 'urgent',
    patterns: [
      `(?:heart rate|heartrate|pulse|hr|pulso|frecuencia cardiaca|ritmo cardiaco|heart)${FILLER} ?(\\d{2,3})(?: ?(?:bpm|beats|latidos|lpm))?`,
    ],
    check: (m) => {
      const v = num(m[1]);
      return (v >= 130 && v <= 300) || (v >= 20 && v <= 40);
    },
  },
  {
    code: 'low-oxygen',
    level: 'urgent',
    patterns: [`(?:oxygen|o2|sat|sats|spo2|oxigeno|saturacion|pulse ox|oximeter|oximetro|pulsioximetro)${FILLER} ?(\\d{2,3}) ?%?`],
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
export const PREGNANCY = '(?:pregnant|pregnancy|preggo|weeks along|expecting a baby|embarazada|embarazo|encinta|semanas de (?:embarazo|gestacion))';
/** Bleeding of any amount; with a pregnancy it is an emergency. */
export const PREGNANCY_BLEEDING = '(?:bleeding|bleed|bled|blood|clots|sangr[a-z]*|hemorrag[a-z]*|coagulos)';
/** Other obstetric red flags. */
export const PREGNANCY_RED_FLAGS =
  '(?:water broke|waters broke|leaking fluid|gush of fluid|baby (?:isnt|is not|hasnt|has not|stopped|not) moving|no fetal movement|severe (?:cramping|cramps|pain|abdominal pain|headache)|rompio la fuente|se me rompio la fuente|se rompio la fuente|fuente se rompio|sale liquido|bebe no se mueve|el bebe ya no se mueve|no siento (?:al|el|a mi) bebe|dolor (?:muy )?fuerte (?:en|de) (?:la )?(?:panza|barriga|vientre|abdomen)|vision borrosa y dolor de cabeza|blurry vision and (?:a )?headache)';
/** Meningitis-style combination: stiff neck with fever. */
export const STIFF_NECK = '(?:stiff neck|neck is stiff|neck (?:[a-z]+ )?stiff|cant bend (?:my|his|her) neck|cuello (?:rigido|tieso|duro)|rigidez (?:de|en el) cuello)';
export const FEVER_WORD = '(?:fever|febrile|temperature|temp|fiebre|calentura|temperatura)';

/** Key words the speller corrects towards (one edit away, same first letter, ≥ 5 letters). */
export const KEYWORDS: readonly string[] = [
  // English
  'chest', 'pain', 'pains', 'pressure', 'tightness', 'heart', 'attack', 'breath', 'breathe', 'breathing', 'shortness',
  'stroke', 'seizure', 'seizures', 'seizing', 'suicide', 'suicidal', 'myself', 'bleeding', 'blood', 'overdose', 'overdosed',
  'unconscious', 'unresponsive', 'fainted', 'passed', 'swelling', 'swollen', 'throat', 'tongue', 'drooping', 'droopy',
  'slurred', 'slurring', 'speech', 'numbness', 'weakness', 'paralyzed', 'allergic', 'reaction', 'anaphylaxis',
  'anaphylactic', 'epipen', 'headache', 'vomiting', 'vomit', 'fever', 'temperature', 'poison', 'poisoning', 'pills',
  'collapsed', 'convulsing', 'convulsion', 'gasping', 'choking', 'wheezing', 'urinate', 'urinating', 'urination', 'burning',
  'spreading', 'pregnant', 'pregnancy', 'stitches', 'incision', 'surgery', 'procedure', 'diarrhea', 'dehydrated',
  'insulin', 'inhaler', 'medication', 'medicine', 'refill', 'prescription', 'unbearable', 'severe', 'excruciating',
  'worst', 'worse', 'sudden', 'suddenly', 'confused', 'confusion', 'palpitations', 'racing', 'pounding', 'difficulty',
  'trouble', 'struggling', 'consciousness', 'tablets', 'bottle', 'swallowed', 'emergency', 'ambulance', 'hopeless',
  'crushing', 'squeezing', 'radiating', 'breathless', 'suffocating', 'unable', 'cannot', 'couldnt', 'doesnt', 'wouldnt',
  'lightheaded', 'dizzy', 'infection', 'infected', 'urine', 'stool', 'bleed', 'faint', 'fainting', 'blacked', 'seized',
  'pregant', 'tylenol', 'nitroglycerin', 'warfarin', 'concussion', 'weakness', 'tingling', 'heavily', 'gushing',
  'hemorrhage', 'stopped', 'waking', 'responding', 'killing', 'kill', 'hurting', 'harming', 'cutting', 'alive', 'dying',
  // Spanish
  'pecho', 'dolor', 'respirar', 'respira', 'respiro', 'derrame', 'embolia', 'infarto', 'corazon', 'convulsion',
  'convulsiones', 'convulsionando', 'sangre', 'sangrado', 'sangrando', 'sangrar', 'desmayo', 'desmaye', 'desmayado',
  'desmayada', 'inconsciente', 'garganta', 'hinchada', 'hinchado', 'hinchazon', 'lengua', 'labios', 'morir', 'morirme',
  'muriendo', 'suicidarme', 'suicidio', 'matarme', 'pastillas', 'sobredosis', 'veneno', 'cabeza', 'orinar', 'fiebre',
  'calentura', 'vomitar', 'vomitando', 'vomito', 'diarrea', 'ahogando', 'mareado', 'mareada', 'dificultad',
  'embarazada', 'embarazo', 'sarpullido', 'ronchas', 'herida', 'cirugia', 'operacion', 'insoportable', 'intenso',
  'emergencia', 'ambulancia', 'adormecido', 'adormecida', 'dormido', 'dormida', 'paralizado', 'paralizada', 'arrastrada',
  'torcida', 'torcido', 'hablar', 'brazo', 'pierna', 'conocimiento', 'responde', 'despierta', 'alergica', 'insulina',
  'medicina', 'inhalador', 'urgente', 'presion', 'opresion', 'puedo', 'puede', 'quiero', 'tengo', 'temperatura',
  'infeccion', 'resurtido', 'receta', 'medicamento', 'medicamentos', 'deshidratado', 'envenenado', 'intoxicado',
];

/** Explicit misspellings (short words, multi-edit typos, phonetic Spanish). */
export const VARIANTS: Readonly<Record<string, string>> = {
  chets: 'chest', chesr: 'chest', chect: 'chest', stroek: 'stroke', seizur: 'seizure', siezur: 'seizure', bleedng: 'bleeding',
  breathng: 'breathing', suicidl: 'suicidal', suicidel: 'suicidal', desmaio: 'desmayo',
  pian: 'pain', pani: 'pain', paine: 'pain', payn: 'pain', pan: 'pan', chst: 'chest', ches: 'chest', chet: 'chest',
  brest: 'breast', breth: 'breath', brath: 'breath', breat: 'breath', brethe: 'breathe', breahte: 'breathe', brethin: 'breathing',
  breathin: 'breathing', breating: 'breathing', brething: 'breathing', breahting: 'breathing', breeth: 'breath', breeze: 'breeze',
  cnat: 'cant', cnt: 'cant', cany: 'cant', cannt: 'cant', canot: 'cannot', caint: 'cant', cabt: 'cant', catn: 'cant',
  dnt: 'dont', dont: 'dont', didnt: 'didnt', iam: 'i am', ima: 'im', noo: 'no', nope: 'no', nah: 'no',
  suicidle: 'suicidal', sucidal: 'suicidal', suicidial: 'suicidal', suacidal: 'suicidal', suisidal: 'suicidal',
  suiside: 'suicide', suicde: 'suicide', sucide: 'suicide', sucicide: 'suicide',
  seizer: 'seizure', seizers: 'seizures', ceizure: 'seizure', siezures: 'seizures', sezures: 'seizures', siezing: 'seizing',
  tounge: 'tongue', tung: 'tongue', tonge: 'tongue', throught: 'throat', throte: 'throat', throut: 'throat',
  hart: 'heart', harte: 'heart', hearth: 'heart', atack: 'attack', attac: 'attack', attak: 'attack', atak: 'attack',
  storke: 'stroke', strok: 'stroke', stoke: 'stroke', strocke: 'stroke',
  diarreah: 'diarrhea', diarrhoea: 'diarrhea', diahrrea: 'diarrhea', diarhea: 'diarrhea', diareha: 'diarrhea', diarea: 'diarrhea',
  tempature: 'temperature', temperture: 'temperature', tempurature: 'temperature', temprature: 'temperature',
  feaver: 'fever', fevor: 'fever', fevr: 'fever', fver: 'fever',
  anaphalaxis: 'anaphylaxis', anaphylaxsis: 'anaphylaxis', anafylaxis: 'anaphylaxis', anaphilaxis: 'anaphylaxis',
  unconsious: 'unconscious', unconsiuos: 'unconscious', uncontious: 'unconscious', unconcsious: 'unconscious',
  overdoes: 'overdose', overdossed: 'overdosed', overdozed: 'overdosed', ovrdose: 'overdose',
  bleding: 'bleeding', bledding: 'bleeding', bleeing: 'bleeding', bloood: 'blood', blod: 'blood',
  vomitting: 'vomiting', vommiting: 'vomiting', vommitting: 'vomiting', vomitin: 'vomiting', throwin: 'throwing',
  pregnet: 'pregnant', pregnat: 'pregnant', pragnant: 'pregnant', pergnant: 'pregnant', prego: 'pregnant',
  dizy: 'dizzy', dizzie: 'dizzy', dissy: 'dizzy',
  // Spanish
  pesho: 'pecho', pexo: 'pecho', pecjo: 'pecho', doler: 'doler', dolo: 'dolor', dolr: 'dolor',
  desmallo: 'desmayo', desmalle: 'desmaye', desmallado: 'desmayado', desmallada: 'desmayada',
  inchada: 'hinchada', inchado: 'hinchado', inchazon: 'hinchazon', hinchada: 'hinchada', inchadas: 'hinchadas', inchados: 'hinchados',
  horinar: 'orinar', orinal: 'orinal', ablar: 'hablar', avlar: 'hablar', resirar: 'respirar', respiar: 'respirar', respirra: 'respira',
  rrespirar: 'respirar', respidar: 'respirar', respirrar: 'respirar', derame: 'derrame', deramme: 'derrame', embolea: 'embolia',
  imfarto: 'infarto', enfarto: 'infarto', infrato: 'infarto', corason: 'corazon', corazn: 'corazon', convulcion: 'convulsion',
  combulsion: 'convulsion', convulciones: 'convulsiones', convulsiono: 'convulsiono', sangr: 'sangre', sagre: 'sangre',
  sangando: 'sangrando', sobre: 'sobre', sobredocis: 'sobredosis', sobredosys: 'sobredosis', enbarazada: 'embarazada',
  embarasada: 'embarazada', embarazda: 'embarazada', fiebr: 'fiebre', fievre: 'fiebre', fibre: 'fiebre', calentur: 'calentura',
  bomitando: 'vomitando', bomito: 'vomito', bomitar: 'vomitar', vomite: 'vomite', garjanta: 'garganta', gargnta: 'garganta',
  ahogo: 'ahogo', aogo: 'ahogo', aogando: 'ahogando', ahojando: 'ahogando', mariado: 'mareado', mariada: 'mareada',
  quiero: 'quiero', kiero: 'quiero', qiero: 'quiero', morirme: 'morirme', morrir: 'morir', matarme: 'matarme',
  pastiyas: 'pastillas', pastias: 'pastillas', pastilas: 'pastillas', puedo: 'puedo', puedp: 'puedo', pudo: 'pudo',
  nesesito: 'necesito', nececito: 'necesito', necesito: 'necesito', urjente: 'urgente', emerjencia: 'emergencia',
  emergensia: 'emergencia', ambulansia: 'ambulancia', cabesa: 'cabeza', cavesa: 'cabeza', cabeza: 'cabeza',
};

/**
 * Ordinary words one edit away from a key word that must not be "corrected"
 * (e.g. "fewer" is not "fever", "prison" is not "poison").
 */
export const REAL_WORDS: readonly string[] = [
  'chess', 'cheat', 'chase', 'crest', 'chests', 'breast', 'breasts', 'breadth', 'breed', 'bread', 'bleep', 'blond',
  'strike', 'stoke', 'strobe', 'stokes', 'fewer', 'fiver', 'prison', 'poisson', 'pulls', 'polls', 'heard', 'hearts',
  'hearty', 'hearth', 'attach', 'attacks', 'threat', 'threats', 'smelling', 'spelling', 'dwelling', 'swelled', 'worse',
  'pissed', 'pasted', 'parsed', 'passes', 'paused', 'cooking', 'grasping', 'gassing', 'dropping', 'emergence',
  'inflection', 'inhales', 'sever', 'severs', 'server', 'facing', 'raging', 'lacing', 'racing', 'surgeon', 'urinal',
  'dolar', 'dolares', 'marcado', 'falda', 'techo', 'hecho', 'fibra', 'sobre', 'sobres', 'mover', 'moverme', 'mueve',
  'cabezas', 'heridas', 'piernas', 'brazos', 'labio', 'quiere', 'quieren', 'tenga', 'tengas', 'puedes', 'pueden',
  'presiona', 'presionar', 'opresiones', 'pecas', 'pescado', 'peces', 'fiebres', 'dolores', 'doloroso', 'dolorosa',
  'sangria', 'sangra', 'sangro', 'sangres', 'morira', 'moriria', 'cabello', 'orinas', 'hablan', 'hablas', 'hablo',
  'stroll', 'strokes', 'stroked', 'seizes', 'seized', 'seizer', 'suites', 'bottles', 'bottled', 'tables', 'tablet',
  'stools', 'urines', 'faints', 'feint', 'faith', 'saint', 'paint', 'painted', 'waking', 'baking', 'making', 'taking',
  'walking', 'talking', 'killing', 'filling', 'willing', 'billing', 'billed', 'alive', 'alike', 'hurting', 'hunting',
  'cutting', 'putting', 'dying', 'drying', 'dyeing', 'tying', 'lying', 'prescriptions', 'refills', 'refilled',
  'medications', 'medicines', 'emergencies', 'ambulances', 'worsen', 'worst', 'suddenness', 'trouble', 'troubles',
  'troubled', 'confuse', 'confusing', 'pounds', 'pounded', 'choosing', 'chocking', 'cooling', 'coughing', 'sweeping',
  'sweating', 'wheeling', 'wheeled', 'burying', 'burning', 'turning', 'bursting', 'stopper', 'stooped', 'stepped',
  'shopped', 'startled', 'topped', 'sources', 'spreads', 'spreadsheet', 'breathes', 'breather', 'breathed', 'breaths',
  'breaks', 'breakfast', 'brother', 'brothers', 'bother', 'bothers', 'bothering', 'thought', 'though', 'through',
  'throw', 'thrown', 'throws', 'throne', 'tongs', 'tonight', 'tongues', 'speed', 'speeds', 'spec', 'speeches',
  'weekness', 'meekness', 'numbers', 'number', 'headaches', 'headache', 'readache', 'pillows', 'pillow', 'tills',
  'drools', 'drool', 'drooled', 'droopier', 'dropped', 'blooded', 'bloody', 'broody', 'fevers', 'levers', 'seven',
  'never', 'sever', 'fewest', 'feared', 'fleet', 'stoked', 'choked', 'choke', 'chokes', 'chested', 'chesty',
  'puede', 'pueda', 'puedan', 'tengo', 'tenia', 'vomitos', 'herido', 'herida', 'heridos', 'lenguas', 'cabezon',
  'pechos', 'pecho', 'respiran', 'respiras', 'respiro', 'recetas', 'recete', 'receto', 'medicinas', 'corazones',
];
