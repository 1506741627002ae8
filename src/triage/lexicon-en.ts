/**
 * English lexicon. Patterns are regex sources over normalised text:
 * lowercase, no accents, apostrophes removed ("can't" → "cant", "I'm" → "im"),
 * common misspellings of key words already corrected.
 */
import { ADHERENCE, CHEST_BENIGN, NEAR_FAINT, NEEDLE_FAINT, RESOLVED_FAINT } from './lexicon-shared.js';
import type { SignalDef } from './types.js';

const POSS = '(?:my|his|her|their|the|our|your|a)';
const SUBJ = '(?:im|i am|i m|hes|he is|shes|she is|theyre|they are|were|we are|my [a-z]+ is|he|she|i)';
const CANT =
  '(?:cant|cannot|can not|couldnt|could not|unable to|not able to|can barely|could barely|can hardly|barely able to|no longer able to)';
const BREATHE = '(?:breath|breathe|breathing|breaths)';
const SIDE = '(?:left|right|one|1)';
const LIMB = '(?:arm|arms|leg|legs|hand|hands|side|face|foot)';
const PILLS =
  '(?:pills?|tablets?|capsules?|meds|medications?|medicine|sleeping pills|tylenol|advil|motrin|aspirin|ibuprofen|acetaminophen|xanax|oxy[a-z]*|opioids?|percocets?|vicodin|ambien|insulin|benadryl|painkillers|pain killers|pain pills)';
/** "giving me a heart attack / a stroke" about people, menus, bills. */
const IDIOM_GIVE =
  '(?:giving|give|gave|gives|gonna give|going to give|about to give|will give) (?:me|him|her|us|everyone|you) (?:a |an )?(?:mini )?(?:stroke|heart attack|aneurysm)';
const EMERGENCY_WORDS_IDIOM =
  'bill|bills|billing|statement|invoice|balance|charge|charges|charged|cost|costs|price|prices|quote|estimate|copay|co pay|deductible|insurance|payment|account|almost|nearly|about to (?:have|give)|gonna give|going to give|gave me|give me|gives me|practically|lol|lmao|haha|jk|cuenta|factura|cobro|precio|casi';

export const EN_SIGNALS: readonly SignalDef[] = [
  // ───────────── emergencies ─────────────
  {
    code: 'chest-pain',
    level: 'emergency',
    patterns: [
      `chest (?:pain|pains|pressure|tightness|tight|discomfort|heaviness|squeezing|squeeze|hurts?|hurting|ache|aches|aching|burning|is (?:hurting|tight|killing me|heavy|sore|burning|crushing)|feels (?:tight|heavy|like|crushed|weird|funny|odd))`,
      `(?:pain|pains|pressure|tightness|heaviness|squeezing|discomfort|ache|aching|weight|elephant|crushing feeling|sharp pain|stabbing pain) (?:in|on|across|at|sitting on|sitting in|through) (?:the )?(?:middle of |center of |centre of |left side of |my |his |her |the )*chest`,
      `crushing (?:pain|chest|feeling|pressure)`,
      `(?:pain|pressure|tightness|heaviness|heavy feeling|tight feeling|weird feeling|burning|ache|squeezing|crushing) (?:[a-z0-9]+ ){0,2}(?:in|on|behind|under|across|at) (?:my |his |her |the )?(?:breastbone|sternum|breast bone|upper chest|center of (?:my |the )?chest)`,
      `(?:breastbone|sternum) (?:is |feels |has been )*(?:hurting|hurts?|aching|tight|heavy|pressure|painful)`,
      `(?:my|his|her) heart (?:hurts|is hurting|aches|is aching|feels (?:tight|squeezed|heavy))|heart (?:pain|pains)|(?:squeezing|squeeze|squeezed|crushing|pressure on|pain in|ache in|tightness in|stabbing in) (?:my|his|her|the) heart`,
      `chest (?:has been |has |is |keeps |kept |was |started |been |feels |is really |really |still |just |suddenly |getting |got |so |very |super |extremely |kinda |kind of |a bit |a little |all |too )+(?:hurting|hurts?|aching|achy|tight|tighter|heavy|burning|squeezing|painful|pressure)`,
      `(?:pain|pressure|ache|numbness|tingling) (?:[a-z]+ )?(?:going|radiating|spreading|shooting|moving|goes|radiates|spreads|shoots|travels|traveling) (?:down|into|to|up|through) ${POSS}? ?(?:left )?(?:arm|jaw|neck|shoulder|back)`,
    ],
    downgradeIf: CHEST_BENIGN,
  },
  {
    code: 'heart-attack',
    level: 'emergency',
    patterns: ['heart attack', 'cardiac arrest', 'heart (?:is )?(?:stopped|stopping)', 'mi symptoms'],
    unless: `${EMERGENCY_WORDS_IDIOM}|${IDIOM_GIVE}`,
  },
  {
    code: 'stroke-signs',
    level: 'emergency',
    patterns: [
      `(?:face|mouth|lip|lips|smile|eyelid|cheek) (?:is |was |looks |feels |seems |started |has |got |went |suddenly |kind of |all )*(?:drooping|droopy|droops|drooped|crooked|lopsided|uneven|sagging|saggy|paralyzed|numb|fallen|dropping|droping|twisted)`,
      `(?:drooping|droopy|crooked|lopsided|sagging|uneven|numb) (?:face|mouth|smile|lip|eyelid)`,
      `(?:${SIDE}|half|half of|the ${SIDE}) side of ${POSS} (?:face|body|mouth) (?:is |went |feels |has gone |seems |got |suddenly )*(?:numb|drooping|droopy|weak|paralyzed|dead|limp|not moving|tingly|tingling|heavy)`,
      `(?:half|half of) ${POSS} (?:face|body) (?:is |went |feels |has gone |seems |got )*(?:numb|drooping|droopy|weak|paralyzed|dead|limp|not moving)`,
      `slurr(?:ed|ing|s)(?: (?:speech|words|his words|her words|my words))?`,
      `(?:speech|speaking|talking|voice|words) (?:is |was |sounds |sounded |seems |seemed |became |got |suddenly |came out |comes out |coming out |all |kind of |really )*(?:slurred|garbled|jumbled|weird|strange|off|funny|gibberish|nonsense|confused|thick)`,
      `talking (?:funny|weird|strange|gibberish|nonsense|like (?:hes|shes|im) drunk)`,
      `${CANT} (?:talk|speak) (?:right(?! now)|properly|clearly|normally|straight|anymore|at all)`,
      `(?:trouble|difficulty|hard time|problems?) (?:speaking|talking|finding (?:the |my )?words|getting (?:the |my |his |her )?words out|forming words)`,
      `words (?:are |were |keep |kept )?(?:coming out )?(?:wrong|jumbled|garbled|mixed up|all wrong)`,
      `(?:cant|cannot|couldnt) (?:get|find) (?:the |my |his |her )?words(?: out)?`,
      `(?:sudden(?:ly)? )?(?:weakness|numbness|tingling|paralysis|heaviness) (?:in|on|of|down) ${POSS} (?:${SIDE} )(?:side|arm|leg|hand|face)`,
      `(?:sudden(?:ly)? )(?:weakness|numbness|paralysis) (?:in|on|of) ${POSS} (?:arm|leg|face|side)`,
      `${SIDE} (?:arm|leg|hand|side)(?: and (?:leg|arm|face|hand|foot))? (?:is |went |feels |has gone |got |suddenly |all of a sudden |just |completely |totally )*(?:weak|numb|limp|heavy|dead|paralyzed|useless|not working|wont move|gave out)`,
      `${CANT} (?:move|lift|raise|feel|use|grip with) ${POSS} (?:${SIDE} )?${LIMB}`,
      `sudden(?:ly)? (?:confused|confusion|numb|numbness|weak|weakness|blind|blindness|lost (?:my |his |her )?(?:vision|sight|balance)|loss of (?:vision|sight|balance)|vision loss|double vision|cant see|cant walk|cant talk|cant speak)`,
      `(?:lost|losing|loss of|lose) (?:my |his |her )?(?:vision|sight|eyesight) in (?:one|my left|my right|my|his|her|left|right|the left|the right) eye`,
      `cant see out of (?:one|my left|my right|my|his|her|the left|the right) eye`,
      `(?:having|had|is having|might be having|may be having|could be having|think (?:im|i am|he is|she is|hes|shes|i had|he had|she had|its|it is)|having|just had) (?:a )?(?:mini )?stroke`,
      `(?:stroke|strokes)(?! of (?:luck|genius|midnight))`,
      'face arm speech',
    ],
    unless: `${IDIOM_GIVE}|(?:going to|gonna|about to|will|almost) have (?:a |an )?(?:stroke|heart attack|aneurysm) (?:dealing|with|over|because|if|when|from|trying|waiting|reading)|(?:nearly|almost|practically) (?:had|have|having) (?:a |an )?(?:stroke|heart attack|aneurysm) (?:waiting|on hold|when|after|dealing|reading|seeing|looking|over|because|from|trying|with)|billing|lol|lmao|haha|jk|(?:heat|sun|back|breast|swim|swimming|golf|paint|brush|pen|key) stroke|slept on|sleeping on|sleep on it|carpal tunnel|dental|dentist|novocaine|numbing|anesthesia|filling|root canal|botox|bells palsy`,
  },
  {
    code: 'breathing-difficulty',
    level: 'emergency',
    patterns: [
      `${CANT} (?:even )?(?:[a-z]+ )?${BREATHE}`,
      `(?:hard|difficult|impossible|tough|struggle|struggling|fighting|work) (?:to |for (?:me|him|her) to )${BREATHE}`,
      `(?:hard|difficult|impossible|tough|struggling|trouble|cant|cannot) (?:to )?(?:get|getting|take|taking|draw|drawing|pull|pulling) (?:a |in a |enough |any )?(?:full |deep |good )?(?:breath|breaths|air)(?: in)?`,
      `(?:hard time|trouble|difficulty|difficulties|problems?|issues?|struggling|labored|laboured) (?:with )?${BREATHE}`,
      `(?:cant|cannot|couldnt|can not|unable to) (?:catch|get) (?:my|his|her|their) ${BREATHE}`,
      `(?:cant|cannot|couldnt|can not|not) get(?:ting)? (?:enough )?(?:air|oxygen)`,
      `short(?:ness)? (?:of|off) ${BREATHE}`,
      `(?:out of|loosing|losing) ${BREATHE}`,
      `gasping(?: for (?:air|breath))?`,
      `(?:not|stopped|isnt|wasnt|stops|quit|barely) ${BREATHE}`,
      `(?:lips|face|fingers|skin|fingernails|nails|mouth) (?:are |is |turning |turned |look |looks |went |going |getting )*(?:blue|purple|gray|grey|bluish)`,
      'turning (?:blue|purple)',
      'choking',
      `(?:wheezing|breathing) (?:badly|really bad|so bad|really hard|so hard|heavily|fast|really fast|very fast|so fast|rapidly)`,
      `(?:breathing|breath|breaths) (?:is |are |seems |has become |became |getting |got |really |so |very |kind of |super |extremely |too |still )*(?:hard|difficult|labored|laboured|shallow|rapid|fast|raspy|noisy|very weird)`,
      `(?:inhaler|nebulizer|albuterol|rescue inhaler) (?:is |was )?(?:not|isnt|doesnt|didnt|wont|is not|does not) (?:helping|working|help|work|doing anything)`,
      '(?:cant|cannot|unable to|can not|couldnt) (?:talk|speak|finish) (?:in )?(?:full|complete|whole) sentences',
      'suffocating|feel like (?:im )?(?:suffocating|drowning)|air hunger|cant get air in',
    ],
    unless:
      // hyperbole about chores ("out of breath from all these forms"); pauses in a snorer's sleep (a sleep-study question)
      '(?:out of breath|winded|breathless) (?:just )?(?:from|after|by) (?:[a-z]+ ){0,4}(?:forms?|paperwork|phone calls?|on hold|emails?|typing|reading|insurance|portal)|snor[a-z]*|sleep study|sleep apnea|(?:drowning|ahog[a-z]*|suffocat[a-z]*|asfixi[a-z]*) (?:in|en|con|by|de) (?:[a-z]+ )?(?:paperwork|work|bills|debt|emails?|homework|stress|trabajo|deudas|papeles|papeleo|tarea|estres|pendientes)|(?:slamm|smash|crush|jamm|stubb)[a-z]*|car door|hammer|bruis[a-z]*|through (?:my|his|her|the) nose|stuffy|stuffed up|congest[a-z]*|blocked nose|nasal|sinus|nariz|tapada|mocos',
    downgradeIf:
      'a little|a bit|a tad|little bit|slightly|slight|mild|mildly|sometimes|occasionally|at times|when i (?:walk|climb|exercise|run|go up|do stairs|work out|exert)|with exercise|on exertion|exertion|after (?:walking|climbing|running|exercise|exercising|working out)|up (?:the )?stairs|stairs|flight of stairs|for (?:weeks|months|a while)|un poco|leve|a veces|al caminar|al subir|escaleras|cuando camino|cuando hago ejercicio|con ejercicio|allergies|pollen|seasonal',
  },
  {
    code: 'suicidal-thoughts',
    level: 'emergency',
    noRecentDowngrade: true,
    patterns: [
      'suicid(?:e|al|ally|ality)',
      '(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|shoot|shooting|hang|hanging|end|drown|poison|off) (?:my ?self|himself|herself|themself|themselves|meself)',
      'self (?:harm|harming|injury|injuring|destruct[a-z]*)|selfharm[a-z]*',
      '(?:end|take|ending|taking|took) (?:my|his|her) (?:own )?life',
      'end (?:it all|everything|things|it tonight|my suffering)',
      '(?:thinking (?:of|about)|want to|wanna|going to|gonna|plan to|planning to|ready to|decided to|about to|feel like|feeling like|felt like|considering) (?:end|ending) (?:it|it all|things|everything|my life|this|my own life)',
      '(?:dont|do not|cant|cannot) see (?:a|any) way out|no way out (?:but|except|other than)',
      '(?:pills|gun|rope|razor|knife) (?:[a-z0-9]+ ){0,2}(?:in front of me|in my hand|ready|to do it)',
      '(?:want|wanna|wanted|wish|wishing|ready|plan|planning|thinking about how) (?:to )?(?:die|be dead|not wake up|not be here|not exist|disappear forever|sleep forever|never wake up)',
      'wish (?:i|he|she) (?:was|were) (?:dead|never born|gone)',
      'wish (?:i|he|she) (?:could|would) (?:die|just die|not wake up|sleep forever|disappear)',
      'better off (?:dead|without me|if i was gone|if i were gone)',
      '(?:dont|do not|no longer|dont even|doesnt|does not) want to (?:live|be alive|be here anymore|exist|wake up|go on|keep living)',
      '(?:no|not any) (?:reason|point) (?:to|in) (?:live|living|going on|being alive|being here)',
      '(?:cant|cannot) (?:go on|keep going|do this) (?:anymore|any longer|living)',
      '(?:dont|do not|cant|cannot|no longer) see (?:the |any )?(?:point|reason) (?:in|of|to|for) (?:living|live|going on|life|being alive|being here)|whats the point (?:of|in) (?:living|going on|being alive)',
      'not worth living|life is(?:nt| not) worth (?:it|living)',
      '(?:pills|gun|rope|razor) (?:to|so i can) (?:end|kill)',
      '(?:goodbye|saying goodbye|say goodbye|said goodbye|said my goodbyes) (?:forever|to everyone|to my family|to my kids)',
      '(?:wrote|writing|write|written|left) (?:a |my |some )?(?:goodbye|suicide|farewell) (?:letter|letters|note|notes|message)',
      'giving away (?:all )?(?:my|his|her) (?:stuff|things|belongings|possessions)',
      '(?:going to|gonna|about to|want to|will|plan to) (?:take|swallow|down|overdose on) (?:all|every one|the whole bottle|a whole bottle|all of) (?:of )?(?:my |the |his |her )?(?:[a-z0-9]+ ){0,2}(?:pills|meds|tablets|medication|medicine|bottle)',
      'thoughts of (?:dying|death|killing|hurting)',
    ],
    unless:
      '(?:die|dead|died) (?:of|from) (?:embarrassment|shame|boredom|laughter|laughing|curiosity)|to die for|die laughing|prevention|hotline|lifeline|awareness|screening|questionnaire|form|shav[a-z]*|cooking|chopping|slicing|kitchen|accident[a-z]*|by mistake|on (?:a|the|some) (?:glass|can|knife|paper|metal|nail)|while (?:working|cutting|cooking|gardening)|retir[a-z]*|coworkers?|colleagues?',
  },
  {
    code: 'feels-like-dying',
    level: 'emergency',
    patterns: [
      `(?:feel|feels|feeling|felt) like ${SUBJ} (?:is |are |am )?(?:dying|going to die|gonna die|about to die)`,
      `(?:think|thought|afraid|scared) ${SUBJ} (?:is |are |am )?(?:dying|going to die|gonna die)`,
      `(?:im|i am|hes|shes|he is|she is) dying(?! (?:to|of|for|here|over|laughing|inside|from (?:laughter|boredom|embarrassment)))`,
      'help me (?:im|i am) dying|going to die (?:tonight|soon|right now)',
    ],
    unless:
      'dying to|die (?:of|from) (?:laughter|embarrassment|boredom)|dying (?:of|from) (?:boredom|laughter|embarrassment|curiosity|hunger|thirst|heat|the heat|cold|anticipation|suspense|shame|stress)|dying (?:here|over here) (?:waiting|with)|lol|haha|lmao',
  },
  {
    code: 'overdose',
    level: 'emergency',
    patterns: [
      'over ?dos(?:e|ed|es|ing)',
      `took (?:like |about |maybe |almost |nearly |probably |basically |prob )?(?:too many|too much|a (?:whole|full|bunch of|handful of|lot of|ton of)|(?:all|most) (?:of )?(?:my|his|her|the|their)|an entire|the (?:whole|entire)|handful of|(?:\\d{2,}|twenty|thirty|forty|fifty|a hundred|fifteen|a dozen|a bunch of)) (?:[a-z0-9]+ ){0,3}?${PILLS}`,
      `(?:took|drank|chugged|downed|swallowed|ate|finished|drunk) (?:like |about |maybe |almost |nearly |probably |most of |all of |half of |a |an |the |his |her |my |their |whole |entire |full |half (?:a |the )?)*(?:bottle|box|pack|package|packet|sleeve|handful|jar|blister pack)(?: of)?(?! (?:of )?(?:water|gatorade|juice|pedialyte|soda|milk|wine|beer|kombucha|tea|coffee|pop|electrolyte))`,
      `(?:took|drank|chugged|downed|swallowed|ate|injected|overdosed) (?:[a-z0-9]+ ){0,5}on purpose|on purpose (?:took|swallowed|drank|ate)`,
      `(?:ate|drank|drunk|swallowed|ingested|chewed|got into|gotten into|got a hold of|licked) (?:a |an |some |the |my |his |her |all |of |whole |bunch |lot |few |several |grandmas |grandpas |\\d+ )*(?:[a-z0-9]+ ){0,3}(?:pills|tablets|bleach|detergent|laundry pods?|tide pods?|dishwasher pods?|rat poison|poison|antifreeze|cleaning (?:products?|supplies|solution)|cleaner|chemicals?|button batter(?:y|ies)|batter(?:y|ies)|magnets?|lighter fluid|gasoline|lamp oil|bottle of|windshield fluid|drain cleaner|ammonia|mouthwash|vitamins|iron pills)`,
      `(?:got|gotten) into (?:my|his|her|the|grandmas|grandpas|our) (?:[a-z]+ )?(?:meds|medicine|medication|medications|pill bottle|pills|cabinet|purse)`,
      `(?:son|daughter|toddler|kid|kids|child|baby|grandson|granddaughter|niece|nephew|boy|girl) (?:[a-z0-9]+ ){0,4}(?:took|ate|swallowed|chewed|got into|drank|found and ate) (?:some of |a few of |several of |a bunch of |a handful of |\\d+ of |some |several |a few |\\d+ )(?:my |his |her |the |their |our )?(?:[a-z0-9]+ ){0,2}(?:pills?|tablets?|meds|medicine|medication|gummies|vitamins|capsules)`,
      `(?:took|ate|swallowed|chewed) (?:some of |a few of |a bunch of )?(?:my |his |her |the )?(?:grandmas|grandpas|grandmothers|grandfathers|someone elses|aunts|uncles|neighbors) (?:[a-z0-9]+ ){0,2}(?:pills|meds|medicine|medication|tablets)`,
      'poison(?:ed|ing)|poison control|carbon monoxide|co poisoning|fumes (?:and|made) (?:[a-z]+ )?(?:dizzy|pass|sick)',
      'too (?:much|many) (?:fentanyl|heroin|oxy[a-z]*|opioids?|xanax|insulin)|(?:fentanyl|heroin) (?:and|he|she) (?:wont|isnt|not)',
      '(?:gave|give|giving|used|use|using|had to (?:use|give)|needed|administered|sprayed|spray|(?:le )?(?:pusimos|puse|pusieron|aplicamos|aplique|usamos|use|inyectamos)) (?:[a-z]+ ){0,2}(?:narcan|naloxone|naloxona)|(?:narcan|naloxone) (?:now|given|used|didnt|isnt|not|wore|wearing)',
    ],
    // disposing of leftover pills so that nobody overdoses: a safety question, not an overdose
    unless: `${ADHERENCE}|prevention|kit for|training|class|lock(?:ed)? up|childproof|(?:dont|do not|wouldnt|never) want (?:[a-z]+ ){0,5}to (?:accidentally |ever )?(?:overdose|od|take them|get into them)|so (?:that )?(?:no one|nobody|noone) (?:can |could |will |would )?(?:accidentally )?(?:overdose|od)|(?:get rid of|dispose of|disposal|throw (?:away|out)|take back|drop off|drug take back|desechar|deshacerme de|tirar) (?:[a-z]+ ){0,6}(?:pills|meds|medicine|medication|oxy[a-z]*|opioids?|painkillers|pastillas|medicinas)|no quiero que (?:nadie|alguien|los ninos|mis hijos) (?:[a-z]+ ){0,4}(?:sobredosis|tome)`,
  },
  {
    code: 'severe-bleeding',
    level: 'emergency',
    patterns: [
      '(?:wont|doesnt|dont|cant|will not|does not|cannot|couldnt|isnt|is not|not) stop(?:ping)? (?:the )?(?:bleeding|blood)',
      '(?:bleeding|blood) (?:wont|will not|doesnt|does not|just wont|still wont|isnt|is not|hasnt|has not) (?:stop|stopping|stopped|slow|slowing|go away)',
      '(?:bleeding|bleed|bleeds|nosebleed|nose bleed|blood|cut|wound|gash) (?:[a-z0-9]+ ){0,6}(?:wont|will not|doesnt|does not|cant|cannot|isnt|is not|not) (?:stop|stopping|slow|slowing)(?! (?:bleeding|blood))',
      'gushing|spurting',
      '(?:bleeding|bleeds|bled) (?:heavily|a lot|alot|badly|profusely|everywhere|nonstop|non stop|like crazy|so much|really bad|so bad|very heavily|through)',
      '(?:heavy|severe|massive|uncontrolled|uncontrollable|profuse|serious|lots of) bleeding',
      '(?:blood|bleeding) (?:is )?(?:everywhere|all over|gushing|spurting|pouring|squirting|soaking)',
      '(?:lots|a lot|alot|so much|tons|too much|huge amount|large amount) of blood',
      '(?:gushing|spurting|pouring) (?:out )?blood',
      '(?:losing|lost) (?:a lot of |so much |lots of )blood',
      '(?:soak|soaked|soaking|soaks|bled through) (?:through )?(?:a |the |my |an |every |one )?(?:[a-z]+ )?(?:pad|pads|towel|towels|bandage|bandages|gauze|tampon|shirt) (?:every|an|in|per|each)',
      '(?:soaked|soaking) (?:through )?(?:[a-z]+ )?(?:pads|towels|bandages)',
      '(?:vomiting|vomited|throwing up|threw up|coughing up|coughed up|puking|puked|spitting up) (?:[a-z]+ )?blood',
      'blood (?:in|with) (?:my |his |her )?(?:vomit|throw up|puke)',
      'vomit (?:looks like|like) coffee grounds|coffee ground vomit',
      'hemorrhag[a-z]*',
      'bleeding (?:from|out of) (?:my |his |her )?(?:head|ears?|eyes?)',
      'pool of blood|blood loss',
    ],
    unless:
      'a little|little bit|bit of blood|tiny|spotting|gums|when i (?:brush|floss)|floss|brushing|paper cut|shaving|period|blood money|bleeding money|bleeding me dry|bleeding us dry',
  },
  {
    code: 'unconscious',
    level: 'emergency',
    patterns: [
      'pass(?:ed|es|ing)? (?:out|oot)',
      'faint(?:ed|s)',
      'fainting(?! spells? (?:years|as a))',
      'black(?:ed|ing)? out',
      '(?:lost|losing|lose|loses|loss of) consciousness',
      'unconscious|unconcious|unresponsive|non responsive|nonresponsive',
      '(?:not|isnt|wasnt|stopped) (?:responding|waking up|responsive)',
      '(?:wont|cant|can not|cannot|couldnt|didnt|doesnt|will not|could not|unable to) (?:wake|wake up|rouse|arouse) (?:him|her|them|my [a-z]+|up)',
      'collapsed(?! (?:the|our|his|her|my|their|a|an|these|those|all|both|two|it|them)\\b)|collapse on|found (?:him|her|them) on the floor',
      'knocked out|knocked unconscious|keeled over|went limp|fell limp',
    ],
    unless: `${NEAR_FAINT}|${NEEDLE_FAINT}|(?:at )?the sight of (?:my |his |her |the )?(?:own )?(?:blood|needles?)|(?:blood|lab) draws?|during (?:the|my|a) (?:blood )?draw|when (?:they|you) (?:drew|draw|take|took) (?:my )?blood|vasovagal|lung collapse|collapsed lung history|blacked out (?:the|my) (?:[a-z]+ )?(?:screen|window|info|name|number)|passed out (?:flyers|papers|candy)|drunk|hangover|(?:passed out|fainted|pass out) (?:from |of )?laugh[a-z]*|laugh[a-z]* so hard`,
    downgradeIf: RESOLVED_FAINT,
  },
  {
    code: 'seizure',
    level: 'emergency',
    patterns: [
      'seizures?',
      'seizing',
      'seized up|seized and',
      'convuls(?:ing|ion|ions|ed|ive|es)',
      '(?:having|had|has|having a) (?:a )?fit(?! (?:bit|test))',
      'epileptic (?:fit|attack|episode)',
      '(?:shaking|jerking|twitching) (?:uncontrollably|all over|and (?:wont|not) respond[a-z]*)',
      '(?:eyes|eye) rolled back',
      'grand mal|tonic clonic',
    ],
    unless:
      'seizure free|free of seizures|seizure (?:action |safety |care )?plan|plan for (?:his |her |my )?seizures|well controlled|under control',
  },
  {
    code: 'severe-allergic-reaction',
    level: 'emergency',
    patterns: [
      'throat (?:is |feels |keeps |started |getting |has been |was )*(?:closing|closing up|swelling|swollen|swelling up|tight|tightening|tighter|closed)',
      '(?:swelling|swollen) (?:in|of|on) (?:my|his|her|the) (?:throat|tongue|lips|face|mouth|airway)',
      '(?:tongue|lips|lip|face|mouth|throat|eyes|eyelids) (?:is |are |was |were |started |keep |keeps |getting |got |has |have |all )*(?:swelling|swollen|puffed up|puffy|blowing up|ballooning|ballooned|huge|twice the size)',
      'swollen (?:tongue|lips|throat|airway)',
      'anaphyla[a-z]*',
      '(?:used|use|had to use|gave|give|giving|injected|stabbed|jabbed|administered|did) (?:[a-z]+ ){0,3}(?:epi ?pen|epinephrine|auvi q)',
      '(?:allergic reaction|reacting|allergy attack|reaction) (?:[a-z0-9]+ ){0,4}(?:cant breathe|throat|tongue|lips swelling|wheezing|hard to breathe|trouble breathing)',
      '(?:severe|serious|major|strong|terrible|life threatening) allergic reaction',
      'hives (?:[a-z0-9]+ ){0,3}(?:throat|tongue|lips|breathe|breathing|wheez)',
      'stung by a bee and (?:[a-z0-9]+ ){0,2}(?:swelling|throat|breathe)',
    ],
    unless:
      'refill|renew|new epi ?pen|expired|expiring|prescription|pharmacy|training|school form|form for|practice|practise|trainer|dental|dentist|wisdom tooth|tooth pulled|extraction|sunburn',
  },
  {
    code: 'head-injury',
    level: 'urgent',
    patterns: [
      `(?:hit|hurt|banged|bumped|struck|smacked|slammed|cracked|whacked|split|busted|injured) (?:my|his|her|their|the back of (?:my|his|her)|the side of (?:my|his|her)) head`,
      `(?:fell|fall|falling|tripped|slipped) (?:[a-z0-9]+ ){0,5}(?:on|hit|hitting|landed on|landing on|struck|striking) (?:my|his|her|their|the back of (?:my|his|her)) head`,
      'head (?:injury|trauma|wound)|concussion|skull fracture|hit in the head',
    ],
    // a bump long past with no symptoms since
    unless:
      '(?:totally|completely|perfectly) fine|bump is gone|never had any symptoms|(?:\\d+|two|three|four|a few|several) weeks ago|months ago|years ago',
    escalateIf:
      'passed out|pass out|unconscious|knocked out|blacked out|vomit[a-z]*|threw up|throwing up|puking|confused|confusion|not making sense|bleeding|blood|blood thinner|blood thinners|anticoagulant|warfarin|coumadin|eliquis|xarelto|pradaxa|plavix|seizure|wont wake|cant wake|slurred|unequal pupils|worst headache|hard|really hard|very hard|clear fluid|desmay[a-z]*|inconscien[a-z]*|vomit[a-z]*|confundid[a-z]*|sangr[a-z]*|anticoagul[a-z]*|warfarina|muy fuerte|convuls[a-z]*',
    ignoreHistory: false,
  },
  {
    code: 'worst-headache',
    level: 'emergency',
    patterns: [
      '(?:worst|worse|most severe|most painful) headache (?:of (?:my|his|her) life|ever|ive ever had|i have ever had|in my life|hes ever had|shes ever had)',
      'worst headache',
      'sudden (?:and )?(?:severe|terrible|excruciating|intense|explosive|blinding|horrible|worst|extreme|awful) (?:headache|head pain|pain in (?:my|his|her) head)',
      '(?:headache|head pain|head ache) (?:came on |hit |started |struck )?(?:suddenly|all of a sudden|out of nowhere|like a thunderclap|like a bomb|like a lightning bolt)',
      'thunderclap',
      '(?:headache|head pain) (?:[a-z0-9]+ ){0,4}(?:stiff neck|neck is stiff|cant touch (?:my|his|her) chin)',
    ],
  },
  {
    code: 'patient-says-emergency',
    level: 'emergency',
    patterns: [
      '(?:this|it) (?:is|s)? ?(?:an )?(?:emergency|emergancy)(?! room| department| contact| info)',
      'its an emergency|emergency!|emergency help',
      '(?:call|calling|called|dial|dialing|dialed) (?:an )?(?:911|ambulance)',
      '(?:need|needs|send) (?:an )?ambulance',
      'ambulance (?:is )?(?:coming|on the way|here)|paramedics',
      '(?:should|do) (?:i|we) (?:call 911|go to the (?:er|emergency room) (?:now|right now|tonight))',
    ],
    unless:
      '(?:last|that) (?:ambulance|911) (?:bill|charge|ride)|ambulance (?:bill|charge|ride bill|company|invoice)|bill|billed|charge|insurance|claim|record|records',
  },

  // ───────────── urgent ─────────────
  {
    code: 'near-fainting',
    level: 'urgent',
    patterns: [
      '(?:going to|gonna|about to|might|could|almost|nearly) (?:pass out|faint|black out)',
      '(?:feel|feeling|felt) (?:very |really |so )?(?:faint|lightheaded|light headed|woozy)(?! spell)',
    ],
    unless: 'lol|lmao|haha[a-z]*|jk|just kidding|when i saw (?:the|my) (?:bill|scale|weight|price)|(?:the|my) (?:bill|scale|weight)',
  },
  {
    code: 'dizziness',
    level: 'urgent',
    patterns: [
      '(?:very|really|extremely|so|super) (?:dizzy|lightheaded|light headed)',
      '(?:room|everything) (?:is )?spinning|vertigo (?:[a-z0-9]+ ){0,3}(?:cant|vomit|throw)',
      'cant (?:stand|walk) (?:up )?(?:without|because) (?:[a-z0-9]+ ){0,3}(?:dizzy|falling|spinning)',
    ],
  },
  {
    code: 'high-fever',
    level: 'urgent',
    patterns: [
      '(?:high|very high|really high|super high|spiking|spiked a|raging|burning up with a) (?:grade )?(?:fever|temp|temperature)',
      'fever (?:[a-z0-9]+ ){0,3}(?:for|since|over|past|last|going on|x) (?:\\d+|two|three|four|five|six|seven|several|a few|a couple(?: of)?|many|the last [a-z]+|the past [a-z]+) (?:days|day|nights|weeks)',
      '(?:\\d+|two|three|four|five|several|a few) (?:days|day) (?:of|with) (?:a )?(?:fever|high temp)',
      'fever (?:that )?(?:wont|will not|doesnt|does not|isnt|is not|keeps) (?:go|come|going|coming|break|breaking|responding|going up|spiking)(?: (?:down|away))?',
      'fever (?:[a-z0-9]+ ){0,3}(?:even )?(?:with|after|despite) (?:[a-z0-9]+ ){0,2}(?:tylenol|motrin|advil|ibuprofen|medicine)',
      '(?:baby|newborn|infant|\\d+ (?:week|month) old|toddler|my (?:son|daughter|kid|child)) (?:[a-z0-9]+ ){0,5}(?:fever|temp of|temperature)',
      'fever (?:[a-z0-9]+ ){0,4}(?:chills|shaking|rigors|stiff neck|confus[a-z]*|rash)',
      '(?:burning up|febrile)',
    ],
    unless:
      'low grade|lowgrade|slight fever|mild fever|99\\.|fever blister|hay fever|fever is gone|fever went away|fever broke|(?:no|without (?:a |any )?|not (?:running )?a|never (?:had|ran) a|hasnt had (?:a |any )?|doesnt have (?:a |any )?) (?:fever|temp|temperature)|fever free|sin fiebre|(?:a )?(?:little|bit of a|tiny|small) (?:fever|temp)',
  },
  {
    code: 'time-sensitive-med-out',
    level: 'urgent',
    patterns: [
      `(?:(?:ran|run|running|runing|am|im|i am|is|are|just ran|completely|totally|all) out of (?:my |his |her |the |our )?|out of (?:my|his|her|our) )(?:[a-z0-9]+ ){0,3}(?:meds|medicine|medicines|medication|medications|pills|insulin|lantus|humalog|novolog|basaglar|levemir|tresiba|toujeo|admelog|inhaler|blood pressure|bp|heart|seizure|blood thinner|anticoagulant|warfarin|coumadin|eliquis|xarelto|metoprolol|lisinopril|amlodipine|losartan|levothyroxine|prednisone|antibiotics?|inhalers|albuterol|nitro|nitroglycerin|keppra|lamotrigine|lamictal|depakote|dilantin|methadone|suboxone|buprenorphine|antidepressant|lithium|clonidine|xanax|klonopin|transplant|tacrolimus|anti rejection|prescription|rx|doses?|tablets|injections?|pens?|patches)(?! refills| of refills)`,
      '(?:no|dont have any|do not have any|none|zero|0) (?:more )?(?:[a-z0-9]+ ){0,2}(?:insulin|pills|meds|medication|medicine|inhaler|doses?|tablets) (?:left|remaining|at home|til|until|and)',
      '(?:last|final|only one|one more|one) (?:[a-z]+ )?(?:pill|dose|tablet|injection|insulin pen|pen) (?:left|today|tonight|remaining|this morning)',
      '(?:took|take|taking) (?:my )?(?:last|final) (?:[a-z]+ )?(?:pill|dose|tablet|one|injection)',
      '(?:will |going to |gonna |ill |its going to |it will |they will )?(?:run|runs|running|ran) out (?:today|tonight|tomorrow|by tomorrow|this evening|in the morning|this afternoon)',
      'last (?:[a-z0-9]+ ){0,2}(?:pill|tablet|pen|vial|insulin pen|inhaler|patch)s?(?! (?:bottle|refill))',
      '(?:refill|refills|prescription|prescriptions|rx|script|meds|medicine|medication|medications|insulin|inhaler|pills|blood thinner) (?:[a-z0-9]+ ){0,5}(?:today|tonight|asap|a s a p|right away|immediately|by (?:this|tonight|5|end of day)|this afternoon|as soon as possible|before (?:[a-z]+ )?(?:tonight|tomorrow|the weekend|closing)|urgent|urgently|stat)',
      '(?:urgent|urgently|asap|today|emergency) (?:[a-z0-9]+ ){0,2}(?:refill|prescription|rx)',
      'missed (?:[a-z0-9]+ ){0,2}(?:doses?|days) of (?:my )?(?:[a-z]+ )?(?:insulin|seizure|blood thinner|transplant|heart|warfarin|eliquis|blood pressure)(?: (?:medication|medications|medicine|meds|med|pills?))?',
      'pharmacy (?:[a-z0-9]+ ){0,4}(?:wont|will not|cant|didnt|refused|denied|never got|doesnt have)(?: [a-z]+){0,6} (?:today|insulin|out)',
      // nothing for the next dose: "I have none for tonight's dose", "my insulin pen is empty"
      '(?:have|has|there is|theres|got) (?:none|nothing|no more|no insulin|no doses?|no pills) (?:left )?for (?:tonight|today|tomorrow|this evening|tonights|todays|tomorrows|my next|the next)',
      '(?:insulin|insulin pen|pen|vial|inhaler|last bottle) (?:is |are |was )?(?:empty|used up|all gone)',
      // only enough for the next dose: "I only have enough for tonight's dose"
      '(?:only|just) (?:have|has|got|had) (?:enough|one|1|a single|one more) (?:[a-z]+ ){0,2}(?:for|until|til|till|to get (?:me )?through) (?:tonight|today|this evening|tomorrow(?: morning)?|tonights|todays|tomorrows|one more (?:dose|day)|the next (?:dose|day)|my next dose)',
    ],
    unless:
      'out of stock|backordered|back ordered|backorder|still have|i have (?:about |around |maybe )?(?:a|\\d+|two|three|a few|enough|plenty)|todavia tengo|aun tengo|out of refills|no refills|refills left|week left|weeks left|month left|days left|few days|next week|next month|in a week|couple weeks|no rush|not urgent|whenever|appointment|appt|form|forms|bill|billing|records|letter|paperwork|paper work|records|copy|results',
  },
  {
    code: 'uti-symptoms',
    level: 'urgent',
    patterns: [
      '(?:burning|burns|burn|stinging|stings|hurts|pain|painful|painfull) (?:[a-z0-9]+ ){0,2}(?:when|while|to|with|during|after) (?:i |he |she |we |im )?(?:pee|peeing|urinate|urinating|urination|go pee|use the bathroom|go to the bathroom|wee)',
      '(?:cant|cannot|unable to|not able to|can not|havent been able to) (?:pee|urinate)|(?:havent|hasnt|has not|have not) (?:peed|urinated) (?:all day|since|in \\d+|for)',
      'painful (?:urination|peeing)|dysuria|burning (?:pee|urine|urination|when peeing|while peeing)',
      'uti|utis|urinary tract infection|bladder infection|kidney infection',
      '(?:pee|peeing|urinating) (?:every|constantly|all the time) (?:[a-z0-9]+ ){0,3}(?:burn|hurts|pain)',
      '(?:peeing|pee|pees|urinating|passing|peed) (?:out )?blood|blood (?:in|when i) (?:my |his |her |the )?(?:urine|pee|wee)|bloody (?:urine|pee)|(?:urine|pee) (?:is )?(?:red|bloody|pink|brown)',
    ],
  },
  {
    code: 'rash-spreading',
    level: 'urgent',
    patterns: [
      '(?:rash|redness|hives|welts|red area|red spot|red patch|red streaks?|swelling|infection|cellulitis) (?:[a-z0-9]+ ){0,12}(?:spreading|spread|spreads|getting bigger|getting worse|growing|worse|all over (?:my|his|her) (?:body|face)|moving up|going up)',
      'spreading (?:rash|redness|infection|red)',
      '(?:is |its |it s |keeps |now |started |starting |and )spreading (?:to|on|over|across|up|down|all over|onto|fast|quickly)',
      'red (?:streak|streaks|line|lines) (?:[a-z0-9]+ ){0,3}(?:up|going|from|spreading|on)',
      'hives all over|covered in hives|broke out in hives|rash (?:all over|everywhere)',
      '(?:rash|spots) (?:[a-z0-9]+ ){0,3}(?:blisters?|blistering|peeling|purple|dont blanch|doesnt fade|with (?:a )?fever)',
    ],
    unless: 'history of|results|chart|records',
  },
  {
    code: 'infection-signs',
    level: 'urgent',
    patterns: [
      'pus|oozing|draining (?:pus|fluid)|abscess|boil (?:[a-z0-9]+ ){0,3}(?:bigger|worse|hurts|red)',
      'cellulitis|infected|infection (?:[a-z0-9]+ ){0,3}(?:worse|spreading)',
      '(?:swollen|swelling|puffy) and (?:red|hot|warm|hard)|(?:red|hot|warm) and (?:swollen|swelling|puffy)',
      'stepped on (?:a |an |some )?(?:rusty )?(?:nail|glass|needle|tack)|puncture wound|rusty nail',
    ],
    unless: 'history of|results|chart|records|ear infection|sinus infection|yeast infection',
  },
  {
    code: 'vomiting-dehydration',
    level: 'urgent',
    patterns: [
      '(?:cant|cannot|couldnt|unable to|not able to|can not|isnt able to) (?:keep|hold) (?:anything|any|food|water|fluids|liquids|it|pedialyte|meds|medicine|pills|down|a thing|something)(?: down)?',
      '(?:vomiting|throwing up|puking|vomited|threw up|thrown up|puked|been sick) (?:[a-z0-9]+ ){0,3}(?:for|since|all|every|over|nonstop|non stop|constantly|repeatedly|times|x|more than|over and over)',
      '(?:mouth|lips|tongue) (?:is |are |feels |so |really |very |super |totally )*(?:dry|parched|sticky)|no tears (?:when (?:he|she) cries)?|(?:sunken|dry) eyes',
      '(?:severe|bad|nonstop|non stop|constant|uncontrollable|violent|projectile) (?:vomiting|diarrhea|throwing up)',
      '(?:diarrhea|diarrhoea|vomiting) (?:[a-z0-9]+ ){0,2}(?:for|since|over|past|x) (?:\\d+|two|three|four|five|several|a few|the last|the past|a couple) (?:[a-z]+ )?(?:days|day|hours|hrs|weeks)',
      '(?:\\d+|several|many|ten|eight|six|five) times (?:[a-z0-9]+ ){0,2}(?:vomit|throw|threw|puk)',
      'dehydrated|dehydration|(?:no|not|hasnt|havent|didnt) (?:[a-z0-9]+ ){0,2}(?:peed|urinated|wet diaper|wet diapers|pee)(?: in| since| for| all)',
      'blood in (?:my |his |her |the )?(?:stool|poop|bowel movement|diaper)|bloody (?:stool|diarrhea|poop)|black (?:tarry |and tarry |sticky )?(?:stool|stools|poop)|tarry stool',
    ],
    unless: 'iron|hierro|pepto|bismuth|bismuto|blueberr[a-z]*|beets?|licorice|colonoscop[a-z]*|prep|sample|kit',
  },
  {
    code: 'post-procedure-problem',
    level: 'urgent',
    patterns: [
      '(?:incision|wound|stitches|sutures|staples|surgical site|surgery site|cut|drain|port|biopsy site|c section|csection) (?:[a-z0-9]+ ){0,5}(?:red|redder|swollen|swelling|oozing|leaking|opened|open|opening|split|hot|warm|infected|bleeding|pus|smells|draining|came apart|coming apart|pulled apart)',
      '(?:red|redness|swollen|swelling|pus|oozing|drainage|draining|bleeding|warm|hot|opening|opened|gap|gaping)(?: and (?:red|redness|swollen|swelling|pus|oozing|warm|hot|painful|pain))? (?:around|at|on|from|near|of|in) (?:my |the |his |her )?(?:[a-z]+ )?(?:incision|wound|stitches|sutures|surgical site|staples|c section|csection|scar|drain site)',
      '(?:pain|swelling|redness|bleeding|drainage) (?:in|at|around|from|of|near) (?:my |the |his |her )?(?:[a-z]+ )?(?:incision|wound|surgical site|stitches|surgery site|c section|csection|scar) (?:[a-z0-9]+ ){0,4}(?:worse|worsening|increasing|unbearable|spreading)',
      '(?:pain|swelling|bleeding|redness|fever) (?:[a-z0-9]+ ){0,4}(?:worse|worsening|increasing|getting worse|unbearable|not improving) (?:[a-z0-9]+ ){0,4}(?:after|since|following|from) (?:my |his |her |the |a )?(?:[a-z]+ )?(?:surgery|procedure|operation|biopsy|colonoscopy|extraction|c section|delivery|injection|implant|iud)',
      '(?:after|since|following) (?:my |his |her |the |a |an )?(?:[a-z]+ )?(?:surgery|procedure|operation|biopsy|colonoscopy|endoscopy|extraction|c section|vasectomy|iud insertion|injection) (?:[a-z0-9]+ ){0,5}(?:worse|worsening|fever|bleeding|swollen|swelling|pus|red|cant|severe|unbearable|vomiting)',
    ],
  },
  {
    code: 'severe-pain',
    level: 'urgent',
    patterns: [
      '(?:severe|unbearable|excruciating|terrible|horrible|horrendous|extreme|intense|agonizing|worst|crippling|debilitating|awful|sharp and constant) (?:[a-z0-9]+ ){0,2}(?:pain|cramps|cramping|headache|migraine|abdominal|stomach|belly|back|tooth)',
      // acute gout / pain so bad even a sock or a sheet hurts
      'gout (?:flare|flareup|flare up|attack)|(?:cant|cannot|couldnt) (?:even )?(?:put (?:on )?(?:a |my )?(?:sock|shoe)|wear (?:a |my )?(?:sock|shoe)|stand the (?:sheet|blanket))',
      'pain (?:is )?(?:unbearable|excruciating|out of control|the worst)',
      '(?:cant|cannot) (?:stand|walk|move|sleep|function) (?:[a-z0-9]+ ){0,2}(?:because of|from|due to|with) (?:the )?(?:pain|it)',
      '(?:lower )?right (?:lower )?(?:side|abdomen|belly|stomach) (?:[a-z0-9]+ ){0,3}(?:pain|hurts|tender)|appendicitis|appendix',
      'kidney stones?|flank pain',
      '(?:testicle|testicular|scrotum) (?:[a-z0-9]+ ){0,3}(?:pain|swollen|hurts)',
    ],
    unless: 'history of|used to have|years ago|last year|crying me a river',
  },
  {
    code: 'allergic-reaction',
    level: 'urgent',
    patterns: [
      'allergic reaction|reacting to (?:the|my|a) (?:[a-z]+ )?(?:medicine|medication|antibiotic|pills?|shot|vaccine)|breaking out (?:[a-z0-9]+ ){0,2}(?:from|after) (?:[a-z0-9]+ ){0,2}(?:medicine|medication|antibiotic|amoxicillin|penicillin)',
      'hives|welts',
      '(?:face|eye|eyes|lip|lips) (?:[a-z0-9]+ ){0,2}(?:swelling|swollen|puffy) (?:[a-z0-9]+ ){0,3}(?:after|from) (?:[a-z0-9]+ ){0,3}(?:bee|sting|medicine|antibiotic|ate|eating|food|peanut|shellfish)',
    ],
    unless: 'seasonal|hay fever|pollen|allergy shots?|allergy testing|allergy test|allergist|list|chart|records',
  },
  {
    code: 'injury',
    level: 'urgent',
    patterns: [
      '(?:dog|cat|animal|raccoon|bat|snake|spider|human) bite|bit by (?:a|the|our|my|his|her|their|neighbors) (?:[a-z]+ )?(?:dog|cat|raccoon|bat|snake|spider)|(?:dog|cat|snake) bit',
      '(?:deep|big|bad|large|gaping) (?:cut|laceration|gash|wound)|needs? stitches|might need stitches',
      '(?:think|pretty sure|might be|may be|it is|its) (?:[a-z0-9]+ ){0,2}(?:broken|fractured|dislocated)|(?:my|his|her) (?:[a-z]+ )?(?:arm|leg|wrist|ankle|hand|foot|finger|toe|collarbone|hip|nose|rib|ribs|elbow|knee|shoulder|jaw|bone) (?:is |might be |may be |could be |looks |feels |seems |got )*(?:broken|fractured|dislocated|snapped)|broke (?:my|his|her) (?:[a-z]+ )?(?:arm|leg|wrist|ankle|hand|foot|finger|toe|collarbone|hip|nose)',
      '(?:bad|serious|severe|second degree|third degree) burns?|burned (?:[a-z0-9]+ ){0,3}(?:blisters?|blistering)',
      '(?:chemical|bleach|something|glass|metal) (?:[a-z0-9]+ ){0,2}in (?:my|his|her) eye|eye (?:[a-z0-9]+ ){0,3}(?:swollen shut|red and painful|very painful|injury)|(?:sudden )?(?:flashes|floaters) (?:[a-z0-9]+ ){0,3}(?:curtain|shadow)',
      '(?:cant|cannot|unable to|can not) (?:put|bear|stand) (?:any )?weight|(?:twisted|sprained|rolled) (?:my|his|her) (?:ankle|knee|wrist) (?:[a-z0-9]+ ){0,4}(?:swollen|swelling|cant walk|cant move)',
      'car (?:accident|crash|wreck)|fell (?:off|down) (?:[a-z0-9]+ ){0,3}(?:ladder|stairs|roof)',
      '(?:calf|leg) (?:[a-z0-9]+ ){0,3}(?:swollen|swelling) (?:[a-z0-9]+ ){0,3}(?:red|hot|warm|painful|hurts|tender)|blood clot in (?:my|his|her) leg',
    ],
    unless:
      'history of|years ago|last year|healed|old injury|physical therapy|pt|x ray results|xray results|follow up|followup',
  },
  {
    code: 'mental-health-crisis',
    level: 'urgent',
    patterns: [
      '(?:feel|feeling|felt|so|really|completely|totally|very) hopeless|no hope|lost all hope',
      'panic attacks?|anxiety attacks?',
      '(?:cant|cannot|unable to) stop crying',
      '(?:hearing|hear|seeing) (?:voices|things (?:that arent there|others dont))|hallucinat[a-z]*|paranoid',
      '(?:really|very|severely|extremely|so) depressed|(?:depression|anxiety) (?:[a-z0-9]+ ){0,3}(?:worse|getting worse|out of control)|mental breakdown|breaking down',
      '(?:manic|psychotic|psychosis)',
    ],
    unless:
      '(?:just|a (?:little|bit)|im|being|so) paranoid|paranoid (?:about|after|parent|mom|dad)|history of|years ago|used to|in the past|last year|refill|medication refill|therapist recommendation|referral',
  },
  {
    code: 'palpitations',
    level: 'urgent',
    patterns: [
      'heart (?:is |feels like its |feels like it is |feels like it s )?(?:going to|gonna|about to) (?:explode|burst|jump out|beat out)',
      'heart (?:is )?(?:racing|pounding|beating (?:really |very |so |super )?(?:fast|hard|irregular[a-z]*)|fluttering|skipping|flip flopping|jumping)',
      'palpitations|racing heart|irregular heartbeat|afib (?:[a-z0-9]+ ){0,3}(?:again|racing|fast)',
    ],
    unless:
      'history of|years ago|last year|for years|lol|lmao|haha[a-z]*|jk|(?:just )?thinking (?:about|of)|nervous|excited|anxious about|when i saw|the bill|my crush|in love',
  },
  {
    code: 'medication-error',
    level: 'urgent',
    patterns: [
      '(?:accidentally|mistakenly|by mistake|by accident|accidently) (?:[a-z0-9]+ ){0,2}(?:took|taken|gave|given|double|doubled|swallowed)',
      'took (?:my |his |her )?(?:[a-z0-9]+ ){0,3}(?:twice|two doses|double dose|double|extra dose|an extra|2 doses|both doses|the wrong)',
      'took (?:someone elses|the wrong|my (?:husbands|wifes|moms|dads|sons|daughters)) (?:[a-z]+ )?(?:pill|pills|medicine|medication|meds)',
      '(?:gave|given) (?:[a-z0-9]+ ){0,3}(?:wrong|double|too much|twice)',
      'pharmacy (?:gave|filled) (?:me |us )?(?:the )?wrong',
    ],
    unless: 'vitamin[a-z]*|multivitamin[a-z]*|fish oil|probiotic[a-z]*|vitamina[s]?|calcium|calcio|fiber|fibra|melatonin[a-z]*',
  },
  {
    code: 'asthma-attack',
    level: 'urgent',
    patterns: [
      'asthma (?:attack|flare|flare up|exacerbation|is bad|is really bad|is acting up)',
      'wheezing|wheezy|wheeze',
    ],
    unless: 'history of|as a (?:kid|child)|years ago|used to',
    // an attack that limits speech or pulls the ribs in is an emergency
    escalateIf:
      'words at a time|(?:cant|cannot|couldnt) (?:talk|speak|finish)|(?:only|barely) (?:get out|say|talk)|ribs|retract[a-z]*|lips? (?:are |is |look |turning )?(?:blue|gray|grey|purple)|(?:not|isnt|arent) (?:helping|working)|(?:\\d+|six|seven|eight|ten) times in (?:the last |an |one )?(?:hour|hr)',
  },
  {
    code: 'pregnancy-concern',
    level: 'urgent',
    patterns: [
      '(?:pregnant|pregnancy|weeks along|expecting) (?:[a-z0-9]+ ){0,8}(?:cramping|cramps|pain|fever|vomiting|headache|swelling|spotting|leaking|contractions|decreased movement|less movement)',
      '(?:baby|fetus) (?:[a-z0-9]+ ){0,2}(?:moving less|not moving as much|less movement)',
    ],
    unless: 'test|tests|appointment|appt|ultrasound|insurance|form|vitamins',
  },
];
