/**
 * The demo clinic (Bent Tree Family Physicians), its policy, and the four demo
 * personas — the same everywhere: mock backend, Storybook, tests, reference
 * server seed, README. Also deterministic bulk threads for the scale stories
 * and hostile content for the robustness stories.
 *
 * Demo personas (patient ID / password):
 * - `dana` / `dana-demo-password`: consented; four threads, one with an unread reply from Dr. Maya Patel.
 * - `newbie` / `welcome-newbie-2026`: office-issued password (must change it), has not accepted the policy.
 * - `rory` / `rory-demo-password`: messaging revoked by the clinic; can sign in and read his history.
 * - `bea` / `bea-demo-password`: her notification e-mail bounced.
 */
import { LIMITS, type ClinicConfig, type PolicyDocument, type Sender, type TriageStamp } from '../api/schemas.js';
import type { PortalBackend } from './service.js';
import { normalizeForSearch, type AttachmentRecord, type MessageRecord, type NewThread } from './store.js';

// ================================================================ clinic

export const DEMO_POLICY_VERSION = '2026-12-01';
/** Midnight in Dallas on the version date. */
export const DEMO_POLICY_PUBLISHED_AT = '2026-12-01T06:00:00.000Z';

export const DEMO_CLINIC: ClinicConfig = {
  name: 'Bent Tree Family Physicians',
  phone: '(972) 555-0142',
  emergencyNumber: '911',
  timeZone: 'America/Chicago',
  hours: [1, 2, 3, 4, 5].map((day) => ({ day, open: '08:00', close: '17:00' })),
  closures: ['2026-11-26', '2026-12-25', '2027-01-01'],
  categories: [
    {
      id: 'appointment',
      label: { en: 'Appointment request (non-emergency)', es: 'Solicitud de cita (no urgente)' },
      description: {
        en: 'Ask for a routine appointment. For anything urgent, call the office; in an emergency, call 911.',
        es: 'Pida una cita de rutina. Para algo urgente, llame al consultorio; en una emergencia, llame al 911.',
      },
      fields: [
        {
          id: 'reason',
          kind: 'textarea',
          required: true,
          maxLength: 500,
          label: { en: 'Reason for the visit', es: 'Motivo de la consulta' },
        },
        {
          id: 'preferredTimes',
          kind: 'text',
          required: true,
          maxLength: 200,
          label: { en: 'Days and times that work for you', es: 'Días y horarios que le convienen' },
          hint: { en: 'For example: weekday mornings', es: 'Por ejemplo: entre semana por la mañana' },
        },
      ],
      allowsAttachments: false,
    },
    {
      id: 'billing',
      label: { en: 'Billing question', es: 'Pregunta de facturación' },
      description: {
        en: 'A question about a statement or a charge.',
        es: 'Una pregunta sobre un estado de cuenta o un cargo.',
      },
      fields: [
        {
          id: 'statementDate',
          kind: 'date',
          required: true,
          label: { en: 'Statement date', es: 'Fecha del estado de cuenta' },
        },
        {
          id: 'amount',
          kind: 'money',
          required: true,
          label: { en: 'Amount in question', es: 'Monto en cuestión' },
          hint: { en: 'In US dollars, for example 45.00', es: 'En dólares estadounidenses, por ejemplo 45.00' },
        },
      ],
      allowsAttachments: false,
    },
    {
      id: 'clinical',
      label: { en: 'Clinical question', es: 'Pregunta clínica' },
      description: {
        en: 'A non-urgent question for your care team. Not for new symptoms, diagnosis or treatment: call the office, or 911 in an emergency.',
        es: 'Una pregunta no urgente para su equipo de atención. No es para síntomas nuevos, diagnóstico ni tratamiento: llame al consultorio, o al 911 en una emergencia.',
      },
      fields: [],
      allowsAttachments: false,
    },
    {
      id: 'refill',
      label: { en: 'Prescription refill', es: 'Resurtido de receta' },
      description: {
        en: 'Ask for a refill of a medication you already take.',
        es: 'Pida el resurtido de un medicamento que ya toma.',
      },
      fields: [
        {
          id: 'medication',
          kind: 'text',
          required: true,
          maxLength: 120,
          label: { en: 'Medication name', es: 'Nombre del medicamento' },
        },
        {
          id: 'dose',
          kind: 'text',
          required: true,
          maxLength: 80,
          label: { en: 'Dose and how often', es: 'Dosis y frecuencia' },
          hint: { en: 'For example: 10 mg once a day', es: 'Por ejemplo: 10 mg una vez al día' },
        },
        {
          id: 'pharmacy',
          kind: 'text',
          required: true,
          maxLength: 200,
          label: { en: 'Pharmacy (name and location)', es: 'Farmacia (nombre y ubicación)' },
        },
        {
          id: 'daysLeft',
          kind: 'number',
          required: true,
          label: { en: 'Days of medication left', es: 'Días de medicamento restantes' },
        },
      ],
      allowsAttachments: false,
    },
    {
      id: 'health-form',
      label: { en: 'Health form', es: 'Formulario de salud' },
      description: {
        en: 'Send or ask for a health form (school, sports, work). You can attach the form.',
        es: 'Envíe o solicite un formulario de salud (escuela, deportes, trabajo). Puede adjuntar el formulario.',
      },
      fields: [
        {
          id: 'formName',
          kind: 'text',
          required: true,
          maxLength: 120,
          label: { en: 'Form name', es: 'Nombre del formulario' },
        },
        {
          id: 'dueDate',
          kind: 'date',
          required: true,
          label: { en: 'Date needed by', es: 'Fecha en que lo necesita' },
        },
      ],
      allowsAttachments: true,
    },
    {
      id: 'bill-payment',
      label: { en: 'Bill payment', es: 'Pago de factura' },
      description: {
        en: "A question about paying a bill. To pay online, use the clinic's secure payment page.",
        es: 'Una pregunta sobre el pago de una factura. Para pagar en línea, use la página de pago segura de la clínica.',
      },
      fields: [{ id: 'amount', kind: 'money', required: true, label: { en: 'Amount', es: 'Monto' } }],
      allowsAttachments: false,
    },
  ],
  attachments: {
    maxCount: 5,
    maxBytes: 10 * 1024 * 1024,
    allowedTypes: ['application/pdf', 'image/jpeg', 'image/png', 'image/heic'],
  },
  // Stricter than the contract's hard limits (150 / 5000), as a clinic may be.
  limits: { subjectMax: 120, bodyMax: 4000 },
  policyVersion: DEMO_POLICY_VERSION,
  channels: ['portal', 'phone', 'mail'],
  paymentUrl: 'https://payments.example.com/bent-tree-family-physicians',
  selfServiceReset: false,
  locales: ['en', 'es'],
};

// ================================================================ policy

type Section = PolicyDocument['sections'][number];

/** English: the seed text, verbatim (wrapped lines joined). */
const POLICY_EN: Section[] = [
  {
    id: 'introduction',
    heading: 'Introduction',
    paragraphs: [
      'At Bent Tree Family Physicians we strive to be patient centered and provide the best care possible. The use of our patient portal is to make communication simple, fast, and easier for our patients. Our Patient Portal is a secure messaging communication tool for patients to access medical information, questions, and receive email from their physician. Messages will be handled in a timely manner during specified business hours. All communication sent outside the specified business hours will be handled the following business day. E-mail is considered to be a privilege, not a right, and can therefore be revoked if Bent Tree Family Physicians feels it has been misused by the patient.',
    ],
  },
  {
    id: 'allowable-uses',
    heading: 'Allowable Uses',
    paragraphs: [
      'The Patient Portal is a tool used to request non-emergent appointments, ask billing questions, clinical questions, prescription refills, health forms, and bill payments.',
    ],
  },
  {
    id: 'non-allowable-uses',
    heading: 'Non-Allowable Uses',
    paragraphs: [
      'The Patient Portal is not to be used for urgent, emergent, or other time-sensitive situations. The patient portal will not be used for issues pertaining to diagnosis or treatment of any medical conditions.',
    ],
  },
  {
    id: 'general',
    heading: 'General',
    paragraphs: [
      'If a sudden change in health requiring an immediate response such as an emergency, he or she will call 911 or proceed directly to an emergency room; the patient will call the office if they otherwise need communication with the office urgently. Patients must contact the office if an e-mail returns “undelivered” or if an e-mail address is changed.  The patient can specify what communication they prefer regarding clinical information such as lab results, test results, and appointment notifications.',
    ],
  },
  {
    id: 'disclaimer',
    heading: 'Disclaimer',
    paragraphs: [
      'Bent Tree Family Physicians is not liable for improper disclosure of confidentiality and/or in breaches of confidentiality caused by the patient (i.e. printing or forwarding e-mails), third parties, or technical factors beyond the practice’s control. Bent Tree Family Physicians has no control over security or management of the third-party e-mail systems if used. The Patient understands and agrees that the physician will make their best effort to minimize the risk of the confidentiality breaches for factors within their control, but cannot guarantee that unencrypted information will not be intercepted, altered, or read by an unintended recipient.',
    ],
  },
  {
    id: 'secure-messaging',
    heading: 'What is Secure Messaging?',
    paragraphs: [
      'Similar to online banking, patients will be assigned an initial ID and password to sign on a personal portal account within the office website. When messages are sent they are held inside the secure messaging server. The server sends an e-mail to the patient as a notification that they have a message to retrieve. The patient will be provided a link to directly connect to the office website to sign into their personal portal to view or reply to the message sent.',
    ],
  },
];

/** Spanish: a faithful translation of the same text, section by section. */
const POLICY_ES: Section[] = [
  {
    id: 'introduction',
    heading: 'Introducción',
    paragraphs: [
      'En Bent Tree Family Physicians nos esforzamos por centrarnos en el paciente y brindar la mejor atención posible. El propósito de nuestro portal para pacientes es que la comunicación sea sencilla, rápida y más fácil para nuestros pacientes. Nuestro Portal del Paciente es una herramienta de mensajería segura para que los pacientes accedan a información médica, hagan preguntas y reciban correos electrónicos de su médico. Los mensajes se atenderán de manera oportuna durante el horario de atención establecido. Toda comunicación enviada fuera del horario de atención establecido se atenderá el siguiente día hábil. El correo electrónico se considera un privilegio, no un derecho, y por lo tanto puede ser revocado si Bent Tree Family Physicians considera que el paciente le ha dado un mal uso.',
    ],
  },
  {
    id: 'allowable-uses',
    heading: 'Usos permitidos',
    paragraphs: [
      'El Portal del Paciente es una herramienta que se utiliza para solicitar citas que no sean de emergencia, hacer preguntas de facturación y preguntas clínicas, y tramitar resurtidos de recetas, formularios de salud y pagos de facturas.',
    ],
  },
  {
    id: 'non-allowable-uses',
    heading: 'Usos no permitidos',
    paragraphs: [
      'El Portal del Paciente no debe utilizarse para situaciones urgentes, de emergencia ni otras en las que el tiempo sea determinante. El portal del paciente no se utilizará para asuntos relacionados con el diagnóstico o el tratamiento de ninguna afección médica.',
    ],
  },
  {
    id: 'general',
    heading: 'Información general',
    paragraphs: [
      'Si se presenta un cambio repentino en la salud que requiera una respuesta inmediata, como una emergencia, el paciente llamará al 911 o acudirá directamente a una sala de emergencias; el paciente llamará al consultorio si por otro motivo necesita comunicarse con el consultorio de forma urgente. Los pacientes deben comunicarse con el consultorio si un correo electrónico es devuelto como «no entregado» o si cambian su dirección de correo electrónico. El paciente puede indicar qué tipo de comunicación prefiere en cuanto a información clínica, como resultados de laboratorio, resultados de pruebas y avisos de citas.',
    ],
  },
  {
    id: 'disclaimer',
    heading: 'Descargo de responsabilidad',
    paragraphs: [
      'Bent Tree Family Physicians no se hace responsable de la divulgación indebida de información confidencial ni de las violaciones de la confidencialidad causadas por el paciente (p. ej., al imprimir o reenviar correos electrónicos), por terceros o por factores técnicos fuera del control del consultorio. Bent Tree Family Physicians no tiene control sobre la seguridad ni la administración de los sistemas de correo electrónico de terceros, si se utilizan. El paciente entiende y acepta que el médico hará todo lo posible por minimizar el riesgo de violaciones de la confidencialidad por factores que estén bajo su control, pero no puede garantizar que la información no cifrada no sea interceptada, alterada o leída por un destinatario no previsto.',
    ],
  },
  {
    id: 'secure-messaging',
    heading: '¿Qué es la mensajería segura?',
    paragraphs: [
      'De manera similar a la banca en línea, a los pacientes se les asignará una identificación (ID) y una contraseña iniciales para iniciar sesión en una cuenta personal del portal dentro del sitio web del consultorio. Cuando se envían mensajes, estos se guardan dentro del servidor de mensajería segura. El servidor envía un correo electrónico al paciente como notificación de que tiene un mensaje por recuperar. Se le proporcionará al paciente un enlace para conectarse directamente al sitio web del consultorio e iniciar sesión en su portal personal para ver o responder el mensaje enviado.',
    ],
  },
];

export const DEMO_POLICY_DOCUMENTS: PolicyDocument[] = [
  {
    version: DEMO_POLICY_VERSION,
    publishedAt: DEMO_POLICY_PUBLISHED_AT,
    title: 'Email Policy and Procedures',
    locale: 'en',
    sections: POLICY_EN,
  },
  {
    version: DEMO_POLICY_VERSION,
    publishedAt: DEMO_POLICY_PUBLISHED_AT,
    title: 'Política y procedimientos de correo electrónico',
    locale: 'es',
    sections: POLICY_ES,
  },
];

// ================================================================ personas

export type PersonaId = 'dana' | 'newbie' | 'rory' | 'bea';

export interface Persona {
  id: PersonaId;
  password: string;
  displayName: string;
  email?: string;
  /** Still on the office-issued password. */
  mustChangePassword: boolean;
  consented: boolean;
  messagingAllowed: boolean;
  emailBounced: boolean;
}

export const DEMO_PERSONAS: Readonly<Record<PersonaId, Persona>> = {
  dana: {
    id: 'dana',
    password: 'dana-demo-password',
    displayName: 'Dana Morales',
    email: 'dana@example.com',
    mustChangePassword: false,
    consented: true,
    messagingAllowed: true,
    emailBounced: false,
  },
  newbie: {
    id: 'newbie',
    password: 'welcome-newbie-2026',
    displayName: 'Noah Bennett',
    mustChangePassword: true,
    consented: false,
    messagingAllowed: true,
    emailBounced: false,
  },
  rory: {
    id: 'rory',
    password: 'rory-demo-password',
    displayName: 'Rory Callahan',
    email: 'rory@example.com',
    mustChangePassword: false,
    consented: true,
    messagingAllowed: false,
    emailBounced: false,
  },
  bea: {
    id: 'bea',
    password: 'bea-demo-password',
    displayName: 'Bea Okafor',
    email: 'bea@example.com',
    mustChangePassword: false,
    consented: true,
    messagingAllowed: true,
    emailBounced: true,
  },
};

// ================================================================ threads

/** A thread ready to insert: rows for the store, plus any files (metadata + bytes). */
export interface SeedThread {
  thread: NewThread;
  messages: MessageRecord[];
  files?: Array<{ record: AttachmentRecord; bytes: Uint8Array }>;
}

const ROUTINE: TriageStamp = { level: 'routine', codes: [], acknowledged: true };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const DR_PATEL: Sender = { kind: 'staff', name: 'Dr. Maya Patel', role: 'physician' };
const NURSE: Sender = { kind: 'staff', name: 'Sam Ortiz, RN', role: 'nurse' };
const FRONT_DESK: Sender = { kind: 'staff', name: 'Front desk', role: 'staff' };
const BILLING: Sender = { kind: 'staff', name: 'Billing office', role: 'billing' };

const patient = (p: Persona): Sender => ({ kind: 'patient', name: p.displayName, role: 'patient' });
const iso = (ms: number) => new Date(ms).toISOString();

interface Say {
  id: string;
  from: Sender;
  at: number;
  body: string;
  fields?: Record<string, string>;
  read?: boolean;
  attachments?: AttachmentRecord[];
}

function thread(
  id: string,
  patientId: string,
  category: NewThread['category'],
  subject: string,
  says: Say[],
): SeedThread {
  const messages: MessageRecord[] = says.map((s) => ({
    id: s.id,
    threadId: id,
    patientId,
    sender: s.from,
    sentAt: iso(s.at),
    body: s.body,
    attachments: (s.attachments ?? []).map(({ id: aid, filename, contentType, size }) => ({
      id: aid,
      filename,
      contentType,
      size,
    })),
    ...(s.fields && { fields: s.fields }),
    ...(s.from.kind === 'patient' && { triage: ROUTINE }),
    readAt: s.from.kind === 'staff' && s.read !== false ? iso(s.at + HOUR) : null,
  }));
  return {
    thread: {
      id,
      patientId,
      subject,
      subjectKey: normalizeForSearch(subject),
      category,
      createdAt: messages[0]!.sentAt,
    },
    messages,
  };
}

/** The smallest well-formed PDF we can offer for download in the demo. */
const TINY_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** The personas' conversation history, relative to `now`. */
export function demoThreads(now: Date): SeedThread[] {
  const t = now.getTime();
  const { dana, rory, bea } = DEMO_PERSONAS;
  const beaForm: AttachmentRecord = {
    id: 'demo-bea-form-pdf',
    patientId: 'bea',
    filename: 'school-physical-form.pdf',
    contentType: 'application/pdf',
    size: TINY_PDF.byteLength,
    messageId: 'demo-bea-form-1',
    sha256: '',
    createdAt: iso(t - 6 * DAY),
  };
  const beaThread = thread('demo-bea-form', 'bea', 'health-form', 'School physical form for Ada', [
    {
      id: 'demo-bea-form-1',
      from: patient(bea),
      at: t - 6 * DAY,
      body: 'Attached is the school physical form for my daughter Ada. Could Dr. Patel sign it?',
      fields: { formName: 'Dallas ISD physical form', dueDate: iso(t + 10 * DAY).slice(0, 10) },
      attachments: [beaForm],
    },
    {
      id: 'demo-bea-form-2',
      from: NURSE,
      at: t - 5 * DAY,
      body: 'Dr. Patel signed the form. You can pick it up at the front desk, or we can mail it.',
    },
  ]);
  beaThread.files = [{ record: beaForm, bytes: TINY_PDF }];

  return [
    thread('demo-dana-refill', 'dana', 'refill', 'Lisinopril refill', [
      {
        id: 'demo-dana-refill-1',
        from: patient(dana),
        at: t - 9 * DAY,
        body: 'Hello, I need a refill of my blood pressure medication, please.',
        fields: {
          medication: 'Lisinopril',
          dose: '10 mg once a day',
          pharmacy: 'CVS, Campbell Rd, Dallas',
          daysLeft: '5',
        },
      },
      {
        id: 'demo-dana-refill-2',
        from: NURSE,
        at: t - 9 * DAY + 5 * HOUR,
        body: 'Your refill was sent to CVS on Campbell Rd. It should be ready tomorrow afternoon.',
      },
    ]),
    thread('demo-dana-physical', 'dana', 'appointment', 'Annual physical', [
      {
        id: 'demo-dana-physical-1',
        from: patient(dana),
        at: t - 20 * DAY,
        body: 'I would like to schedule my annual physical.',
        fields: { reason: 'Annual physical', preferredTimes: 'Tuesday or Thursday mornings' },
      },
      {
        id: 'demo-dana-physical-2',
        from: FRONT_DESK,
        at: t - 19 * DAY,
        body: 'We booked your annual physical with Dr. Patel. You will get a reminder two days before.',
      },
    ]),
    thread('demo-dana-labs', 'dana', 'clinical', 'Question about my cholesterol results', [
      {
        id: 'demo-dana-labs-1',
        from: patient(dana),
        at: t - 2 * DAY,
        body: 'I saw my cholesterol results in the portal. Should I change anything before my next visit?',
      },
      {
        id: 'demo-dana-labs-2',
        from: DR_PATEL,
        at: t - 1 * DAY,
        body: 'Hi Dana, your results look better than last year. Keep up the walking, and we will recheck them at your physical. — Dr. Patel',
        read: false,
      },
    ]),
    thread('demo-dana-billing', 'dana', 'billing', 'Question about my November statement', [
      {
        id: 'demo-dana-billing-1',
        from: patient(dana),
        at: t - 4 * HOUR,
        body: 'My statement shows a charge I do not recognise. Could you explain it?',
        fields: { statementDate: iso(t - 12 * DAY).slice(0, 10), amount: '45.00' },
      },
    ]),
    thread('demo-rory-refill', 'rory', 'refill', 'Albuterol inhaler refill', [
      {
        id: 'demo-rory-refill-1',
        from: patient(rory),
        at: t - 30 * DAY,
        body: 'Please refill my inhaler.',
        fields: {
          medication: 'Albuterol inhaler',
          dose: '2 puffs as needed',
          pharmacy: 'Walgreens, Preston Rd',
          daysLeft: '3',
        },
      },
      { id: 'demo-rory-refill-2', from: NURSE, at: t - 29 * DAY, body: 'Sent to Walgreens on Preston Rd.' },
    ]),
    thread('demo-rory-billing', 'rory', 'bill-payment', 'Payment plan', [
      {
        id: 'demo-rory-billing-1',
        from: patient(rory),
        at: t - 45 * DAY,
        body: 'Can I pay my bill in three parts?',
        fields: { amount: '300.00' },
      },
      {
        id: 'demo-rory-billing-2',
        from: BILLING,
        at: t - 44 * DAY,
        body: 'Yes. We set up a three-month payment plan; the first payment is due on the 1st.',
      },
    ]),
    beaThread,
  ];
}

/** Insert threads (and their files) whose ids are not there yet. Safe to call twice. */
export async function insertSeedThreads(backend: PortalBackend, threads: readonly SeedThread[]): Promise<void> {
  const { store, blobs } = backend;
  for (const { thread: t, messages, files } of threads) {
    if (await store.getThreadById(t.id)) continue;
    for (const f of files ?? []) {
      await blobs.put(f.record.id, f.bytes);
      await store.insertAttachment(f.record);
    }
    const [first, ...rest] = messages;
    await store.insertThread(t, first!);
    for (const m of rest) await store.insertMessage(m);
  }
}

// ================================================================ seeding

export interface SeedOptions {
  /** What "now" the history is relative to; defaults to the backend's clock. */
  now?: Date;
  /** Seed the personas and their threads (default true); false seeds only the clinic and policy. */
  personas?: boolean;
}

/**
 * Seed the demo clinic, policy, personas and history. Idempotent: anything
 * already present (by id or version) is left alone, so running it on every
 * start of the mock or the reference server is fine.
 */
export async function seedDemo(backend: PortalBackend, options: SeedOptions = {}): Promise<void> {
  const { store } = backend;
  const now = options.now ?? backend.clock();
  if (!(await store.getClinicConfig())) await store.putClinicConfig(DEMO_CLINIC);
  await store.insertPolicy({
    version: DEMO_POLICY_VERSION,
    publishedAt: DEMO_POLICY_PUBLISHED_AT,
    documents: DEMO_POLICY_DOCUMENTS,
  }); // false when already there: fine
  if (options.personas === false) return;

  for (const persona of Object.values(DEMO_PERSONAS)) {
    if (await store.getPatient(persona.id)) continue;
    await backend.provisionPatient(persona.id, persona.displayName, persona.password, persona.email);
    await store.updatePatient(persona.id, {
      mustChangePassword: persona.mustChangePassword,
      messagingAllowed: persona.messagingAllowed,
    });
    if (persona.consented) {
      const acceptedAt = Math.max(Date.parse(DEMO_POLICY_PUBLISHED_AT), now.getTime() - 60 * DAY);
      await store.insertConsent({
        patientId: persona.id,
        version: DEMO_POLICY_VERSION,
        acceptedAt: iso(Math.min(acceptedAt, now.getTime())),
      });
    }
    if (persona.emailBounced) {
      const prefs = await store.getPreferences(persona.id);
      if (prefs)
        await store.putPreferences({ ...prefs, email: { ...prefs.email, bouncedAt: iso(now.getTime() - 2 * DAY) } });
    }
  }
  await insertSeedThreads(backend, demoThreads(now));
}

// ================================================================ scale: deterministic bulk threads

/** mulberry32: tiny, fast, deterministic. Not for secrets. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SCALE_SUBJECTS: ReadonlyArray<[NewThread['category'], string]> = [
  ['refill', 'Refill: Metformin 500 mg'],
  ['refill', 'Refill for Atorvastatin'],
  ['appointment', 'Follow-up visit'],
  ['appointment', 'Reschedule my appointment'],
  ['billing', 'Question about my statement'],
  ['billing', 'Insurance claim – résumé of charges'],
  ['clinical', 'Question after my visit'],
  ['clinical', 'Médication side effects?'],
  ['health-form', 'Sports physical form'],
  ['health-form', 'Work note'],
  ['bill-payment', 'Payment plan question'],
  ['bill-payment', 'Paid my bill twice?'],
];

export interface GenerateOptions {
  patientId?: string;
  /** The newest thread's activity time; older threads go back from here. Default 2026-12-01T18:00Z. */
  now?: Date;
  seed?: number;
}

/**
 * `n` threads for one patient, the same every time for the same options (for the
 * 10,000-thread scale stories and pagination tests). Every seventh has an unread
 * staff reply; some pairs share a timestamp, so the cursor's id tie-break is exercised.
 */
export function generateThreads(n: number, options: GenerateOptions = {}): SeedThread[] {
  const patientId = options.patientId ?? 'dana';
  const random = prng(options.seed ?? 20261201);
  let at = (options.now ?? new Date('2026-12-01T18:00:00.000Z')).getTime();
  const name = DEMO_PERSONAS[patientId as PersonaId]?.displayName ?? 'Demo Patient';
  const me: Sender = { kind: 'patient', name, role: 'patient' };
  const out: SeedThread[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 10 !== 9) at -= Math.floor(random() * 6 * HOUR) + 60_000; // every 10th shares the previous timestamp
    const [category, base] = SCALE_SUBJECTS[i % SCALE_SUBJECTS.length]!;
    const id = `gen-${patientId}-${String(i).padStart(6, '0')}`;
    const subject = `${base} #${i + 1}`;
    const says: Say[] = [
      { id: `${id}-1`, from: me, at: at - 2 * HOUR, body: `Message ${i + 1}: ${base.toLowerCase()}.` },
    ];
    if (i % 3 !== 2) {
      says.push({
        id: `${id}-2`,
        from: i % 2 ? NURSE : DR_PATEL,
        at,
        body: `Reply to message ${i + 1}.`,
        read: i % 7 !== 0,
      });
    } else {
      says[0]!.at = at;
    }
    const seeded = thread(id, patientId, category, subject, says);
    seeded.messages.forEach((m) => {
      if (m.sender.kind === 'patient') delete m.fields; // no structured fields in bulk data
    });
    out.push(seeded);
  }
  return out;
}

// ================================================================ hostile content

const bodyOfLength = (seed: string, length: number) => seed.repeat(Math.ceil(length / seed.length)).slice(0, length);

/**
 * Threads designed to break naive rendering, all *within* the contract (so a
 * validating client accepts them): markup and script, `javascript:` links,
 * bidi overrides and RTL text, zero-width characters, combining-mark stacks,
 * maximum-length bodies (the contract caps a message at 5,000 characters, so
 * the 10,000-character case is two maximal messages in one thread) and
 * unbreakable long words, in subjects, bodies, sender names and filenames.
 */
export function hostileThreads(patientId: string, now: Date): SeedThread[] {
  const t = now.getTime();
  const evil = (name: string): Sender => ({ kind: 'staff', name, role: 'staff' });
  const file = (id: string, filename: string): AttachmentRecord => ({
    id,
    patientId,
    filename,
    contentType: 'application/pdf',
    size: TINY_PDF.byteLength,
    messageId: 'hostile-file-1-msg', // all four hang off the one message below
    sha256: '',
    createdAt: iso(t - DAY),
  });
  const files = [
    file('hostile-file-1', '<img src=x onerror=alert(1)>.pdf'),
    file('hostile-file-2', 'invoice\u202Efdp.exe'),
    file('hostile-file-3', '../../etc/passwd'),
    file('hostile-file-4', `${'a'.repeat(LIMITS.filenameMax - 4)}.pdf`),
  ];
  const longWord = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3).slice(0, LIMITS.subjectMax);
  const threads = [
    thread('hostile-script', patientId, 'clinical', '<script>alert("subject")</script> Results', [
      {
        id: 'hostile-script-1',
        from: evil('<img src=x onerror=alert("name")>'),
        at: t - 1 * HOUR,
        read: false,
        body: '<script>alert("body")</script>\n<a href="javascript:alert(1)">click me</a>\n[also me](javascript:alert(document.cookie))\n&lt;b&gt;escaped already&lt;/b&gt; &amp;amp;',
      },
    ]),
    thread('hostile-bidi', patientId, 'billing', 'Invoice \u202Egnp.exe\u202C and مرحبا שלום', [
      {
        id: 'hostile-bidi-1',
        from: evil('\u202EDr. Reversed\u202C'),
        at: t - 2 * HOUR,
        read: false,
        body: 'Right-to-left override: \u202Ethis text is reversed\u202C. Isolates: \u2067مرحبا بالعالم\u2069. Hebrew: שלום עולם. Mixed 123 עם numbers.',
      },
    ]),
    thread('hostile-zero-width', patientId, 'refill', 'Re\u200Bfi\u200Cll\u200D\uFEFF pl\u00ADease', [
      {
        id: 'hostile-zero-width-1',
        from: evil('Nu\u200Brse\u200D Z\u0338\u0322\u031Ba\u0338l\u0335g\u0334o\u0336'),
        at: t - 3 * HOUR,
        body: 'Zero\u200Bwidth\u200Cjoiners\u200D everywhere\uFEFF. Combining: Z̷̢̛̤̱͆͗a̸̡̯͌l̵̰̑g̴̱̈́o̶̥͝. Emoji: 👩‍👩‍👧‍👦 🏳️‍🌈 🇺🇸.',
      },
    ]),
    thread('hostile-long', patientId, 'health-form', longWord, [
      {
        id: 'hostile-long-1',
        from: evil('X'.repeat(120)),
        at: t - 4 * HOUR,
        body: bodyOfLength('A very long message that goes on and on. ', 10_000),
      },
      {
        id: 'hostile-long-2',
        from: evil('Y'),
        at: t - 4 * HOUR + 1000,
        body: `${'W'.repeat(6000)} https://example.com/${'path/'.repeat(300)}`.slice(0, 10_000),
      },
    ]),
    thread('hostile-files', patientId, 'health-form', 'Files with hostile names', [
      { id: 'hostile-file-1-msg', from: evil('Records'), at: t - 5 * HOUR, body: 'See attached.', attachments: files },
    ]),
  ];
  threads[4]!.files = files.map((record) => ({ record, bytes: TINY_PDF }));
  return threads;
}
