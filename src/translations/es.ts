/** Spanish. Loaded on demand (never in the English bundle). */
import type { Translation } from './en.js';

export const es: Translation = {
  $code: 'es',
  $name: 'Español',
  $dir: 'ltr',

  // ---- common
  'common.loading': 'Cargando…',
  'common.retry': 'Intentar de nuevo',
  'common.close': 'Cerrar',
  'common.cancel': 'Cancelar',
  'common.save': 'Guardar',
  'common.saving': 'Guardando…',
  'common.saved': 'Guardado',
  'common.required': 'obligatorio',
  'common.optional': 'opcional',
  'common.callOffice': (phone: string) => `Llame a la oficina al ${phone}`,
  'common.call911': (number: string) => `Llame al ${number}`,
  'common.errorSummary': (count: number) =>
    count === 1 ? 'Hay 1 problema que corregir:' : `Hay ${count} problemas que corregir:`,
  'common.characterCount': (used: number, max: number) => `${used} de ${max} caracteres`,
  'common.charactersLeft': (left: number) => (left === 1 ? 'Queda 1 carácter' : `Quedan ${left} caracteres`),
  'common.charactersOver': (over: number) => (over === 1 ? '1 carácter de más' : `${over} caracteres de más`),

  // ---- errors
  'error.title': 'Algo salió mal',
  'error.network': 'No pudimos comunicarnos con el servidor de la clínica. Revise su conexión a internet e intente de nuevo.',
  'error.timeout': 'El servidor de la clínica está tardando demasiado en responder. Intente de nuevo.',
  'error.aborted': 'Se canceló la solicitud.',
  'error.contract': 'El servidor de la clínica envió algo inesperado. Intente de nuevo; si continúa, llame a la oficina.',
  'error.misconfigured':
    'Este componente del portal no está configurado: necesita el atributo api-base o un <portal-provider> que lo rodee. (Mensaje para el administrador del sitio web.)',
  'error.unauthorized': 'Inicie sesión para continuar.',
  'error.forbidden': 'No tiene acceso a esto.',
  'error.not-found': 'No encontramos lo que busca. Es posible que se haya eliminado.',
  'error.validation': 'Hay información que debe corregirse.',
  'error.rate-limited': (seconds?: number) =>
    seconds ? `Demasiados intentos. Espere ${formatWait(seconds)} e intente de nuevo.` : 'Demasiados intentos. Espere un momento e intente de nuevo.',
  'error.conflict': 'Esto cambió mientras tanto. Vuelva a cargar e intente de nuevo.',
  'error.payload-too-large': 'El archivo o mensaje es demasiado grande.',
  'error.unsupported-media-type': 'Ese tipo de archivo no se acepta.',
  'error.server': 'El servidor de la clínica tuvo un problema. Intente de nuevo en unos minutos.',
  'error.invalid-credentials': 'El número de paciente o la contraseña no son correctos.',
  'error.locked-out': (seconds?: number) =>
    seconds
      ? `El inicio de sesión está en pausa por demasiados intentos. Espere ${formatWait(seconds)} antes de intentarlo de nuevo.`
      : 'El inicio de sesión está en pausa por demasiados intentos. Espere antes de intentarlo de nuevo.',
  'error.password-change-required': 'Elija su propia contraseña antes de continuar.',
  'error.password-rejected': 'Esa contraseña no se puede usar.',
  'error.consent-required': 'Primero lea y acepte la política de mensajes.',
  'error.messaging-revoked': 'El envío de mensajes está desactivado para su cuenta.',
  'error.session-expired': 'Su sesión terminó. Inicie sesión de nuevo.',
  'error.csrf-rejected': 'No pudimos verificar su solicitud. Vuelva a cargar la página.',
  'error.idempotency-mismatch': 'Este mensaje ya se envió con otro contenido. Revíselo y envíelo de nuevo.',

  // ---- provider / shared states
  'provider.mockNotice': 'Modo de demostración: esta página usa un servidor de clínica simulado en su navegador.',
  'state.signedOut': 'Su sesión está cerrada.',
  'state.revoked.title': 'Los mensajes están desactivados para su cuenta',
  'state.revoked.body': (clinic: string) =>
    `${clinic} desactivó los mensajes en línea para su cuenta. Todavía puede leer sus mensajes anteriores. Para comunicarse con la oficina, llame por teléfono.`,
  'state.bounced.title': 'No pudimos entregar correos a su dirección de notificaciones',
  'state.bounced.body':
    'Los avisos por correo sobre mensajes nuevos no le están llegando. Actualice su correo electrónico en sus preferencias o llame a la oficina.',
};

function formatWait(seconds: number): string {
  const fmt = (value: number, unit: 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat('es', { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  if (seconds < 60) return fmt(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 3600) return fmt(Math.ceil(seconds / 60), 'minute');
  return fmt(Math.ceil(seconds / 3600), 'hour');
}
