import { expect } from '@open-wc/testing';
import { TRIAGE_LEVELS, classifyMessage, type TriageLevel } from './index.js';

type Row = readonly [text: string, expected: TriageLevel, locale?: string];

/** Behaviour table: every tricky category the classifier must handle. */
const TABLE: Record<string, readonly Row[]> = {
  'emergency: core signs (English)': [
    ['I have really bad chest pain going down my left arm', 'emergency'],
    ['my husband’s face is drooping and his speech is slurred', 'emergency'],
    ['I can’t breathe, my lips are turning blue', 'emergency'],
    ['I want to kill myself', 'emergency'],
    ['my toddler swallowed a button battery', 'emergency'],
    ['cut my hand and it won’t stop bleeding', 'emergency'],
    ['dad passed out and we can’t wake him up', 'emergency'],
    ['my son is having a seizure right now', 'emergency'],
    ['my throat is closing up after eating shrimp', 'emergency'],
    ['worst headache of my life, came on suddenly', 'emergency'],
    ['fell and hit my head, I’m on Eliquis and now throwing up', 'emergency'],
    ['I’m 10 weeks pregnant and bleeding', 'emergency'],
  ],
  'emergency: Spanish, no accents': [
    ['me duele el pecho y se me va al brazo izquierdo', 'emergency', 'es'],
    ['no puedo respirar', 'emergency', 'es'],
    ['me quiero morir', 'emergency', 'es'],
    ['mi esposo tiene la cara caida y no puede hablar bien', 'emergency', 'es'],
    ['mi hijo se tomo todas las pastillas de mi mama', 'emergency', 'es'],
    ['mi abuela se desmayo y no responde', 'emergency', 'es'],
    ['estoy embarazada y estoy sangrando mucho', 'emergency', 'es'],
  ],
  'typos, caps and texting style': [
    ['chest pian since 20 min', 'emergency'],
    ['cant breath. inhaler not helping', 'emergency'],
    ['CHEST PRESSURE AND SWEATING', 'emergency'],
    ['hey doc so my chest been hurting since this morning and idk what to do its like really tight', 'emergency'],
    ['i think im having a siezure', 'emergency'],
    ['ME DUELE EL PECHO AYUDA', 'emergency', 'es'],
  ],
  'negation suppresses, but not across clause boundaries': [
    ['no chest pain, just need a refill', 'routine'],
    ['not suicidal, just want a therapist referral', 'routine'],
    ['denies shortness of breath. requesting a work note', 'routine'],
    ['sin dolor de pecho, solo necesito una cita', 'routine', 'es'],
    ['no tengo fiebre, solo necesito un justificante', 'routine', 'es'],
    ['She doesn’t have any trouble breathing, just a runny nose', 'routine'],
    ['no fever but chest pain since last night', 'emergency'],
    ['no tengo fiebre pero me duele el pecho', 'emergency', 'es'],
    ['I never had chest pain like this before', 'emergency'],
    ['not sure if this is a stroke, my speech is slurred', 'emergency'],
  ],
  'history and family history suppress; present symptoms still fire': [
    ['my father had a heart attack in 2010', 'routine'],
    ['history of stroke, need refill', 'routine'],
    ['mi mamá tuvo un derrame hace años', 'routine', 'es'],
    ['mi papa murio de un infarto, quiero un chequeo', 'routine', 'es'],
    ['I had a seizure years ago and need a letter for the DMV', 'routine'],
    ['my dad had a heart attack at 50 and now I’m having chest pain myself', 'emergency'],
    ['I had a stroke 2 years ago and today my face is drooping again', 'emergency'],
    ['wife had a seizure 10 minutes ago, never had one before', 'emergency'],
  ],
  'medication names in refill context are routine': [
    ['refill my nitroglycerin please', 'routine'],
    ['need more warfarin', 'routine'],
    ['please renew my epipen, the old one expired', 'routine'],
    ['refill for my inhaler please', 'routine'],
    ['need to refill my seizure medication, no seizures since 2021', 'routine'],
    ['necesito resurtir mi nitroglicerina', 'routine', 'es'],
    ['I ran out of my inhaler and I can’t breathe', 'emergency'],
  ],
  'idioms are not emergencies': [
    ['dying to know my results', 'routine'],
    ['this bill is killing me, why was I charged twice?', 'routine'],
    ['almost had a heart attack when I saw the bill', 'routine'],
    ['me muero de ganas de saber mis resultados', 'routine', 'es'],
    ['casi me da un infarto cuando vi la cuenta', 'routine', 'es'],
    ['you guys are giving me a stroke with these phone menus lol', 'routine'],
  ],
  'urgent but not emergency': [
    ['I’ve had a fever of 102 for 3 days', 'urgent'],
    ['burning when I pee and going every 10 minutes', 'urgent'],
    ['ran out of my blood pressure medicine today', 'urgent'],
    ['need my refill today, last pill was this morning', 'urgent'],
    ['rash on my leg is spreading and getting hot', 'urgent'],
    ['been vomiting since yesterday, can’t keep fluids down for 24h', 'urgent'],
    ['the pain after my knee surgery is getting worse', 'urgent'],
    ['blood sugar was 412 this morning', 'urgent'],
    ['mi hijo tiene fiebre de 39.5 desde hace 3 dias', 'urgent', 'es'],
    ['me arde al orinar', 'urgent', 'es'],
    ['se me acabo la insulina hoy', 'urgent', 'es'],
    ['I passed out last week for a few seconds, should I be seen?', 'urgent'],
  ],
  'routine portal business': [
    ['I need to reschedule my appointment on Tuesday', 'routine'],
    ['I paid my bill online but it still shows a balance', 'routine'],
    ['need a form filled out for school sports', 'routine'],
    ['What are the warning signs of a stroke? My dad is 80', 'routine'],
    ['quiero cambiar mi cita del martes', 'routine', 'es'],
    ['tengo una pregunta sobre mi factura', 'routine', 'es'],
  ],
  'mixed languages': [
    ['chest pain y me falta el aire', 'emergency', 'es'],
    ['tengo chest pain desde la manana', 'emergency', 'en'],
    ['mi hijo has a fever of 103', 'urgent', 'es'],
  ],
  'family: chest × pain/pressure/squeezing, whatever words sit between': [
    ['feels like an elephant is sitting on my chest', 'emergency'],
    ['pressure like a belt tightening around my chest', 'emergency'],
    ['dad keeps clutching his chest and he is grey', 'emergency'],
    ['siento como un elefante en el pecho', 'emergency', 'es'],
    ['me esta apretando el pecho muy fuerte', 'emergency', 'es'],
    ['my chest x-ray results came back?', 'routine'],
    ['chest is sore from coughing with this cold', 'urgent'],
  ],
  'family: breathing and colour': [
    ['every breath is a struggle', 'emergency'],
    ['no me entra el aire', 'emergency', 'es'],
    ['his lips look dusky', 'emergency'],
    ['se esta poniendo morado', 'emergency', 'es'],
    ['my breath smells weird since the new medicine', 'routine'],
    ['my fingers turn blue in the cold', 'routine'],
  ],
  'family: stroke (face, speech, one-sided weakness, vision)': [
    ['my face went numb on one side and words came out wrong', 'emergency'],
    ['the right side of his face isnt moving', 'emergency'],
    ['she is mumbling nonsense', 'emergency'],
    ['his arm and leg on the right side stopped working', 'emergency'],
    ['se le fue la fuerza del lado izquierdo de repente', 'emergency', 'es'],
    ['la boca se le ve chueca y no se le entiende', 'emergency', 'es'],
    ['my face is still numb from the dentist', 'routine'],
    ['it feels weird to talk about this, can I get a referral', 'routine'],
    ['my hand goes numb at night, carpal tunnel?', 'routine'],
  ],
  'family: bleeding, vomiting blood, black stool': [
    ['blood is pouring out of the cut on his leg', 'emergency'],
    ['throwing up what looks like coffee grounds', 'emergency'],
    ['black tarry stool and dizzy', 'emergency'],
    ['popo negra y me siento mareada', 'emergency', 'es'],
    ['black stool since I started iron pills, normal?', 'routine'],
    ['can I get my blood pressure log reviewed, readings are a lot better', 'routine'],
  ],
  'family: consciousness, seizure, falls': [
    ['she is slumped in her chair and I cant get her to answer me', 'emergency'],
    ['mi papa esta tirado en el piso y no contesta', 'emergency', 'es'],
    ['my son cant stop shaking and wont wake up', 'emergency'],
    ['fainted for a second yesterday, fine now', 'urgent'],
    ['mi esposo siente que se va a desmayar cuando se para', 'urgent', 'es'],
    ['my husband collapsed our two accounts into one, please update billing', 'routine'],
    ['my dog had a seizure, do you know a vet?', 'routine'],
  ],
  'family: self-harm said indirectly': [
    ['I dont want to be here anymore', 'emergency'],
    ['nobody would miss me, ive been saving up my pills', 'emergency'],
    ['everyone would be better if i just disappeared for good', 'emergency'],
    ['tengo ganas de morirme', 'emergency', 'es'],
    ['ya no le encuentro sentido a la vida', 'emergency', 'es'],
    ['me muero de ganas de ver a mi nieto', 'routine', 'es'],
    ['I cut myself shaving, it bled a little, anyway need a refill', 'routine'],
  ],
  'family: overdose and ingestion': [
    ['took like 30 tylenol last night', 'emergency'],
    ['me tome un frasco entero de pastillas', 'emergency', 'es'],
    ['lil one took a bite of a laundry pod', 'emergency'],
    ['found my husband with an empty bottle of pills next to him', 'emergency'],
    ['I took all my pills this morning like usual, do I take the new one too?', 'routine'],
  ],
  'family: anaphylaxis': [
    ['lips and tongue swelling after the shrimp', 'emergency'],
    ['se me cierra la garganta', 'emergency', 'es'],
    ['used my epipen but my face is still swelling', 'emergency'],
    ['sore throat and swollen glands with a fever', 'urgent'],
    ['need a new epipen, mine expires next month', 'routine'],
  ],
  'family: infants, pregnancy, head injury': [
    ['baby 2 months old fever 101', 'emergency'],
    ['my 6 week old feels hot, temp 100.8', 'emergency'],
    ['my 10 month old has a fever of 100.5', 'urgent'],
    ['I am 36 weeks and the baby hasnt moved all day', 'emergency'],
    ['tengo 34 semanas y el bebe no se mueve desde ayer', 'emergency', 'es'],
    ['fell and hit my head, on blood thinners', 'emergency'],
    ['my 2 month old needs her shots, when can we come in', 'routine'],
  ],
  'urgent families': [
    ['sore throat with white spots and fever', 'urgent'],
    ['using my rescue inhaler every 3 hours', 'urgent'],
    ['swollen painful calf on one leg', 'urgent'],
    ['noticed my eyes are yellow', 'urgent'],
    ['se me abrieron los puntos de la cirugia', 'urgent', 'es'],
    ['mi mama esta mas confundida que de costumbre', 'urgent', 'es'],
    ['my son has a little fever and a runny nose, appointment tomorrow?', 'routine'],
    ['the swelling in my ankle from the sprain is almost gone', 'routine'],
  ],
  'paperwork, history and information are not symptoms': [
    ['please send the records from my hospital stay for my heart attack to my cardiologist', 'routine'],
    ['i was in the ER last week for an allergic reaction, they said to follow up with you', 'routine'],
    ['had chest pain in march, the ER said anxiety, need a therapist referral', 'routine'],
    ['heard the booster causes chest pain in young men, is that true?', 'routine'],
    ['mi mama se recupera bien de su derrame, gracias', 'routine', 'es'],
  ],
  'family: stroke, unresponsiveness and self-harm paraphrases': [
    ["he's not making sense and drooling on one side of his mouth", 'emergency'],
    ['sudden confusion and one hand clumsy', 'emergency'],
    ['she suddenly can’t hold her coffee cup with her left hand', 'emergency'],
    ['no siente la mitad de la cara y se le tuerce la boca', 'emergency', 'es'],
    ['se cayó en el baño y no se mueve ni contesta', 'emergency', 'es'],
    ["he's breathing but won't open his eyes or answer me", 'emergency'],
    ['a mi papá le dio una convulsión y sigue sin despertar', 'emergency', 'es'],
    ['I honestly just want to stop existing', 'emergency'],
    ['quiero dejar de existir', 'emergency', 'es'],
    ['my baby is teething and drooling a lot', 'routine'],
    ['my mom passed out from laughing at my joke lol, can we move her appointment', 'routine'],
    ['no estoy pensando en hacerme daño, solo quiero ver a un psicólogo por estrés', 'routine', 'es'],
    ['My son has epilepsy, well controlled, need a seizure plan for school', 'routine'],
  ],
  'family: bleeding, breathing at rest, poisoning, meningitis, palpitations': [
    ['the blood is spraying', 'emergency'],
    ['I get winded just sitting here talking', 'emergency'],
    ['my toddler drank some of the dishwasher liquid', 'emergency'],
    ['mi niño se tomó el limpiador de vidrios', 'emergency', 'es'],
    ['he is burning up and his neck is stiff', 'emergency'],
    ['casi me desmayo y el corazón me late rapidísimo', 'emergency', 'es'],
    ['tengo el ojo muy rojo, me duele y veo borroso', 'urgent', 'es'],
    ["my diabetic foot has a sore that's red and draining", 'urgent'],
    ['after eating the cookie her lips blew up and she’s coughing and can’t talk', 'emergency'],
    ['me siento muy débil, mareado y el corazón me brinca', 'emergency', 'es'],
    ['me voy a aventar del puente', 'emergency', 'es'],
    ['I don’t see a reason to keep going and I have the pills', 'emergency'],
    ['my heart races before exams, is that normal?', 'routine'],
    ['my eyes are a little red from allergies', 'routine'],
    ['my wound is healing well, no pus, when do stitches come out', 'routine'],
  ],
  'typos and sound-alike Spanish': [
    ['my chest hurst so bad', 'emergency'],
    ['swallowd a bunch of pills', 'emergency'],
    ['blood wont stopp coming out', 'emergency'],
    ['me duele el peho y el braso isquierdo', 'emergency', 'es'],
    ['se me sierra la garganta', 'emergency', 'es'],
    ['estoy bomitando sangre', 'emergency', 'es'],
    ['me tome todas las pastiyas', 'emergency', 'es'],
  ],
  'concepts: someone down and not reacting (issue #5)': [
    ['grandpa went down in the garage and won’t answer when we shout his name', 'emergency'],
    ['she slumped over at dinner and doesn’t respond to us', 'emergency'],
    ['mi tía se cayó en la cocina y no reacciona cuando le hablamos', 'emergency', 'es'],
    ['the room went dark for a second, I hit the floor and my heart is still pounding', 'emergency'],
    ['se me puso todo negro y me caí, sigo mareada', 'emergency', 'es'],
    ['my husband isn’t answering his phone, can you call me instead', 'routine'],
    ['the screen went black when I opened my results', 'routine'],
  ],
  'concepts: breathing at rest, infant danger signs': [
    ['breathless just sitting in my recliner and my feet are swollen', 'emergency'],
    ['he has to sleep sitting up in a chair or he feels like he is drowning', 'emergency'],
    ['our 6 week old is grunting with each breath and her nostrils are flaring', 'emergency'],
    ['the baby is so floppy and hard to wake for feeds', 'emergency'],
    ['el bebé de 2 meses tiene la mollera hundida y está muy aguadito', 'emergency', 'es'],
    ['I get winded on the stairs, been like that for months', 'routine'],
    ['my baby grunts when she poops, is that normal?', 'routine'],
  ],
  'concepts: poisons, self-harm intent, burns, vision': [
    ['my daughter bit into a laundry pod', 'emergency'],
    ['he drank some antifreeze from the garage', 'emergency'],
    ['el niño se tomó el destapacaños', 'emergency', 'es'],
    ['they’d all be better off if I were gone and I’m doing it tonight', 'emergency'],
    ['tengo la cuerda lista y pienso usarla esta noche', 'emergency', 'es'],
    ['my sister keeps texting that she’s going to kill herself', 'emergency'],
    ['boiling water spilled on her legs and the skin is peeling off in sheets', 'emergency'],
    ['all of a sudden a dark curtain came across his right eye', 'emergency'],
    ['I’d be happier if I were done with this cough, any suggestions?', 'routine'],
    ['I wrote a goodbye letter to my coworkers since I’m retiring', 'routine'],
    ['burned my finger on the stove, small blister, healing fine', 'routine'],
    ['I see double only when I’m exhausted, has been years', 'routine'],
  ],
  'concepts: numbers, atypical heart attack, anaphylaxis, pregnancy': [
    ['sugar 27 and he is sweaty', 'emergency'],
    ['my sugar is 45 and still dropping after juice', 'emergency'],
    ['bp 232/134 and I feel fine', 'emergency'],
    ['temp 105.4 in my 6 year old', 'emergency'],
    ['heart rate 172 sitting on the couch', 'emergency'],
    ['bp 165/102 this morning, no symptoms', 'urgent'],
    ['my heart rate gets to 180 when I run, is that ok?', 'routine'],
    ['sugar was 320 last week after cake, it’s 140 now', 'routine'],
    ['bad indigestion for an hour and now I’m clammy', 'emergency'],
    ['stung by a bee at the picnic and now my voice sounds hoarse and I feel dizzy', 'emergency'],
    ['28 weeks pregnant with a pounding headache and seeing flashing lights', 'emergency'],
    ['gave birth 10 days ago, bp 165/112 and a bad headache', 'emergency'],
    ['heartburn after spicy food, can I get more omeprazole?', 'routine'],
  ],
  'concepts: same-day problems that are not 911': [
    ['a stray dog bit my calf at the park', 'urgent'],
    ['shooting pain from my lower back down my left leg since yesterday', 'urgent'],
    ['hace 5 días que no hago del baño y tengo la panza inflada y me duele', 'urgent', 'es'],
    ['slammed my thumb in the car door and the nail is turning purple', 'urgent'],
    ['dizzy every time I stand up since starting the new water pill', 'urgent'],
    ['hurt my back lifting boxes yesterday and can barely bend', 'urgent'],
    ['a cat scratched my arm, just a surface scratch, not red — when was my last tetanus shot?', 'routine'],
  ],
  'concepts: shorthand, electrical injury, non-fading rash, broken hip': [
    ['CP 8/10 radiating to jaw, diaphoretic', 'emergency'],
    ['my son got electrocuted by the pool pump and is acting confused', 'emergency'],
    ['fever and little purple spots on her legs that don’t fade when I press them', 'emergency'],
    ['grandma fell and her leg looks shorter and turned out', 'emergency'],
    ['my son has CP and needs his school form signed', 'routine'],
    ['got shocked by static electricity lol', 'routine'],
  ],
  // Issue #5 precision guards: each class has a routine example that must stay routine and an
  // emergency with the same words that must stay an emergency.
  'guards: a care visit already made, with a reassuring outcome': [
    ['went to the ER Saturday for chest pain, everything was negative and no pain at all since. when can I see my PCP?', 'routine'],
    ['went to the ER Saturday for chest pain, everything was negative but now the chest pain is back and worse', 'emergency'],
    ['fui a urgencias por dolor de pecho, salió todo normal y ya me siento bien. ¿cuándo tiene cita?', 'routine', 'es'],
    ['fui a urgencias por dolor de pecho y salió todo normal, pero otra vez me duele el pecho', 'emergency', 'es'],
  ],
  'guards: a settled or long-standing minor problem': [
    ['got a little lightheaded standing up fast this morning, it passed and I feel normal now. worth mentioning at my physical?', 'routine'],
    ['hemorrhoids since my pregnancy, a little blood on the paper once in a while, been like this for a year', 'routine'],
    ['tengo diarrea desde hace 3 dias y ya estoy bien cansada', 'urgent', 'es'],
    ['I feel normal now but an hour ago my face was drooping and my speech was slurred', 'emergency'],
  ],
  'guards: a faint at a needle': [
    ['fainted right after her shots, she was fine a minute later. can she lie down for the next ones?', 'routine'],
    ['se desmayó después de la vacuna pero en un minuto ya estaba bien', 'routine', 'es'],
    ['she fainted in the kitchen and is not waking up', 'emergency'],
  ],
  'guards: hyperbole about chores and waiting': [
    ['I nearly had a stroke waiting on hold for 45 minutes, anyway can I get the shingles shot at the pharmacy?', 'routine'],
    ['I think I had a stroke, my face is drooping', 'emergency'],
    ['out of breath just from filling out all the forms for the new insurance, can you fax my records?', 'routine'],
    ['out of breath just sitting here and my lips look blue', 'emergency'],
  ],
  'guards: a snorer’s pauses (sleep-study questions)': [
    ['my husband snores and sometimes stops breathing for a few seconds at night, can he get a sleep study?', 'routine'],
    ['mi esposa dice que ronco y a veces dejo de respirar dormido, ¿me mandan al estudio del sueño?', 'routine', 'es'],
    ['my husband stopped breathing and is turning blue', 'emergency'],
  ],
  'guards: forms that list or ask about conditions': [
    ['sports physical form asks about fainting, chest pain with exercise, family sudden death. none apply, just need it signed', 'routine'],
    ['insurance form asks to confirm my conditions: hypertension, heart attack 2015. can you fax it?', 'routine'],
    ['camp form: Seizures: none. Asthma: mild. need a signature', 'routine'],
    ['need the camp form signed, but she had a seizure this morning and is still confused', 'emergency'],
  ],
  'guards: general questions, instructions and folk beliefs': [
    ['se me olvidó la pastilla ayer, ¿me tomo doble hoy o nada más la normal?', 'routine', 'es'],
    ['1 hr glucose test came back 138, do I need the 3 hour one?', 'routine'],
    ['la doctora me dijo que si me daba dolor de pecho usara la nitroglicerina, cuántas me puedo poner? no tengo dolor ahorita', 'routine', 'es'],
    ['me dio dolor de pecho y ya usé la nitroglicerina y no se me quita', 'emergency', 'es'],
    ['mi suegra dice que si me baño después de planchar se me va a torcer la boca, ¿es cierto? jaja', 'routine', 'es'],
    ['se me torció la boca de repente y no puedo hablar bien', 'emergency', 'es'],
  ],
  'guards: everyday senses of alarming words': [
    ['estoy dando pecho y quiero bajar de peso, ¿cuántas calorías?', 'routine', 'es'],
    ['estoy dando pecho y me duele el pecho con un peso que me baja al brazo izquierdo', 'emergency', 'es'],
  ],
  'guards: remote past (seasons, ages, years)': [
    ['My mom passed out at church last spring. The hospital found nothing, she has been fine since. Her new neurologist wants our records.', 'routine'],
    ['My mom passed out at church last spring and she just passed out again right now and won’t wake up', 'emergency'],
    ['My son had a febrile seizure when he was one, he’s 4 now. Does the school need to know?', 'routine'],
    ['My son had a febrile seizure when he was one and he is seizing right now', 'emergency'],
    ['a mi hijo le dio una convulsión por fiebre cuando tenía un año, ahora tiene 4 y va a entrar al kinder. ¿tengo que avisar en la escuela?', 'routine', 'es'],
    ['a mi hijo le dio una convulsión por fiebre cuando tenía un año y ahorita está convulsionando otra vez', 'emergency', 'es'],
    ['el invierno pasado me desmayé en el trabajo, me hicieron estudios y todo salió bien. necesito una copia', 'routine', 'es'],
    ['el invierno pasado me desmayé en el trabajo y hoy me desmayé otra vez y me pegué en la cabeza', 'emergency', 'es'],
    ['hace dos años tuve un infarto, necesito el resumen para el cardiólogo nuevo', 'routine', 'es'],
  ],
  'guards: episodes that stopped weeks or months ago': [
    ['The fainting spells stopped once I started drinking more water, no episodes in 2 months. Do I still need the tilt table test?', 'routine'],
    ['The fainting spells stopped once I started drinking more water, no episodes in 2 months until this morning when I passed out and hit my head', 'emergency'],
    ['The fainting spells stopped once I started drinking more water, no episodes in 2 months, but today I fainted at work', 'emergency'],
    ['ya se me quitó el sangrado después del parto, ¿cuándo me toca el chequeo de las 6 semanas?', 'routine', 'es'],
    ['ya se me quitó el sangrado después del parto, pero hoy empecé a sangrar mucho otra vez y estoy mareada', 'emergency', 'es'],
    ['ya no me ha dado el dolor de pecho desde que me pusieron el stent, ¿cuándo es mi cita?', 'routine', 'es'],
    ['ya no me ha dado el dolor de pecho desde que me pusieron el stent, pero ahorita tengo un dolor de pecho muy fuerte', 'emergency', 'es'],
    ['my chest pain went away after 20 minutes and I feel fine now', 'emergency'],
  ],
  'guards: side-effect questions about a symptom the writer denies': [
    ['I read online that shortness of breath can be a side effect of amlodipine. I don’t have it, just curious if that’s true.', 'routine'],
    ['Shortness of breath can be a side effect of amlodipine, right? I’ve had it since this morning and it’s getting worse, I can barely breathe', 'emergency'],
    ['leí en internet que el dolor de pecho puede ser un efecto secundario del amlodipino. no lo tengo, solo quería saber', 'routine', 'es'],
    ['¿el dolor de pecho puede ser un efecto secundario del amlodipino? lo tengo ahorita muy fuerte y me falta el aire', 'emergency', 'es'],
  ],
  'guards: forms that ask the writer to list conditions': [
    ['en la forma del trabajo tengo que poner mis enfermedades: asma, presión alta y que una vez me dio un ataque de pánico. ¿el doctor la tiene que firmar?', 'routine', 'es'],
    ['en la forma del trabajo tengo que poner mis enfermedades: asma, presión alta y que ahorita me está dando un ataque de pánico y no puedo respirar', 'emergency', 'es'],
    ['the work form wants me to list my conditions: asthma, high blood pressure, seizures, one panic attack. Does the doctor sign it?', 'routine'],
    ['the work form wants me to list my conditions: asthma, seizures. I’m having a seizure right now and my arm is jerking', 'emergency'],
  ],
  'guards: medicine left for weeks, or a coverage question': [
    ['la farmacia dice que mi insulina ya no la cubre el seguro, ¿hay otra opción? me queda para un mes', 'routine', 'es'],
    ['se me acabó la insulina, el seguro ya no la cubre y no tengo para hoy', 'urgent', 'es'],
    ['I’m running out of my metoprolol, I have 3 weeks left, can you send a refill', 'routine'],
    ['the pharmacy says insurance won’t cover my insulin anymore, is there a cheaper one?', 'routine'],
    ['my insulin pen is empty and the pharmacy won’t fill it til the doctor approves. I have none for tonight’s dose', 'urgent'],
    ['se me acabó la insulina, me queda para un mes la otra pero ahorita estoy confundida, sudando y temblando con el azúcar en 40', 'emergency', 'es'],
  ],
  'sepsis and acute confusion, even after a routine request': [
    ['The sore on his foot has been getting worse all week. Today he’s burning up, shaking under 3 blankets, and our home bp cuff says 82/45.', 'emergency'],
    ['The sore on his foot has been getting worse all week. Today he’s burning up and really out of it.', 'emergency'],
    ['fiebre de 39 y escalofríos, la presión está en 85/50', 'emergency', 'es'],
    ['I have a fever of 101 and a history of low blood pressure, can I take tylenol?', 'routine'],
    ['Hola, quería pedir cita para mi hija para las vacunas de la escuela. Y también mi mamá desde la mañana está diciendo cosas que no tienen sentido y no me reconoce, ella es diabética. Gracias', 'emergency', 'es'],
    ['quiero una cita para mi papá, desde anoche no me reconoce y habla puras incoherencias', 'emergency', 'es'],
    ['quería pedir cita para mi mamá, tiene demencia desde hace años y a veces no me reconoce, necesito la forma firmada', 'routine', 'es'],
    ['I’m confused about my appointment time, can you resend it?', 'routine'],
  ],
  'paraphrased emergencies: dose multiples and worst-headache wording': [
    ['mi papá se puso 50 unidades de insulina en vez de 5 por error hace media hora, ahorita dice que se siente bien', 'emergency', 'es'],
    ['the doctor wants me on 30 units instead of 10 now, can I get a new prescription?', 'routine'],
    ['de repente se me nubló el ojo derecho y tengo el dolor de cabeza más horrible de mi vida', 'emergency', 'es'],
    ['el dolor de cabeza más fuerte de mi vida fue cuando me dio covid hace 2 años, ahora necesito la vacuna', 'routine', 'es'],
    ['I took like most of the bottle of my extra strength tylenol last night and my stomach is off today', 'emergency'],
  ],
  'danger signs the guards must not hide': [
    ['baby is 3 weeks old, rectal temp 100.6, much sleepier than usual and not interested in feeding', 'emergency'],
    ['baby is 3 weeks old, feeding great, temp 98.6, how much formula should she get?', 'routine'],
    ['el azúcar de mi esposo está en 520, vomita todo y ya no sabe ni dónde está', 'emergency', 'es'],
  ],
  'new classes: infant under 3 months with a fever (age in days/weeks, °F or °C)': [
    ['my daughter is 3 weeks old and her temp under the arm is 38.2', 'emergency'],
    ['mi bebe tiene 20 dias de nacido y el termometro marco 38.5', 'emergency', 'es'],
    ['newborn (10 days) feels hot, thermometer says 100.6, not feeding well', 'emergency'],
    ['my 2 month old’s temp is 98.6 and she is feeding great, what is a normal range?', 'routine'],
    ['what thermometer do you recommend for a newborn?', 'routine'],
  ],
  'new classes: testicular torsion (sudden/severe/vomiting) vs. self-exam and food look-alikes': [
    ['my 12 year old suddenly has terrible pain in his right testicle and threw up', 'emergency'],
    ['a mi hijo de 11 anos le duele muchisimo un huevito desde hace una hora y esta vomitando', 'emergency', 'es'],
    ['mi hijo se desperto llorando con dolor fuerte en los testiculos, vomito y no puede caminar', 'emergency', 'es'],
    ['sudden severe scrotal pain and nausea for the last 2 hours', 'emergency'],
    ['my testicle has been a bit sore since I hurt it playing soccer', 'urgent'],
    ['I found a small painless lump on my testicle during a self exam, can I get an appointment?', 'routine'],
    ['quiero informacion sobre la vasectomia', 'routine', 'es'],
    ['a mi hijo no le gusta el huevo, que otra proteina le puedo dar?', 'routine', 'es'],
  ],
  'new classes: venomous bites and stings with systemic signs': [
    ['a rattlesnake bit my husband on the ankle while hiking', 'emergency'],
    ['a mi esposo lo pico una vibora en la mano y se le esta hinchando todo el brazo', 'emergency', 'es'],
    ['got bitten by a snake in the garden, my leg is swelling fast and I feel dizzy', 'emergency'],
    ['a mi nino de 3 anos le pico un alacran en el pie', 'emergency', 'es'],
    ['me pico un alacran y siento la lengua pesada y se me duerme la boca', 'emergency', 'es'],
    ['my son was bitten by a black widow and now has bad stomach cramps and is sweating a lot', 'emergency'],
    ['a mi hija la pico un alacran en el brazo, le duele pero esta bien', 'urgent', 'es'],
    ['a spider bit me on the arm yesterday and it’s red and sore', 'urgent'],
    ['how do we prevent snake bites when camping this summer?', 'routine'],
    ['vi una vibora en el patio, nadie salio mordido, que hago?', 'routine', 'es'],
    ['I have spider veins on my legs, can they be treated?', 'routine'],
    ['mi signo es escorpion jaja, necesito una cita de rutina', 'routine', 'es'],
  ],
  'new classes: heat stroke and heat exhaustion': [
    ['my dad was mowing the lawn in the heat and now he’s confused and not sweating', 'emergency'],
    ['mi hijo estuvo jugando futbol bajo el sol y se desmayo, esta muy caliente y no responde bien', 'emergency', 'es'],
    ['creo que a mi abuelita le dio un golpe de calor, esta desorientada', 'emergency', 'es'],
    ['my husband works construction outside and his temp is 104.5, talking nonsense', 'emergency'],
    ['I think I got heat exhaustion at the game, I’m nauseous and have a headache', 'urgent'],
    ['what are the signs of heat stroke? we are going to Phoenix', 'routine'],
    ['the thermometer outside says 105, is it safe to walk my baby?', 'routine'],
    ['hace 40 grados afuera, puedo darle agua a mi bebe de 5 meses?', 'routine', 'es'],
  ],
  'new classes: hypothermia': [
    ['found my grandpa outside in the snow this morning, he stopped shivering and is very sleepy', 'emergency'],
    ['mi papa se quedo toda la noche afuera con el frio y ahora esta confundido y arrastra las palabras', 'emergency', 'es'],
    ['my son fell through the ice, we got him out, he is confused and his lips are blue', 'emergency'],
    ['my fingers turn white and blue in the cold, I think I have Raynaud’s', 'routine'],
    ['es normal que mi bebe tenga las manos frias?', 'routine', 'es'],
  ],
  'new classes: diabetic ketoacidosis': [
    ['I’m type 1, sugar is 480 and I keep throwing up, breathing really fast', 'emergency'],
    ['mi hija es diabetica, el glucometro marca HI y esta vomitando y respira muy rapido', 'emergency', 'es'],
    ['azucar de 390 y cetonas altas, mi hijo tiene dolor de panza y vomito', 'emergency', 'es'],
    ['ketones are large and I can’t stop vomiting', 'emergency'],
    ['my sugar has been around 320 for two days, I feel thirsty but otherwise fine', 'urgent'],
    ['my sugar was 260 after a birthday cake, back to 140 this morning. any tips?', 'routine'],
    ['mi azucar en ayunas fue de 115, es normal?', 'routine', 'es'],
  ],
  'new classes: decreased fetal movement': [
    ['I’m 35 weeks and haven’t felt the baby move since last night', 'emergency'],
    ['tengo 32 semanas y no he sentido al bebe moverse en todo el dia', 'emergency', 'es'],
    ['38 weeks, baby has stopped kicking since this morning', 'emergency'],
    ['tengo 16 semanas, cuando voy a sentir que se mueve el bebe?', 'routine', 'es'],
    ['I’m 18 weeks and haven’t felt the baby move yet, is that normal?', 'routine'],
    ['30 weeks and the baby is kicking a ton lately, just fyi', 'routine'],
  ],
  'new classes: ectopic pregnancy signs': [
    ['I had a positive pregnancy test last week and now I have sharp pain on my left side and my shoulder hurts', 'emergency'],
    ['me salio positiva la prueba de embarazo y tengo un dolor fuerte del lado derecho abajo, casi me desmayo', 'emergency', 'es'],
    ['my period is two weeks late and I have a stabbing pain in my lower right belly', 'emergency'],
    ['I got a positive pregnancy test! when should I schedule my first appointment?', 'routine'],
    ['mi periodo se atraso, puedo hacerme la prueba en la clinica?', 'routine', 'es'],
  ],
  'new classes: preeclampsia and postpartum red flags': [
    ['I’m 34 weeks pregnant with pain under my right ribs and my vision is blurry', 'emergency'],
    ['di a luz hace 10 dias y tengo un dolor de cabeza horrible y veo lucecitas', 'emergency', 'es'],
    ['had the baby last week and now I have a pounding headache that won’t go away', 'emergency'],
    ['tengo 2 semanas de parida, cuando puedo hacer ejercicio?', 'routine', 'es'],
  ],
  'new classes: meningitis: fever with a neck that will not bend': [
    ['my son has a fever of 103 and can’t touch his chin to his chest', 'emergency'],
    ['mi hija tiene calentura y no puede bajar la cabeza, le duele el cuello', 'emergency', 'es'],
    ['my neck is stiff from sleeping wrong, no fever', 'routine'],
  ],
  'new classes: leg clot with breathlessness': [
    ['my calf has been swollen and sore since my flight and now I’m short of breath', 'emergency'],
    ['tengo la pierna hinchada y me duele, y ahora me falta el aire', 'emergency', 'es'],
    ['my left calf is swollen, red and hurts, started yesterday', 'urgent'],
    ['my legs swell at the end of the day from standing at work, no pain', 'routine'],
  ],
  'new classes: stridor, croup and drooling': [
    ['my toddler has a barking cough and makes a high pitched sound every time she breathes in', 'emergency'],
    ['mi nino tiene tos de perro y hace un chillido cuando respira, se le hunden las costillas', 'emergency', 'es'],
    ['my son is drooling and can’t swallow his own spit, with a fever', 'emergency'],
    ['my 2 year old has a barky croup cough tonight but is breathing ok', 'urgent'],
    ['croup last week, he’s all better now, can he go back to daycare?', 'routine'],
  ],
  'new classes: caustic splash in the eye': [
    ['bleach splashed in my eye while cleaning and it burns so bad', 'emergency'],
    ['a mi hijo le cayo destapacanos en los ojos', 'emergency', 'es'],
    ['got drain cleaner in my eye, I’ve been rinsing but can’t open it', 'emergency'],
    ['I got shampoo in my eye and it stung for a minute, fine now', 'routine'],
    ['el cloro de la alberca le pone los ojos rojos a mi hija', 'routine', 'es'],
  ],
  'new classes: open fractures and amputations': [
    ['my son fell off his bike and the bone is sticking out of his arm', 'emergency'],
    ['se le ve el hueso de la pierna a mi esposo despues de la caida', 'emergency', 'es'],
    ['I cut off the tip of my finger with the mandoline slicer', 'emergency'],
    ['mi papa se mocho un dedo con la sierra', 'emergency', 'es'],
    ['chicken bone got stuck in my dog’s throat, vet said fine', 'routine'],
    ['soy amputado de una pierna y necesito una receta para la protesis', 'routine', 'es'],
  ],
  'new classes: tick bite with a ring rash or fever': [
    ['me quite una garrapata hace 5 dias y ahora tengo una mancha roja en forma de anillo', 'urgent', 'es'],
    ['found a tick on my son a week ago and now he has a fever and body aches', 'urgent'],
    ['I pulled a tick off my dog, how do I check myself for ticks?', 'routine'],
    ['le quite una garrapata a mi hijo ayer, no tiene nada, solo quiero saber si es normal', 'routine', 'es'],
  ],
  'new classes: medicine side effects bad enough to stop work or sleep': [
    ['ever since they raised my atorvastatin my legs ache so much I can barely walk', 'urgent'],
    ['desde que empece el ozempic vomito todos los dias y no puedo comer', 'urgent', 'es'],
    ['the new blood pressure pill makes me so dizzy I can’t work', 'urgent'],
    ['metformin gave me mild stomach upset the first week, now it’s fine', 'routine'],
    ['el losartan me da un poco de tos, lo podemos platicar en mi proxima cita?', 'routine', 'es'],
  ],
  'new classes: worsening mood without intent, asking for help sooner': [
    ['my depression is getting worse and the Lexapro isn’t helping, can someone see me sooner than next month', 'urgent'],
    ['estoy muy deprimida, lloro todos los dias, no voy a hacerme dano pero necesito hablar con alguien pronto', 'urgent', 'es'],
    ['I’d like a referral to a therapist for anxiety, no rush', 'routine'],
    ['mi animo esta mucho mejor con la sertralina, solo necesito el resurtido', 'routine', 'es'],
  ],
  'new classes: frequent diarrhoea': [
    ['diarrhea 7 times since this morning and cramps', 'urgent'],
    ['mi esposo tiene diarrea como 6 veces al dia desde ayer', 'urgent', 'es'],
    ['I had diarrhea twice yesterday, today normal', 'routine'],
    ['la preparacion para la colonoscopia me hizo ir al bano 10 veces, es normal?', 'routine', 'es'],
  ],
  'new classes: time-critical medicine running out': [
    ['my son’s seizure medicine runs out tonight and the pharmacy won’t fill it', 'urgent'],
    ['se me acabo el keppra y no tengo para la dosis de la noche', 'urgent', 'es'],
    ['I have a two-month supply of metoprolol left but want to switch pharmacies', 'routine'],
  ],
  'new classes: child dehydration: two independent signs': [
    ['mi bebe de 4 meses tiene los ojitos hundidos y no ha hecho pipi desde la manana', 'emergency', 'es'],
    ['my 1 year old has had diarrhea all day, hasn’t had a wet diaper in 10 hours and her mouth is really dry', 'emergency'],
    ['mi nino de 2 anos vomita todo, tiene la boca seca y esta muy decaido', 'emergency', 'es'],
    ['how many wet diapers should my 2 week old have a day?', 'routine'],
    ['mi bebe de 3 semanas llora sin lagrimas, es normal?', 'routine', 'es'],
  ],
  'new classes: carbon monoxide from a brazier, and a chirping alarm': [
    ['we’ve been using the anafre inside to stay warm and everyone has a headache and feels dizzy', 'emergency'],
    ['the CO detector is chirping, battery maybe? no one feels sick', 'routine'],
  ],
  'new classes: disposing of leftover opioids': [
    ['where can I drop off my mom’s leftover oxycodone so nobody overdoses by accident?', 'routine'],
    ['como puedo desechar las pastillas de mi esposo que fallecio?', 'routine', 'es'],
  ],
  'new classes: further paraphrases (third person, slang, no accents)': [
    ['my 5 wk old feels warm, rectal 38.1, sleeping more than usual', 'emergency'],
    ['mi bebe de 2 meses tiene 38 de temperatura', 'emergency', 'es'],
    ['mi recien nacida de 9 dias tiene calentura de 38.3', 'emergency', 'es'],
    ['my son (16) says his balls hurt really bad since an hour ago and he feels like throwing up', 'emergency'],
    ['a mi hijo de 15 le duele mucho el testiculo izquierdo de repente', 'emergency', 'es'],
    ['mi chavo de 12 amanecio con el huevo hinchado y morado y le duele muchisimo', 'emergency', 'es'],
    ['copperhead bit my daughter on the foot 20 min ago', 'emergency'],
    ['le mordio una culebra a mi papa en el campo y esta vomitando', 'emergency', 'es'],
    ['un alacran le pico a mi bebe de 1 ano y esta llorando mucho y babeando', 'emergency', 'es'],
    ['husband was stung by a scorpion, now his tongue feels thick and he’s twitching', 'emergency'],
    ['my son was doing two a day football practice in 100 degree heat and collapsed, he’s out of it', 'emergency'],
    ['mi papa estaba trabajando en el campo con mucho calor y empezo a decir puras incoherencias', 'emergency', 'es'],
    ['my mom’s apartment has no AC, she’s 88 and now confused with skin hot and dry', 'emergency'],
    ['hay ola de calor y mi abuelo no ha sudado, esta muy caliente y desorientado', 'emergency', 'es'],
    ['my neighbor was outside all night in the freezing cold, he’s mumbling and can’t stand', 'emergency'],
    ['mi tio se cayo al rio helado y ahora tiembla sin parar y esta confundido', 'emergency', 'es'],
    ['my sugar is HI on the meter and I’ve been throwing up all morning', 'emergency'],
    ['mi esposo es diabetico, tiene el azucar en 450, vomitando y respira muy profundo', 'emergency', 'es'],
    ['my teen with type 1 is breathing fast and her breath smells fruity, sugar 380', 'emergency'],
    ['36 weeks pregnant and baby hasn’t moved all day', 'emergency'],
    ['tengo 30 semanas de embarazo y el bebe no se ha movido desde anoche', 'emergency', 'es'],
    ['estoy embarazada de 6 semanas y me dio un dolor muy fuerte del lado izquierdo y me duele el hombro', 'emergency', 'es'],
    ['took a pregnancy test and it was positive, now i have really bad pain on my right side and feel faint', 'emergency'],
    ['mi pierna esta hinchada y roja desde hace 3 dias y hoy me cuesta respirar', 'emergency', 'es'],
    ['my leg has been swollen and painful since surgery and now I have chest pain when I breathe in', 'emergency'],
    ['mi hijo tiene tos de perro y hace un ruido fuerte al respirar', 'emergency', 'es'],
    ['my daughter has croup and she is struggling to breathe with her ribs sucking in', 'emergency'],
    ['a mi esposo le salpico acido de bateria en el ojo', 'emergency', 'es'],
    ['my son sprayed oven cleaner in his eyes', 'emergency'],
    ['mi hijo se cayo del arbol y tiene el hueso de fuera en el brazo', 'emergency', 'es'],
    ['my husband’s thumb got cut off with the table saw', 'emergency'],
    ['el bebe de 8 meses no ha mojado panal desde anoche y tiene la boca muy seca', 'emergency', 'es'],
    ['my toddler has been vomiting, has sunken eyes and no tears when he cries', 'emergency'],
    ['a mi nina de 3 anos le dio diarrea, no ha orinado en todo el dia y esta muy decaida', 'emergency', 'es'],
    ['mi hijo tiene tos de perro desde anoche pero respira bien', 'urgent', 'es'],
    ['a tick bit me and now theres a red circle getting bigger around it', 'urgent'],
    ['the zoloft increase has made me so nauseous I can’t eat anything', 'urgent'],
    ['el metformin me da diarrea 6 veces al dia', 'urgent', 'es'],
    ['estoy muy triste y no puedo dormir, mi cita es en un mes y no puedo esperar tanto', 'urgent', 'es'],
    ['i am so depressed lately, crying all the time, can i get an appointment sooner please', 'urgent'],
    ['mi hijo tiene dolor en los testiculos desde hace dos dias, no es muy fuerte', 'urgent', 'es'],
    ['my metoprolol runs out tomorrow and the pharmacy needs a new rx', 'urgent'],
    ['how many times a day is normal for a breastfed baby to poop? she goes like 6 times a day', 'routine'],
    ['que debo hacer si me pica un alacran? vivimos en Durango', 'routine', 'es'],
    ['what is a normal blood sugar after eating? mine was 145', 'routine'],
    ['is it normal to not feel the baby move at 14 weeks?', 'routine'],
    ['quiero saber si es normal tener cansancio en el embarazo', 'routine', 'es'],
    ['my son had croup a month ago and the cough is gone, just need a school note', 'routine'],
    ['we’re going snow camping this weekend, any tips for keeping a toddler warm?', 'routine'],
    ['mi mama usa la calefaccion de gas, tenemos detector de monoxido, es suficiente?', 'routine', 'es'],
    ['I’m taking metformin and sometimes get loose stools, is that normal?', 'routine'],
    ['mi esposo quiere hacerse la vasectomia, que tengo que hacer?', 'routine', 'es'],
    ['Is it safe to go in the sauna while I’m on blood pressure medication?', 'routine'],
    ['My daughter got a tick on her scalp at camp, we removed it, no rash so far. Anything to watch for?', 'routine'],
    ['me pique el ojo con el dedo y ya estoy bien', 'routine', 'es'],
  ],
};

describe('classifyMessage', () => {
  for (const [group, rows] of Object.entries(TABLE)) {
    describe(group, () => {
      for (const [text, expected, locale] of rows) {
        it(`${expected}: ${text}`, () => {
          const result = classifyMessage(text, locale ? { locale } : undefined);
          expect(result.level, JSON.stringify(result.reasons)).to.equal(expected);
        });
      }
    });
  }

  it('has a behaviour table of at least 40 sentences', () => {
    const n = Object.values(TABLE).reduce((sum, rows) => sum + rows.length, 0);
    expect(n).to.be.at.least(40);
  });

  it('is deterministic: the same input gives deep-equal output', () => {
    const text = 'no fever but chest pain since last night, also ran out of insulin';
    const first = classifyMessage(text);
    for (let i = 0; i < 5; i++) expect(classifyMessage(text)).to.deep.equal(first);
    expect(classifyMessage(text, { locale: 'es' }).level).to.equal(first.level);
  });

  it('reports every fired signal once, with match text taken from the input', () => {
    const text = 'My chest hurts, I cant breathe, and I ran out of my insulin TODAY. Chest pain again!';
    const result = classifyMessage(text);
    expect(result.level).to.equal('emergency');
    const codes = result.reasons.map((r) => r.code);
    expect(codes).to.include.members(['chest-pain', 'breathing-difficulty', 'time-sensitive-med-out']);
    expect(new Set(codes).size).to.equal(codes.length);
    for (const r of result.reasons) {
      expect(r.match.length).to.be.greaterThan(0);
      expect(text).to.include(r.match);
      expect(['emergency', 'urgent']).to.include(r.level);
      expect(r.code).to.match(/^[a-z]+(?:-[a-z]+)*$/);
    }
    // emergency reasons are listed before urgent ones
    const firstUrgent = result.reasons.findIndex((r) => r.level === 'urgent');
    const lastEmergency = result.reasons.map((r) => r.level).lastIndexOf('emergency');
    expect(firstUrgent === -1 || firstUrgent > lastEmergency).to.equal(true);
  });

  it('highlights the original (typo, accented, capitalised) fragment', () => {
    const result = classifyMessage('Dolor de PÉCHO muy fuerte', { locale: 'es' });
    expect(result.level).to.equal('emergency');
    expect(result.reasons[0]?.match).to.equal('Dolor de PÉCHO');
    expect(classifyMessage('chest pian').reasons[0]?.match).to.equal('chest pian');
  });

  it('emergency wins when both emergency and urgent signals are present', () => {
    const result = classifyMessage('fever of 103 for 3 days and now I can’t breathe');
    expect(result.level).to.equal('emergency');
    expect(result.reasons.map((r) => r.level)).to.include.members(['emergency', 'urgent']);
  });

  it('checks both lexicons whatever the locale hint, and falls back for unknown locales', () => {
    expect(classifyMessage('no puedo respirar', { locale: 'en' }).level).to.equal('emergency');
    expect(classifyMessage('I cannot breathe', { locale: 'es' }).level).to.equal('emergency');
    expect(classifyMessage('I cannot breathe', { locale: 'fr-CA' }).level).to.equal('emergency');
    expect(classifyMessage('no puedo respirar', { locale: 'es-MX' }).level).to.equal('emergency');
    expect(classifyMessage('need to reschedule', { locale: '' }).level).to.equal('routine');
    expect(classifyMessage('need to reschedule', {}).level).to.equal('routine');
  });

  it('treats empty, whitespace-only and non-string input as routine', () => {
    expect(classifyMessage('')).to.deep.equal({ level: 'routine', reasons: [] });
    expect(classifyMessage('   \n\t  ')).to.deep.equal({ level: 'routine', reasons: [] });
    expect(classifyMessage(undefined as unknown as string).level).to.equal('routine');
    expect(classifyMessage(42 as unknown as string).level).to.equal('routine');
  });

  // Speed is measured by `npm run triage:eval` (CPU time, average and a 12,000-character worst case), not here.
  it('handles a 10,000-character message and still finds the signal', () => {
    const filler = 'I have a question about my bill and my next appointment. ';
    let text = '';
    while (text.length < 10_000) text += filler;
    text = `${text.slice(0, 9_990)} chest pain now`;
    expect(text.length).to.be.at.least(10_000);
    expect(classifyMessage(text).level).to.equal('emergency');
    expect(classifyMessage('x'.repeat(10_000)).level).to.equal('routine');
    expect(classifyMessage('🙂'.repeat(5_000)).level).to.equal('routine');
  });

  it('does not mutate its input options', () => {
    const options = Object.freeze({ locale: 'es' });
    expect(() => classifyMessage('me duele el pecho', options)).not.to.throw();
  });
});

describe('TRIAGE_LEVELS', () => {
  it('lists the levels from most to least severe', () => {
    expect([...TRIAGE_LEVELS]).to.deep.equal(['emergency', 'urgent', 'routine']);
  });
});
