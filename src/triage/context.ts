/**
 * Context cues shared by both languages (patients mix them): what negates a
 * symptom, what places it in the past or in another person, what makes it
 * hypothetical, and what ends a clause. All regexes are compiled once here and
 * used only with non-global `test`/`exec`, so no regex state is shared between calls.
 */

/** Wrap a regex source in word boundaries (normalised text is ASCII `a-z0-9` plus punctuation). */
export const bounded = (src: string): string => `\\b(?:${src})(?![a-z0-9])`;
/**
 * Compile a bounded, non-global regex. Only non-global regexes are shared at module
 * level, so no `lastIndex` state is ever mutated; iterate matches with {@link scan}.
 */
export const rx = (src: string): RegExp => new RegExp(bounded(src));

/** One match found by {@link scan}: the exec array with `index` relative to the whole text. */
export type ScanMatch = RegExpExecArray;

/**
 * All non-overlapping matches of a non-global regex, left to right, without touching
 * the regex's state (each search runs on the remaining slice of the text).
 */
export function scan(re: RegExp, text: string): ScanMatch[] {
  const out: ScanMatch[] = [];
  let pos = 0;
  while (pos <= text.length) {
    const m = re.exec(pos === 0 ? text : text.slice(pos));
    if (m === null) break;
    m.index += pos;
    out.push(m);
    pos = m.index + Math.max(1, m[0].length);
  }
  return out;
}

/** Words that end a clause: negation and history do not reach across them. */
export const CLAUSE_BREAK = new RegExp(
  `[!?;]|\\.(?!\\d)|:(?!\\d)|${bounded('but|however|although|though|except|yet|anyway|pero|aunque|sino|excepto|sin embargo|solo que')}`,
);

/** Negation cues that look back up to a few words (not across a comma). */
export const NEGATION_WORDS = new Set([
  'no',
  'not',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'havent',
  'hasnt',
  'hadnt',
  'never',
  'none',
  'nor',
  'neither',
  'without',
  'denies',
  'deny',
  'denied',
  'denying',
  'nunca',
  'ni',
  'tampoco',
  'jamas',
  'ningun',
  'ninguna',
  'ninguno',
  'sin',
  'niega',
  'niego',
  'negaba',
  'descarto',
  'descartaron',
  'descartado',
  'descartada',
  'nada',
  'cero',
  'zero',
  'negative',
  'ruled',
  'free',
]);
/** Negation cues used list-style ("denies chest pain, shortness of breath"): they reach across commas. */
export const LIST_NEGATION_WORDS = new Set([
  'denies',
  'deny',
  'denied',
  'denying',
  'niega',
  'niego',
  'negative',
  'without',
  'sin',
]);
/** Cues that need a following word to negate ("negative for", "ruled out", "free of"). */
const NEGATION_NEEDS_NEXT: Readonly<Record<string, readonly string[]>> = {
  negative: ['for'],
  ruled: ['out'],
  free: ['of', 'from'],
  nada: ['de'],
  none: ['of'],
};
/** A negation word followed by one of these is not negating the symptom ("not sure", "no puedo dormir"). */
const PSEUDO_AFTER = new Set([
  'sure',
  'certain',
  'know',
  'knowing',
  'think',
  'idea',
  'understand',
  'only',
  'just',
  'able',
  'one',
  'matter',
  'way',
  'doubt',
  'kidding',
  'joke',
  'joking',
  'wait',
  'waiting',
  'clue',
  'feeling',
  'improving',
  'better',
  'helping',
  'working',
  'stopping',
  'se',
  'sabe',
  'sabemos',
  'puedo',
  'puede',
  'pude',
  'pudo',
  'podia',
  'podemos',
  'poder',
  'estoy',
  'creo',
  'entiendo',
  'mejora',
  'para',
  'deja',
  'paro',
  'quita',
  'funciona',
  'ayuda',
  // "ya no aguanto más": despair, not a denial of what follows
  'aguanto',
  'aguanta',
  'soporto',
  'soporta',
]);
/** Two-word pseudo negations ("dont feel well", "no me siento bien"). */
const PSEUDO_AFTER_TWO = new Set([
  'making sense',
  'make sense',
  'makes sense',
  'feel well',
  'feel good',
  'feel right',
  'feel ok',
  'me siento',
  'me quiero',
  'le para',
  'me para',
  'se me',
  'se le',
  'me deja',
  'le deja',
  'me quita',
  'le quita',
]);

/** "never had chest pain like this", "nunca habia tenido un dolor asi": a first time, not a denial. */
const NEVER_LIKE_THIS =
  /^ ?(?:[a-z]+ )?(?:like (?:this|that|it)|this (?:bad|severe|strong|much)|so bad|as bad|that bad|before|until|till|in my life|hasta|asi|como (?:este|esta|esto|ahora|hoy)|tan (?:fuerte|malo|mala|feo|fea)|en mi vida)/;

/**
 * True when a negation cue in `before` (the clause text up to the match) scopes
 * over the match. Looks at most `window` words back; plain cues stop at a comma.
 */
export function isNegated(before: string, after: string, window = 5): boolean {
  const words = before.match(/[a-z0-9]+|,/g);
  if (!words) return false;
  let seen = 0;
  let crossedComma = false;
  for (let i = words.length - 1; i >= 0 && seen < window + (crossedComma ? 2 : 0); i--) {
    const w = words[i] as string;
    if (w === ',') {
      crossedComma = true;
      continue;
    }
    seen++;
    if (!NEGATION_WORDS.has(w)) continue;
    if (crossedComma && !LIST_NEGATION_WORDS.has(w)) continue;
    const next = words[i + 1];
    const next2 = words[i + 2];
    const needs = NEGATION_NEEDS_NEXT[w];
    if (needs !== undefined && (next === undefined || !needs.includes(next))) continue;
    if (next !== undefined && next !== ',' && PSEUDO_AFTER.has(next)) continue;
    if (next !== undefined && next2 !== undefined && PSEUDO_AFTER_TWO.has(`${next} ${next2}`)) continue;
    if ((w === 'never' || w === 'nunca' || w === 'jamas') && NEVER_LIKE_THIS.test(after)) continue;
    return true;
  }
  return false;
}

const RELATIVE_ELDER =
  'father|dad|daddy|mother|mom|mum|mommy|mama|papa|padre|madre|brother|sister|grandma|grandmother|grandpa|grandfather|granny|uncle|aunt|auntie|cousin|grandparents|parents|family|relatives|abuelo|abuela|abuelito|abuelita|tio|tia|primo|prima|hermano|hermana|padres|familia|familiares|suegro|suegra|papi|mami|father in law|mother in law';

/** Ages, in digits or words, for "when he was one" / "cuando tenía un año" (a stage of life already past). */
const AGE_NUMBER =
  '\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a (?:baby|toddler|kid|child|teenager)|un|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce';

/** Explicit history / remote-time cues: the symptom is about the past. */
export const HISTORY_CUE = rx(
  [
    'history of',
    'hx of',
    'h/o',
    'past history',
    'medical history',
    'historia de',
    'historial de',
    'historial',
    'antecedentes?(?: de)?',
    'previous',
    'previously',
    'prior',
    'survivor',
    'in the past',
    'used to',
    // Spanish imperfect after "antes": "antes fumaba y me faltaba el aire" (it used to be so)
    'antes (?!de(?![a-z]))(?:[a-z]+ )?[a-z]+(?:aba|ia)(?![a-z])',
    'as a (?:kid|child|baby|teen|teenager)',
    'when i was (?:a |younger|little|young|small|\\d+)',
    '(?:when|cuando) (?:he|she|they|el|ella) (?:was|were|tenia|era) (?:a baby|a toddler|little|younger|small|un bebe|bebe|chiquit[ao]|\\d+)',
    // an age already left behind: "when he was one", "cuando tenia un año", "at age 3", "a los dos años"
    `when (?:he|she|they|i) (?:was|were) (?:${AGE_NUMBER})(?! (?:minutes?|mins?|hours?|seconds?|of|or|and))|cuando (?:el |ella |yo )?(?:tenia|tenian|tuvo|cumplio) (?:${AGE_NUMBER}) (?:anos?|meses|mes|semanas)|(?:when|cuando) (?:(?:he|she|they|el|ella|yo) )?(?:was|were|era|estaba) (?:a newborn|an infant|a toddler|recien nacid[ao]|de brazos)`,
    `(?:at|by) (?:age|the age of) (?:${AGE_NUMBER})|a los (?:${AGE_NUMBER}) (?:anos?|meses)|(?<!(?:nin[oa]|hij[oa]|hijit[oa]|bebe|bebit[oa]|nene|nena|chamac[oa]|chav[oa]|niet[oa]|sobrin[oa]|chiquit[oa]|ninit[oa]) )de (?:${AGE_NUMBER}) (?:anos?|meses) (?:le|me|se) (?:dio|dieron|paso)`,
    '(?:\\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|many|several|few|couple(?: of)?) (?:years|yrs|year|decades?|months|summers|winters|springs|christmases) ago',
    // a season or holiday already past: "last spring", "this past winter", "el invierno pasado", "la navidad pasada"
    '(?:last|this past) (?:spring|summer|fall|autumn|winter|christmas|thanksgiving|easter|school year|season)|(?:spring|summer|fall|autumn|winter) before last',
    '(?:el|la|este|esta|en el|en la) (?:invierno|verano|otono|primavera|navidad|temporada|ciclo escolar) pasad[oa]|(?:el|la) (?:invierno|verano|otono|primavera|navidad) (?:del ano pasado|antepasad[oa])',
    'years ago',
    'months ago',
    'long time ago',
    'long ago',
    'last year',
    'last month',
    'back in',
    'in (?:19|20)\\d\\d',
    'en (?:el )?(?:ano )?(?:19|20)\\d\\d',
    'hace (?:[a-z0-9]+ ){0,2}(?:anos|ano|meses|mucho tiempo|tiempo|decadas)',
    'el ano pasado',
    'el mes pasado',
    'de (?:nino|nina|joven|chico|chica|pequeno|pequena)',
    'cuando (?:era|estaba) (?:nino|nina|joven|chico|chica|pequeno|pequena|mas joven)',
    'family history',
    'runs in (?:my|the|our) family',
    'en (?:mi|la|nuestra) familia',
    'for (?:many |several |a few |\\d+ )?years',
    'por (?:muchos |varios )?anos',
    'desde hace (?:[a-z]+ )?anos',
    'had (?:one|a few|some) (?:before|in the past)',
    '(?:my|his|her|mi|su) (?:old|previous|last|former|ex) ',
    '(?:an|the|some|un|una) (?:old|older|previous|prior|past|silent) ',
    '(?:antiguo|antigua|viejo|vieja|previo|previa|anterior)',
    '(?:mri|ct|cat scan|scan|ekg|ecg|echo|x ray|xray|test|tests|results?|report|resonancia|tomografia|estudio|electro|resultados?) (?:[a-z]+ )?(?:showed|shows|found|revealed|says|said|mostro|muestra|salio|dice|dijo)',
    '(?:at|during|in|since) (?:my|the|our|his|her) (?:last|previous|recent|prior) (?:visit|appointment|appt|checkup|check up|physical|telehealth)',
    '(?:we|you|i) (?:talked|spoke|discussed|chatted)(?: about)?|(?:you|dr [a-z]+|the doctor) (?:mentioned|said)|i (?:told|mentioned to|showed) (?:you|the doctor|dr [a-z]+|the nurse)(?: about)?|(?:le|te) (?:conte|dije|platique|comente|mencione)',
    // a past episode told as past: "el dolor de pecho que tenia era gastritis", "turned out to be reflux"
    '(?:era|fue|resulto(?: ser)?|turned out (?:to be)?|ended up being) (?:solo |nada mas |just |only )?(?:gastritis|reflujo|agruras|ansiedad|colitis|gases|muscular|un musculo|nada|anxiety|reflux|gas|gerd|heartburn|a pulled muscle|nothing)',
    'hablamos (?:de|sobre)|platicamos (?:de|sobre)|en (?:mi|la|su) (?:ultima|pasada|anterior) (?:cita|consulta|visita)',
    'after my (?:[a-z]+ )?(?:in|back in)',
    // care already given: "they said to follow up with you", "me dieron de alta"
    '(?:said|told (?:me|us|him|her)) to follow up|discharged|(?:me|le|nos) dieron de alta',
    'in (?:high school|middle school|grade school|elementary school|college|the army|the military|my (?:teens|twenties|20s|thirties|30s))|en (?:la )?(?:prepa|preparatoria|secundaria|primaria|universidad)|once (?:before|in (?:my life|high school|college))|una vez (?:hace|en la)',
    'in (?:last )?(?:january|february|march|april|june|july|august|september|october|november|december)(?! (?:\\d|next))|en (?:enero|febrero|marzo|abril|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)(?! (?:\\d|proximo))',
    '(?:said|told (?:me|us)|thought|dijo|dijeron) (?:it was |its |que (?:era|fue) )?(?:just |only |solo )?(?:anxiety|reflux|gas|gerd|a pulled muscle|muscular|nothing|fine|normal|heartburn|a panic attack|costochondritis|ansiedad|reflujo|gastritis|nada|agruras|un ataque de panico)',
    'recover(?:ing|ed|y) (?:from|after)|se (?:esta )?recupera[a-z]* (?:bien |muy bien )?(?:de|del|despues)|recuperacion (?:de|del)|rehab (?:after|for|from)|(?:is |are |im |hes |shes )?doing (?:well|better|great|good|fine) (?:after|since)|(?:va|sigue) (?:bien|mejor) (?:despues|desde)',
  ].join('|'),
);

/** Another person (of an older generation / the wider family) + a past-tense verb = family history. */
export const OTHER_PERSON = rx(
  `(?:(?:my|mi|mis|his|her|our|nuestra|nuestro|su|sus|a|the) (?:late |older |younger |[a-z]+ )?)?(?:${RELATIVE_ELDER})(?:s|es)?`,
);
export const OTHER_PAST = rx(
  '(?<!(?:ever|never) )had|has had|have had|died|passed away|passed on|passed (?:from|of|due to|because of)|lost (?:him|her|them) to|suffered|was diagnosed|got diagnosed|tuvo|tuvieron|murio|fallecio|fallecieron|sufrio|sufrieron|le dio|les dio|padecio|padece|padecen|diagnosticaron|diagnosticado|diagnosticada',
);

/** Immediately before the match: "since my", "after my" (the event is the reference point, in the past). */
export const SINCE_MY_BEFORE =
  /(?:(?:since|after|desde|despues de|post) (?:my|mi|his|her|su|the|el|la|a|an|un|una) (?:[a-z]+ )?|(?:who|that|which|que|quien) (?:had|has had|have had|suffered|survived|tuvo|sufrio|ha tenido|le dio) (?:a |an |un |una |two |several |multiple )?(?:[a-z]+ )?|(?:who|quien) )$/;

const STRONG_SRC =
  '(?:\\d+|a few|few|couple(?: of)?|an|a|one|two|three|ten|twenty|thirty|fifteen|45) (?:minutes?|mins?|hours?|hrs?) ago|an hour ago|hace (?:un rato|(?:[a-z]+ )?(?:minutos|horas|hora))|right now|having it now|happening now|currently|this morning|tonight|this afternoon|this evening|just now|(?<!(?:out|filled|fill|signed|sign|renewed|renew|sent|send|faxed|fax|submitted|submit|done|do|printed|print|checked|check|scheduled|schedule) )(?<!(?:hasnt|has not|havent|have not|didnt|did not|not|never) (?:happened|happen|occurred|come back|came back) )again|otra vez|de nuevo|ahorita|ahora mismo|en este momento|esta manana|esta noche|esta tarde|anoche|last night';
/** Strong present cues: override history anywhere later in the clause. */
export const PRESENT_STRONG = rx(STRONG_SRC);
/** Present/recent cues: the symptom is happening now (overrides history when they sit between cue and match). */
export const PRESENT_ANY = rx(
  `${STRONG_SRC}|` +
    'now|right now|currently|today|tonight|this morning|this afternoon|this evening|again|still|just|i have|ive got|ive been|im having|i am having|im|i am|i feel|i keep|started|starting|ahora|ahorita|hoy|esta manana|esta tarde|esta noche|otra vez|de nuevo|todavia|aun|tengo|me duele|estoy|siento|empezo|empece|acaba de|acabo de|sigue|siguen|anoche|last night|yesterday|ayer|and now|y ahora|(?:he|she|they) (?:has|is|are|keeps|says)|hes|shes|theyre|(?:is|are) (?:having|getting)|(?:esta|estan) (?:teniendo|con)|tiene|le duele',
);

/** Hypothetical / informational framing: "what should I do if", "signs of a stroke", "risk of". */
export const HYPOTHETICAL = rx(
  [
    'what if',
    'what (?:should|do|would|can) (?:i|we) do (?:if|when)',
    'in case',
    '(?<!(?:sure|know|wondering|wonder|idea|tell|asking|unsure|check|see|sabe|se|saber) )if (?:i|he|she|we|you|my [a-z]+) (?:ever|gets?|has|have|had|starts?|develops?|experiences?|spikes?|runs?)',
    'if it happens',
    'if this happens',
    'should i (?:ever )?(?:get|have|develop)',
    'how (?:do|would|can|will) (?:i|we|you) (?:know|tell)',
    '(?<!(?:showing|having|has|have|had|with|show|shows|any|tiene|tengo|con) )(?:warning )?(?:signs|symptoms) of',
    'risk of',
    'risks of',
    'chance of',
    'chances of',
    'prevent',
    'preventing',
    'prevention',
    'to avoid',
    'reduce (?:my|the) risk',
    'screening for',
    'tested for',
    'en caso de',
    'que (?:hago|debo hacer|hacemos|hacer) (?:si|cuando)',
    'si alguna vez',
    'por si (?:acaso|las dudas|algo)|just in case',
    '(?:a |an )?dangerous (?:fever|number|level|temp[a-z]*|reading)|(?:is|es) (?:\\d+ )?(?:a |an |una |un )?(?:dangerous|peligros[ao])|(?:fiebre|numero|nivel|temperatura) peligros[ao]',
    'si (?:a (?:mi|su|tu) [a-z]+ )?(?:se )?(?:me|le|te) (?:da|dan|daba|diera|vuelve|volviera|llega|llegara|pasa|pasara|acaban?|terminan?)',
    '(?<!(?:como|as) )(?:si alguien|if (?:someone|somebody|a person|anyone))|(?:en|in) (?:la|the|a) (?:clase|class) de|(?:cpr|first aid|rcp|primeros auxilios) class|clase de (?:rcp|primeros auxilios)',
    '(?:pregunta|preguntan) si (?:tiene|ha tenido|padece|sufre)|asks? (?:if|whether) (?:he|she|you|i|they) (?:has|have|had|ever)|questions? about (?:his|her|my) history',
    '(?:at )?what temp(?:erature)?|que temperatura|como (?:se|sabe|saber) cuando|cuando (?:debo |hay que |tengo que )?llevar',
    'como (?:se|sabe|saber) si',
    '(?:sintomas|senales|signos) de',
    'riesgo de',
    'prevenir',
    'evitar',
    'information about',
    'difference between',
    'essay (?:on|about)',
    'brochures?',
    'diferencia entre',
    'info about',
    'side effects? (?:of|from|include|includes|like)|efectos secundarios|(?:can|could|does|do|will|might|may) (?:it|this|that|they|the [a-z]+) (?:cause|give|lead to|trigger)|(?:what|can|could|may|might|does|do|it|that|which|will) causes?|causes? of|(?:the|this|that|a|an) [a-z]+ (?:can |may |might )?causes?|puede (?:causar|provocar)|(?:i )?heard (?:that|it|they|the|about)|i read (?:that|it)|lei que|escuche que|dicen que',
    // something read or seen, reported as information: "I read online that…", "leí en internet que…"
    '(?:i )?(?:read|saw|seen|found) (?:online|on (?:google|the internet|facebook|tiktok|youtube|a (?:website|forum|blog))|in (?:an? )?(?:article|pamphlet|leaflet|the (?:insert|leaflet|label))|somewhere) (?:that )?|(?:lei|vi|encontre) (?:en (?:internet|google|linea|facebook|tiktok|youtube|un articulo|una pagina|el instructivo|la caja))(?: que)?|(?:the|a) (?:website|article|leaflet|insert|label) (?:says|said)|(?:el|un) (?:articulo|instructivo) (?:dice|decia) que',
    'informacion sobre',
    'pamphlet',
    'folleto',
    'class on',
    'clase sobre',
    'article',
    'articulo',
  ].join('|'),
);

/**
 * Right after the match: the symptom is the subject of a fact about a medicine or a disease
 * ("shortness of breath can be a side effect of amlodipine", "el mareo puede ser un efecto
 * secundario"). Only a guard with {@link DENIED_IT}: the writer then says they do not have it.
 */
export const INFO_AFTER =
  /^ (?:is|are|can|could|may|might|puede|pueden|es|son)(?: be| ser)? (?:a |an |un |una )?(?:very |really |pretty |muy )?(?:common |rare |possible |known |normal |usual |comun |raro |posible |conocido )?(?:side effects?|symptoms? of|signs? of|(?:early )?warning signs?|reactions? to|efectos? secundarios?|efectos? adversos?|sintomas? de|senal(?:es)? de|reaccion(?:es)? (?:a|al|de))(?![a-z])/;
/** Anywhere in the message: the writer does not have what they asked about ("I don't have it", "no lo tengo"). */
export const DENIED_IT = rx(
  '(?:i|he|she|we) (?:dont|doesnt|do not|does not|havent|hasnt|have not|has not|never) (?:have |had |get |got |gotten |noticed |experienced )?(?:it|that|this|them|those|any(?: of (?:it|that|this|them|those))?)|(?:not|never) (?:having|had|experienced) (?:it|that|this|any)|(?:no (?:lo|la|los|las|le|me) (?:tengo|tiene|he tenido|ha dado|he notado)|no tengo (?:eso|nada de eso)|no me (?:ha )?(?:dado|pasado) (?:eso|nada))',
);

/** Right after the match: the symptom word is a modifier of a noun ("seizure medication", "chest pain clinic"). */
export const MODIFIER_AFTER = new RegExp(
  `^ (?:${[
    'medicine',
    'medicines',
    'medication',
    'medications',
    'meds',
    'med',
    'pills',
    'pill',
    'prescription',
    'prescriptions',
    'rx',
    'refill',
    'refills',
    'disorder',
    'clinic',
    'doctor',
    'doc',
    'specialist',
    'neurologist',
    'cardiologist',
    'appointment',
    'appt',
    'follow ?up',
    'followup',
    'referral',
    'class',
    'classes',
    'support group',
    'group',
    'prevention',
    'hotline',
    'line',
    'lifeline',
    'rehab',
    'rehabilitation',
    'survivor',
    'survivors',
    'kit',
    'action plan',
    'education',
    'screening',
    'test',
    'testing',
    'workup',
    'work up',
    'risk',
    'precautions',
    'free',
    'awareness',
    'program',
    'medicamento',
    'medicamentos',
    'medicina',
    'medicinas',
    'pastillas',
    'pastilla',
    'clinica',
    'especialista',
    'cita',
    'prevencion',
    'receta',
    'study',
    'antibiotic',
    'antibiotics',
    'antibiotico',
    'antibioticos',
    'cream',
    'ointment',
    'shots?',
    'vaccine',
    'drops',
    'spray',
    'crema',
    'pomada',
    'research',
    'questionnaire',
    'form',
    'paperwork',
    'insurance',
    'bill',
    'billing',
  ].join('|')})(?![a-z0-9])`,
);
/**
 * Right before the match: paperwork about an event ("send the records from my hospital stay
 * for my heart attack", "la factura de la ambulancia por mi infarto") — not the event itself.
 */
export const ADMIN_BEFORE =
  /(?:^|[^a-z0-9])(?:bill|bills|billing|invoice|statement|charges?|claim|receipt|records?|paperwork|forms?|letter|fax|copy|copies|report|summary|factura|facturas|cobro|cobros|recibo|expediente|registros?|formulario|carta|copia|reporte|resumen)(?: [a-z0-9]+){0,6} (?:for|from|of|about|regarding|after|de|del|sobre|por|despues de) (?:[a-z0-9]+ ){0,3}$/;
/**
 * Before the match, in the same sentence (commas and colons allowed): a form or paperwork that lists
 * conditions or asks about them ("the sports form asks about fainting, chest pain…", "POA paperwork
 * lists her dementia, CHF and past stroke", "insurance form asks to confirm my conditions: …").
 */
export const FORM_LIST_BEFORE =
  /(?:^|[^a-z0-9])(?:forms?|paperwork|questionnaire|checklist|application|formulario|formularios|forma|formas|cuestionario|papeles|solicitud|planilla)(?: [a-z0-9]+){0,6} (?:lists?|listing|asks? (?:about|if|whether|to confirm|for)|asking (?:about|if|for)|(?:has|have) (?:a )?(?:section|box|boxes|questions?) (?:for|about|on)|pregunta (?:por|si|sobre)|preguntan (?:por|si|sobre)|incluye|(?:wants|asks|needs|tells) (?:me|us|him|her) to (?:list|put(?: down)?|write(?: down)?|fill in|declare|check(?: off)?|disclose)|(?:i|we) (?:have|need|had) to (?:list|put(?: down)?|write(?: down)?|fill in|declare|check(?: off)?|disclose)|(?:tengo|tenemos|hay|tiene|debo|debemos) que (?:poner|anotar|escribir|listar|declarar|marcar|llenar|apuntar)|(?:me )?piden? (?:poner|anotar|escribir|listar|declarar|que (?:ponga|anote|escriba|liste|declare))|quieren? que (?:ponga|anote|escriba|liste|declare))((?:[ ,:]+[a-z0-9]+){0,14}?[ ,:]+)$/;
/** Right after the match: a form field answered in the negative ("Seizures: none", "Desmayos: no"). */
export const FIELD_NONE_AFTER = /^ ?: ?(?:none|no|n ?a|never|negative|denies|nunca|ninguno|ninguna|nada)(?![a-z0-9])/;
/** Right before the match: an animal is the one with the symptom ("my dog had a seizure"). */
export const PET_BEFORE =
  /(?:^|[^a-z0-9])(?:dog|dogs|cat|cats|pet|pets|puppy|kitten|horse|perr[oa]s?|perrit[oa]s?|gat[oa]s?|gatit[oa]s?|mascotas?|caballo)(?: (?:just|also|has|had|is|was|keeps|kept|got|seems|been|having|tiene|tuvo|esta|estaba|le|se|dio|sigue))*(?: [a-z0-9]+){0,3} $/;
/** Right before the match: "anti-seizure", "post-stroke", "non-emergency". */
export const MODIFIER_BEFORE =
  /(?:anti|post|non|pre|sin ser|no es una?|not an?|(?:i thought|thought|pense que|pensaba que|crei que|creia que) (?:i was|it was|i had|i might be|me estaba|me iba a|era|estaba|tenia)(?: having| dando| dar)?(?: a| an| un| una)?) $/;

/** Refill / medication request context for "for my chest pain" / "para el dolor de pecho" indications. */
export const REFILL_CONTEXT = rx(
  'refill|refills|refilled|renew|renewal|prescription|prescriptions|rx|script|pharmacy|resurtir|resurtido|resurtan|surtir|receta|recetas|refil|farmacia|reorder|new supply|mail order|more of (?:my|the)|send (?:in|over)|call in|mandar|manden|necesito mas',
);
export const INDICATION_BEFORE =
  /(?:for|para|por|treats?|treating|tratar|against|contra) (?:my|mi|his|her|su|the|el|la|los|las|occasional|ocasional)? ?(?:occasional |ocasional |[a-z]+ )?$/;

/** Anywhere in the clause: the message is about learning, not a symptom ("for a school project"). */
export const INFO_CLAUSE = rx(
  'what (?:[a-z]+ ){0,3}(?:signs|symptoms) should (?:i|we)|(?:signs|symptoms) (?:should (?:i|we)|to) (?:watch|look)|watch (?:for|out for) in|(?:want|like) to be prepared|que (?:senales|sintomas|signos) (?:debo|debemos|hay que)|school (?:project|essay|report|paper|assignment)|for (?:a|my) (?:class|project|report|paper|presentation|essay)|brochures?|pamphlets?|folletos?|proyecto (?:de la escuela|escolar)|tarea de la escuela',
);
/** Right after an urgent symptom: it has resolved ("rash is healed", "wheezing has been much better"). */
export const RESOLVED_AFTER =
  /^(?: [a-z]+){0,3} (?:is |has |have |are |got |seems |has been |have been |is now |are now )?(?:much |a lot |way |so much |all |completely |totally )?(?<!instead of |rather than |not |no |isnt |arent |never |any |not any )(?:better|improved|improving|resolved|gone|went away|cleared up|cleared|healed|fine now|ok now|okay now)(?![a-z])|^(?: [a-z]+){0,3} (?:ya )?(?:se (?:me |le )?(?:quito|paso|curo|fue)|(?:esta|estan) mejor|mejoro|se ve mejor)(?![a-z])/;

/** "pills for", "pastillas para las": what follows is what a medicine treats. */
export const MED_FOR_BEFORE =
  /(?:(?:pills?|tablets?|medicine|medicines|medication|medications|meds|med|inhaler|drug|drugs|prescription|rx|pastillas?|medicinas?|medicamentos?|inhalador|tabletas?|jarabe|receta) (?:[a-z]+ )?(?:for|para|contra|against|de)|(?:i|he|she|we|they) (?:take|takes|use|uses) (?:it|them|this|that|these|those) (?:for|against)|(?:lo|la|los|las) (?:tomo|toma|tomamos|toman|uso|usa) (?:para|contra|por)) (?:my |mi |mis |the |el |la |las |los |his |her |su |sus )?$/;
/** After an indication: the symptom is active anyway ("nitro for chest pain isn't helping"). */
export const ACTIVE_AFTER = rx(
  `${STRONG_SRC}|not working|not helping|isnt helping|isnt working|arent helping|arent working|didnt help|doesnt help|didnt work|doesnt work|still|now|no (?:me |le )?(?:ayuda|ayudo|funciona|funciono|sirve|sirvio|hace nada|hizo nada)|todavia|sigue|ahora`,
);

/** Happening as they write ("and now bleeding heavy", "estoy sangrando"): overrides a recent-past downgrade. */
const META_VERBS =
  'feeling|doing|getting|better|fine|ok|okay|good|recovering|healing|wondering|thinking|asking|hoping|writing|calling|going|trying|planning|looking|worrying|worried|messaging|texting|emailing|waiting|scheduling|following|checking|reaching';
const META_VERBOS =
  'preguntando|escribiendo|esperando|pensando|llamando|buscando|sintiendo mejor|recuperando|mejorando';
export const ONGOING = rx(
  `right now|ahorita|ahora mismo|(?:and |y )?now (?!(?:${META_VERBS})(?![a-z]))[a-z]+ing|(?:and |y )?ahora (?:estoy |esta )?(?!(?:${META_VERBOS})(?![a-z]))[a-z]+(?:ando|iendo)|(?:estoy|esta|estamos|estan) (?!(?:${META_VERBOS})(?![a-z]))[a-z]+(?:ando|iendo)|(?:im|i am|hes|shes|he is|she is|its|it is|were|we are|keeps?|still) (?!(?:${META_VERBS})(?![a-z]))[a-z]+ing`,
);
/** "last week", "a few days ago": recent past — an emergency sign is only urgent now. */
export const RECENT_PAST = rx(
  // care already given: "the ER checked him out and sent us home", "nos mandaron a casa"
  'sent (?:us|him|her|me) home|(?:er|ed|urgent care|hospital|emergency room) (?:[a-z]+ ){0,2}(?:checked|cleared|discharged|saw)|nos mandaron a (?:la )?casa|(?:lo|la|me|nos) (?:mandaron a (?:la )?casa|dieron de alta)|last week|last weekend|past week|(?:a )?(?:few|couple(?: of)?|two|three|four|five|six|several|\\d+) (?:days|weeks) ago|a week ago|the other day|(?:la )?semana pasada|hace (?:unos |una |dos |tres |cuatro |cinco |varios |\\d+ )?(?:dias|semanas|semana)|el otro dia|el fin de semana pasado',
);

/** Recent cues that count as "now" when the past event belongs to a family member ("my son had a seizure today"). */
export const RECENT_OTHER = rx(
  'right now|currently|today|tonight|this morning|this afternoon|this evening|just|just now|again|yesterday|last night|an hour ago|minutes ago|hours ago|hoy|ahorita|ahora|anoche|ayer|esta manana|esta tarde|esta noche|hace (?:[a-z]+ )?(?:rato|horas|hora|minutos)|acaba de|otra vez|de nuevo|no (?:puede|pueden) (?:hablar|mover|respirar)|(?:cant|cannot|can not) (?:talk|speak|move|breathe)|no (?:responde|despierta|respira)|(?:wont|cant) wake|(?:isnt|not) (?:breathing|responding)|sigue sin|sigue (?:convulsionando|temblando|inconsciente|desmayad[ao])|still (?:seizing|shaking|out|unconscious|not)|(?:y )?(?:ahora )?esta (?:muy |bien |toda |todo )?(?:desorientad[ao]|inconsciente|confundid[ao])|(?:and )?(?:now )?(?:hes|shes|he is|she is) (?:very |really |so )?(?:disoriented|unconscious|confused)',
);

// ───────────── settled episodes (issue #5: false alarms on routine follow-ups) ─────────────

/**
 * A care visit already made for the symptom, placed before it in its clause: "went to the ER
 * Saturday for chest pain", "fui a urgencias por dolor de pecho", "me llevaron a urgencias porque
 * me desmayé", "me operaron del apéndice". Only a guard together with {@link SETTLED_MESSAGE}.
 */
export const CARE_VISIT_BEFORE = rx(
  [
    '(?:went|go|gone|been|was|were|ended up|came|taken|took (?:him|her|me|them)) (?:in|into|to|at) (?:the )?(?:er|ed|emergency(?: room| department)?|urgent care|hospital|walk in|cardiologist|specialist|[a-z]+ologist)',
    '(?:was|were|got|been) (?:seen|admitted|checked out|evaluated|treated) (?:in|at|by) (?:the )?(?:er|ed|urgent care|hospital|cardiologist|specialist)',
    'went in (?:on )?(?:[a-z]+ )?(?:for|with|because)',
    '(?:er|ed|urgent care|hospital|emergency room) (?:visit|trip|stay)',
    '(?:fui|fue|fuimos|estuve|estuvo) (?:a |al |en )?(?:la |el )?(?:sala de )?(?:emergencias?|urgencias|urgent care|hospital|cardiologo|especialista|clinica|internad[ao])',
    '(?:me|lo|la|le|nos) (?:llevaron|llevamos|llevo) (?:a |al )(?:la )?(?:emergencias?|urgencias|urgent care|hospital|clinica)',
    '(?:me|lo|la|le) (?:operaron|internaron|atendieron)',
  ].join('|'),
);
/**
 * Anywhere in the message: the episode is over and was reassuring — normal work-up, better now,
 * "passed it", "no me ha vuelto a pasar" — or is a stable chronic pattern ("been like this for a year").
 */
export const SETTLED_MESSAGE = rx(
  [
    'everything (?:was|came back|is|looked) (?:negative|normal|fine|clear|ok|okay|good)',
    '(?:tests?|results?|work ?up|labs?|scans?|ekg|ct) (?:were |was |all |came back |are )+(?:negative|normal|clear|fine)',
    '(?:says?|said|dice|dijo|dijeron|salio|showed|came back) (?:[a-z]+ )?(?:benign[a-z]*|normal(?:es)?)',
    '(?:feel|feeling|felt|im|i am|hes|shes|he is|she is|he was|she was|was|been) (?:totally |completely |perfectly |back to |all )?(?:normal|fine|great|good|ok|okay|100) (?:now|since|ever since|again|a (?:minute|moment|second|few seconds) later|right after)',
    'no (?:pain|symptoms|problems|issues|episodes) (?:at all )?since',
    'passed (?:it|the stone)',
    '(?:salio|salieron|resulto|resultaron) (?:todo |todos )?(?:normal(?:es)?|bien|negativ[oa]s?)',
    'todo (?:salio|esta|estuvo) (?:bien|normal)',
    // not "ya estoy bien cansada" (bien = very)
    'ya (?:me siento|estoy|esta|se siente|anda|se ve) (?:bien|mejor|normal|al 100)(?! (?:cansad[ao]|mal|malit[ao]|mare[a-z]*|debil|agotad[ao]|enferm[ao]|hinchad[ao]|adolorid[ao]|fe[oa]|rar[oa]))',
    '(?:ha|he|hemos) estado (?:normal|bien)',
    'no (?:me|le|nos) ha vuelto a (?:pasar|dar|doler)',
    'ya casi no (?:me|le) (?:duele|molesta)',
    'ya se (?:le |me )?(?:bajo|quito|paso|desinflamo)',
    // stable, long-standing: an appointment question, not a same-day one
    '(?:been|has been|its been) (?:like this|going on|happening|this way) for (?:about |over |more than )?(?:a|one|two|\\d+|several|many|a couple of) (?:years?|months)',
    '(?:once|every so often) in a while|de vez en cuando',
  ].join('|'),
);
const QUIET_SPAN =
  '(?:over |about |almost |nearly |more than |the (?:last|past) )?(?:a|one|two|three|four|five|six|eight|ten|\\d+|several|many|a few|a couple(?: of)?) (?:weeks?|months?|years?)';
const QUIET_SPAN_ES =
  '(?:(?:mas de|casi|como) )?(?:un|una|uno|dos|tres|cuatro|cinco|seis|ocho|diez|\\d+|varios|varias|unos|unas|muchos|muchas) (?:semanas?|mes|meses|anos?)';
/**
 * Anywhere in the message: the episodes stopped long ago — weeks or months without one, or they
 * stopped once a change was made ("no episodes in 2 months", "stopped once I started drinking more
 * water", "ya no me ha dado", "sin crisis desde hace 3 meses"). Unlike {@link SETTLED_MESSAGE} this
 * also silences emergency words, but only in a clause that itself says they stopped.
 */
export const QUIET_MESSAGE = rx(
  [
    `no (?:more |further |new |other )?(?:episodes?|spells?|attacks?|seizures?|symptoms?|problems?|issues?|fainting|faints|blackouts?|bleeding|pain|recurrences?|flare ?ups?|more of (?:them|those)|since) (?:at all )?(?:in|for|since) ${QUIET_SPAN}`,
    `(?:havent|hasnt|have not|has not|didnt|did not) (?:had|happened|come back|came back|returned|recurred|fainted|passed out|seized)(?: (?:one|any|another|anything|a single one|an? [a-z]+|it|them))? (?:in|for|since) ${QUIET_SPAN}`,
    '(?:stopped|went away|gone away|resolved|cleared up|disappeared|got better) (?:completely |for good |totally )?(?:once|since|after|when) (?:i|he|she|we|they) (?:started|stopped|switched|changed|began|quit|cut|increased|lowered)',
    '(?:ya )?no (?:me|le|nos) (?:ha|han) (?:vuelto a )?(?:dar|dado|pasar|pasado|repetir|repetido|regresado)',
    `sin (?:episodios|crisis|ataques|desmayos|convulsiones|sintomas|sangrado|dolor|molestias|problemas) (?:desde hace|en|por|durante) ${QUIET_SPAN_ES}`,
    `(?:se (?:me |le )?(?:quito|quitaron|paso|pasaron|fue|fueron|detuvo|detuvieron|paro|pararon)|(?:desaparecio|desaparecieron)) (?:desde que|cuando|en cuanto|despues de que) (?:empece|empezo|deje|dejo|cambie|cambio|comence|comenzo|subi|subio|baje|bajo)`,
  ].join('|'),
);
/** In the symptom's own clause: it says the symptom stopped ("the spells stopped", "ya se me quitó el sangrado"). */
export const RESOLUTION_CLAUSE = rx(
  'stopped|went away|gone away|resolved|cleared up|disappeared|no (?:more )?episodes|(?:havent|hasnt) (?:had|happened|come back)|ya se (?:me |le )?(?:quito|quitaron|paso|pasaron|fue|fueron|detuvo|paro|calmo|acabo)|se (?:me |le )?(?:quito|quitaron|pasaron|detuvo|detuvieron) (?:desde|cuando|en cuanto)|ya no (?:me |le |nos )?(?:ha|han) (?:vuelto|dado|pasado|regresado)|ya no (?:me |le )(?:da|dan|dio|dieron)(?! (?:tiempo|chance|permiso))|desaparecio|desaparecieron|sin (?:episodios|crisis|ataques|desmayos|convulsiones)',
);

/** Anywhere in the message: it is back, worse, or still going — the settled guard does not apply. */
export const UNSETTLED_MESSAGE = rx(
  [
    'until (?:today|tonight|this|last night|yesterday|now|an hour|a few hours)|hasta (?:hoy|ahora|ahorita|esta (?:manana|tarde|noche)|anoche|ayer)',
    'worse|worsening|getting (?:bigger|worse)|spreading|(?:its|it is|is|are|they are|pain is) back|came back(?! (?:negative|normal|clear|fine|ok))|coming back|returned|(?<!(?:normal|fine|ok|okay|good|great|better|100) )again',
    'still (?:hurts|hurting|having|have|bleeding|dizzy|swollen|cant)|now (?:i|its|it|my|he|she|the) (?:have|has|is|am|cant|hurts|started)|new (?:pain|symptoms?)',
    'peor|empeor[a-z]*|otra vez|de nuevo|volvio|regreso|sigue|sigo|todavia (?:me|le) (?:duele|sangra)|ahora (?:tengo|tiene|me duele|le duele)',
  ].join('|'),
);

/** Sources of the context cues, so their words can be protected from spelling correction. */
export const CONTEXT_SOURCES: readonly string[] = [
  CLAUSE_BREAK,
  HISTORY_CUE,
  OTHER_PERSON,
  OTHER_PAST,
  SINCE_MY_BEFORE,
  PRESENT_ANY,
  HYPOTHETICAL,
  MODIFIER_AFTER,
  MODIFIER_BEFORE,
  REFILL_CONTEXT,
  INDICATION_BEFORE,
  RECENT_PAST,
  RECENT_OTHER,
  NEVER_LIKE_THIS,
  ADMIN_BEFORE,
  PET_BEFORE,
  FORM_LIST_BEFORE,
  CARE_VISIT_BEFORE,
  SETTLED_MESSAGE,
  UNSETTLED_MESSAGE,
  QUIET_MESSAGE,
  RESOLUTION_CLAUSE,
  INFO_AFTER,
  DENIED_IT,
]
  .map((r) => r.source)
  .concat([...NEGATION_WORDS, ...PSEUDO_AFTER, ...PSEUDO_AFTER_TWO]);
