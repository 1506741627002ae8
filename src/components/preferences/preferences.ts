import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus } from '@lit/task';
import { toPortalError, type PortalError } from '../../api/errors.js';
import type {
  Locale,
  NotificationChannel,
  NotificationTopic,
  Preferences,
  SignedInSession,
} from '../../api/schemas.js';
import { validate } from '../../api/validate.js';
import { EmailChangeRequest } from '../../api/validators.generated.js';
import { PortalPasswordChangedEvent, PortalPreferencesSavedEvent } from '../../events/events.js';
import { bounceBannerStyles, renderBounceBanner } from '../../internal/bounce-banner.js';
import { PortalElement } from '../../internal/portal-element.js';
import { preferencesStyles } from './preferences.styles.js';
import { bounce, prefs } from '../../translations/en.js';

type PasswordRules = typeof import('../../policy/password-rules.js');
type Notifications = Preferences['notifications'];

const TOPICS: readonly NotificationTopic[] = ['labResults', 'testResults', 'appointments'];
/** Each language named in itself, so a patient finds theirs whatever the page's language. */
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };

type EmailMode = 'view' | 'change' | 'verify';
type EmailFieldError = {
  newAddress?: 'required' | 'invalid' | 'same' | 'undeliverable';
  password?: 'passwordRequired' | 'passwordWrong';
  code?: 'codeFormat' | 'codeWrong' | 'codeExpired';
};
type NewPasswordError =
  'newRequired' | 'too-short' | 'too-long' | 'common' | 'matches-id' | 'same-as-current' | 'rejected';
type PasswordFieldError = {
  current?: 'currentRequired' | 'currentWrong';
  new?: NewPasswordError;
  confirm?: 'confirmRequired' | 'mismatch';
};
type FormName = 'notify' | 'email' | 'verify' | 'password';

/** Thrown in place of an answer that arrived after the session changed. */
const STALE = Symbol('stale');

interface TextFieldOptions {
  id: string;
  label: string;
  value: string;
  type: 'email' | 'password' | 'text';
  autocomplete: 'email' | 'current-password' | 'new-password' | 'one-time-code';
  hint?: string | undefined;
  error?: string | undefined;
  inputmode?: 'numeric' | 'email';
  maxlength?: number;
  onInput: (value: string) => void;
}

/**
 * How the patient wants to be reached, in which language, at which email
 * address, and with which password.
 *
 * Each part saves on its own, through the API, with a clear success or failure
 * message; a failed save keeps everything the patient chose or typed. The
 * language applies to every widget at once. Changing the notification email
 * takes the current password and a 6-digit code sent to the new address. When
 * notifications to the address bounce, a calm banner at the top says so and
 * leads to the email form (or the office phone). While there are unsaved
 * changes, leaving the page asks first.
 *
 * @tag portal-preferences
 * @summary The patient's notification, language, email and password preferences.
 *
 * @event portal-preferences-saved - Contact choices or the language were saved. `detail: { language }`.
 * @event portal-password-changed - The patient changed their password. `detail: {}`.
 * @event portal-load-error - The preferences could not be loaded. `detail: { element, type, status? }`.
 *
 * @csspart base - The whole widget.
 * @csspart section - One part of the preferences (language, contact, email, password).
 * @csspart form - A form (contact choices, email change, code, password).
 * @csspart field - A field or a group of choices.
 * @csspart submit-button - A form's submit button.
 * @csspart error - An error message or the error summary.
 * @csspart error-summary - The list of problems shown (and focused) when a form is submitted with errors.
 * @csspart status - A save status ("saved", "unsaved changes").
 * @csspart bounce-banner - The banner shown when notification email bounced.
 * @csspart bounce-fix-button - The banner's "Update your email" button.
 * @csspart loading - The loading indicator.
 * @csspart retry-button - The "Try again" button of an error.
 * @csspart revoked - The notice for a patient whose messaging was turned off.
 *
 * @cssproperty --portal-preferences-measure - Maximum width of the widget (default 44rem).
 * @cssproperty --portal-color-primary - Brand color for buttons, links and the selected choice.
 *
 * @cssstate loading - The preferences are loading.
 * @cssstate ready - The preferences are shown.
 * @cssstate error - The preferences could not be loaded.
 * @cssstate submitting - A change is being saved.
 */
export class PortalPreferences extends PortalElement {
  static override strings = [prefs, bounce];

  static override styles = [...PortalElement.styles, bounceBannerStyles, preferencesStyles];

  /** True while something chosen or typed here has not been saved (host pages can check it before navigating). */
  get hasUnsavedChanges(): boolean {
    return this.#notifyDirty || this.#emailDirty || this.#passwordDirty;
  }

  // ---- loaded state
  /** The backend's last word on this patient's preferences. */
  @state() private prefs: Preferences | null = null;

  // ---- contact choices
  @state() private draft: Notifications | null = null;
  @state() private notifyBusy = false;
  @state() private notifySaved = false;
  @state() private notifyError: PortalError | null = null;
  @state() private notifyFieldErrors: Partial<Record<NotificationTopic, 'invalid'>> = {};

  // ---- language
  @state() private language: Locale | null = null;
  @state() private languageBusy = false;
  @state() private languageSaved = false;
  @state() private languageError: PortalError | null = null;

  // ---- email
  @state() private emailMode: EmailMode = 'view';
  @state() private newAddress = '';
  @state() private emailPassword = '';
  @state() private code = '';
  @state() private emailBusy = false;
  @state() private emailErrors: EmailFieldError = {};
  @state() private emailError: PortalError | null = null;
  @state() private emailVerified = false;

  // ---- password
  @state() private currentPassword = '';
  @state() private newPassword = '';
  @state() private confirmPassword = '';
  @state() private showPasswords = false;
  @state() private passwordBusy = false;
  @state() private passwordErrors: PasswordFieldError = {};
  @state() private passwordError: PortalError | null = null;
  @state() private passwordChanged = false;
  @state() private rules: PasswordRules | null = null;

  /** Which form's error summary is showing (set on a submit with field errors). */
  @state() private summaryFor: FormName | null = null;

  #patientKey: string | null = null;
  #focusAfterRender: string | null = null;
  #guarding = false;
  #rulesLoading?: Promise<PasswordRules>;

  #task = new Task(this, {
    task: async ([client, patientKey], { signal }) => {
      if (!client || !patientKey) return null;
      try {
        const prefs = await client.getPreferences({ signal });
        if (!signal.aborted) this.#adopt(prefs, { resetDraft: true });
        return prefs;
      } catch (error) {
        const portalError = this.reportLoadError(error);
        if (portalError.needsSignIn) this.portal?.host.sessionExpired();
        throw portalError;
      }
    },
    args: () => [this.portal?.client, this.#loadKey()] as const,
  });

  // ------------------------------------------------------------ lifecycle

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#setGuard(false);
  }

  get #session(): SignedInSession | null {
    const session = this.portal?.session;
    return session?.authenticated ? session : null;
  }

  /** Preferences need a fully set-up patient (the office-issued password changed). */
  #loadKey(): string | null {
    const session = this.#session;
    return session && !session.mustChangePassword ? session.patient.id : null;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    const key = this.#session?.patient.id ?? null;
    if (key !== this.#patientKey) {
      // Signed out or a different patient: forget everything about the previous one.
      this.#patientKey = key;
      this.#reset();
    }
    this.setWidgetState(this.#widgetState());
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    this.#setGuard(this.hasUnsavedChanges);
    if (this.#focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusAfterRender);
      this.#focusAfterRender = null;
      target?.focus();
    }
  }

  #widgetState() {
    if (this.notifyBusy || this.languageBusy || this.emailBusy || this.passwordBusy) return 'submitting' as const;
    if (this.portal?.status === 'error' || this.#task.status === TaskStatus.ERROR) return 'error' as const;
    if (this.prefs) return 'ready' as const;
    if (this.portal?.status === 'ready' && !this.#loadKey()) return 'ready' as const; // signed-out / password-first notices
    return 'loading' as const;
  }

  #reset() {
    this.prefs = null;
    this.draft = null;
    this.notifyBusy = this.languageBusy = this.emailBusy = this.passwordBusy = false;
    this.notifySaved = this.languageSaved = this.emailVerified = this.passwordChanged = false;
    this.notifyError = this.languageError = this.emailError = this.passwordError = null;
    this.notifyFieldErrors = {};
    this.language = null;
    this.emailMode = 'view';
    this.newAddress = this.emailPassword = this.code = '';
    this.emailErrors = {};
    this.currentPassword = this.newPassword = this.confirmPassword = '';
    this.showPasswords = false;
    this.passwordErrors = {};
    this.summaryFor = null;
  }

  /** Take the server's preferences; the form keeps unsaved choices unless asked to reset. */
  #adopt(prefs: Preferences, options: { resetDraft?: boolean } = {}) {
    this.prefs = prefs;
    if (options.resetDraft || !this.draft) this.draft = { ...prefs.notifications };
    this.language ??= prefs.language;
    if (options.resetDraft) this.language = prefs.language;
    if (prefs.email.status === 'pending-verification' && prefs.email.pendingAddress && this.emailMode === 'view') {
      this.emailMode = 'verify';
    }
  }

  // ------------------------------------------------------------ unsaved-changes guard

  get #notifyDirty(): boolean {
    const saved = this.prefs?.notifications;
    const draft = this.draft;
    return !!saved && !!draft && TOPICS.some((topic) => saved[topic] !== draft[topic]);
  }

  get #emailDirty(): boolean {
    return (
      (this.emailMode === 'change' && this.newAddress.trim() !== '') ||
      (this.emailMode === 'verify' && this.code !== '')
    );
  }

  get #passwordDirty(): boolean {
    return this.currentPassword !== '' || this.newPassword !== '' || this.confirmPassword !== '';
  }

  /** Listen for page unload only while dirty (an idle listener would also spoil the back/forward cache). */
  #setGuard(on: boolean) {
    if (on === this.#guarding) return;
    this.#guarding = on;
    if (on) window.addEventListener('beforeunload', this.#onBeforeUnload);
    else window.removeEventListener('beforeunload', this.#onBeforeUnload);
  }

  #onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!this.hasUnsavedChanges) return;
    event.preventDefault();
    event.returnValue = ''; // older browsers need it set to show the prompt
  };

  // ------------------------------------------------------------ contact choices

  #onChannel(topic: NotificationTopic, channel: NotificationChannel) {
    if (!this.draft) return;
    this.draft = { ...this.draft, [topic]: channel };
    this.notifySaved = false;
    if (this.notifyFieldErrors[topic]) {
      const { [topic]: _cleared, ...rest } = this.notifyFieldErrors;
      this.notifyFieldErrors = rest;
    }
  }

  #saveNotifications = async (event?: Event) => {
    event?.preventDefault();
    const portal = this.portal;
    const draft = this.draft;
    if (!portal || !draft || this.notifyBusy) return;
    this.notifyBusy = true;
    this.notifySaved = false;
    this.notifyError = null;
    this.notifyFieldErrors = {};
    if (this.summaryFor === 'notify') this.summaryFor = null;
    const sent = { ...draft };
    try {
      const prefs = await this.#call(() => portal.client.updatePreferences({ notifications: sent }));
      this.#adopt(prefs);
      // Choices made while saving stay; the ones just saved now match the server's.
      if (TOPICS.every((topic) => this.draft?.[topic] === sent[topic])) this.draft = { ...prefs.notifications };
      this.notifySaved = true;
      this.dispatchEvent(new PortalPreferencesSavedEvent({ language: prefs.language }));
    } catch (error) {
      if (error === STALE) return; // the patient changed meanwhile: this answer is not theirs
      const portalError = this.#submitFailed(error);
      const fieldErrors: Partial<Record<NotificationTopic, 'invalid'>> = {};
      for (const fieldError of portalError.fieldErrors) {
        const topic = TOPICS.find((t) => fieldError.field === `notifications.${t}` || fieldError.field === t);
        if (topic) fieldErrors[topic] = 'invalid';
      }
      if (Object.keys(fieldErrors).length > 0) {
        this.notifyFieldErrors = fieldErrors;
        this.summaryFor = 'notify';
        this.#focusAfterRender = '#notify-summary';
      } else {
        this.notifyError = portalError;
        this.#focusAfterRender = '#notify-error';
      }
    } finally {
      this.notifyBusy = false;
    }
  };

  // ------------------------------------------------------------ language

  #onLanguage = async (locale: Locale) => {
    const portal = this.portal;
    if (!portal) return;
    this.language = locale;
    this.languageSaved = false;
    this.languageError = null;
    // Applied at once, to every widget sharing this provider, before the save finishes.
    portal.host.setPreferredLocale(locale);
    await this.#saveLanguage(locale);
  };

  async #saveLanguage(locale: Locale) {
    const portal = this.portal;
    if (!portal) return;
    this.languageBusy = true;
    try {
      const prefs = await this.#call(() => portal.client.updatePreferences({ language: locale }));
      if (this.language !== locale) return; // a newer choice is on its way
      this.#adopt(prefs);
      const session = portal.host.signedIn;
      if (session && (session.language !== prefs.language || !session.languageChosen))
        portal.host.setSession({ ...session, language: prefs.language, languageChosen: true });
      this.languageSaved = true;
      this.dispatchEvent(new PortalPreferencesSavedEvent({ language: prefs.language }));
    } catch (error) {
      if (error === STALE) return;
      if (this.language === locale) {
        this.languageError = this.#submitFailed(error);
      }
    } finally {
      this.languageBusy = false;
    }
  }

  // ------------------------------------------------------------ notification email

  /** The bounce banner's "Update your email": open the form and put the cursor in it. */
  #openEmailForm = async () => {
    if (this.emailMode === 'view') this.emailMode = 'change';
    this.emailVerified = false;
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>(
      this.emailMode === 'verify' ? '#email-code' : '#new-email',
    );
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  };

  #cancelEmail = () => {
    this.emailMode =
      this.prefs?.email.status === 'pending-verification' && this.prefs.email.pendingAddress ? 'verify' : 'view';
    this.newAddress = '';
    this.emailPassword = '';
    this.emailErrors = {};
    this.emailError = null;
    if (this.summaryFor === 'email') this.summaryFor = null;
    this.#focusAfterRender = this.emailMode === 'verify' ? '#email-code' : '#email-change-button';
  };

  #restartEmail = () => {
    this.emailMode = 'change';
    this.code = '';
    this.emailErrors = {};
    this.emailError = null;
    if (this.summaryFor === 'verify') this.summaryFor = null;
    this.#focusAfterRender = '#new-email';
  };

  #submitEmail = async (event: Event) => {
    event.preventDefault();
    const portal = this.portal;
    if (!portal || this.emailBusy) return;
    const address = this.newAddress.trim();
    const errors: EmailFieldError = {};
    if (address === '') errors.newAddress = 'required';
    else if (!isValidAddress(address)) errors.newAddress = 'invalid';
    if (this.emailPassword === '') errors.password = 'passwordRequired';
    this.emailError = null;
    if (this.#showFieldErrors('email', errors, (e) => (this.emailErrors = e))) return;

    this.emailBusy = true;
    try {
      const prefs = await this.#call(() =>
        portal.client.changeEmail({ newAddress: address, password: this.emailPassword }),
      );
      this.#adopt(prefs);
      this.emailMode = 'verify';
      this.newAddress = '';
      this.emailPassword = '';
      this.code = '';
      this.#focusAfterRender = '#email-code';
    } catch (error) {
      if (error === STALE) return;
      const portalError = this.#submitFailed(error);
      const fieldErrors: EmailFieldError = {};
      if (portalError.type === 'invalid-credentials') fieldErrors.password = 'passwordWrong';
      else if (portalError.type === 'conflict') fieldErrors.newAddress = 'same';
      else if (portalError.type === 'validation') {
        const fields = portalError.fieldErrors.map((f) => f.field);
        if (fields.includes('password')) fieldErrors.password = 'passwordRequired';
        const undeliverable = portalError.fieldErrors.some((f) => f.field === 'newAddress' && f.code === 'undeliverable');
        if (undeliverable) fieldErrors.newAddress = 'undeliverable';
        else if (fields.includes('newAddress') || !fields.includes('password')) fieldErrors.newAddress = 'invalid';
      }
      if (!this.#showFieldErrors('email', fieldErrors, (e) => (this.emailErrors = e))) {
        this.emailError = portalError;
        this.#focusAfterRender = '#email-error';
      }
    } finally {
      this.emailBusy = false;
    }
  };

  #submitCode = async (event: Event) => {
    event.preventDefault();
    const portal = this.portal;
    if (!portal || this.emailBusy) return;
    const code = this.code.replace(/\s+/g, '');
    this.emailError = null;
    const errors: EmailFieldError = /^[0-9]{6}$/.test(code) ? {} : { code: 'codeFormat' };
    if (this.#showFieldErrors('verify', errors, (e) => (this.emailErrors = e))) return;

    this.emailBusy = true;
    try {
      const prefs = await this.#call(() => portal.client.verifyEmail({ code }));
      this.#adopt(prefs);
      this.emailMode = 'view';
      this.code = '';
      this.emailVerified = true;
      const session = portal.host.signedIn;
      // The inbox and compose show the bounce banner from the session: the address is fixed now.
      if (session?.notificationEmailBounced && prefs.email.status !== 'bounced') {
        portal.host.setSession({ ...session, notificationEmailBounced: false });
      }
      this.#focusAfterRender = '#email-verified';
    } catch (error) {
      if (error === STALE) return;
      const portalError = this.#submitFailed(error);
      const fieldErrors: EmailFieldError = {};
      if (portalError.type === 'conflict') fieldErrors.code = 'codeExpired';
      else if (portalError.type === 'validation') {
        // Too many wrong codes cancels the change on the server: a new code is needed.
        const exhausted = portalError.fieldErrors.some((f) => f.code === 'too-many-attempts');
        fieldErrors.code = exhausted ? 'codeExpired' : 'codeWrong';
      }
      if (!this.#showFieldErrors('verify', fieldErrors, (e) => (this.emailErrors = e))) {
        this.emailError = portalError;
        this.#focusAfterRender = '#email-error';
      }
    } finally {
      this.emailBusy = false;
    }
  };

  // ------------------------------------------------------------ password

  /** The rules (and their blocklist) load on first use, never with the page. */
  #loadRules(): Promise<PasswordRules> {
    this.#rulesLoading ??= import('../../policy/password-rules.js').then((rules) => {
      this.rules = rules;
      return rules;
    });
    return this.#rulesLoading;
  }

  #submitPassword = async (event: Event) => {
    event.preventDefault();
    const portal = this.portal;
    const session = this.#session;
    if (!portal || !session || this.passwordBusy) return;
    this.passwordError = null;
    this.passwordChanged = false;
    const errors: PasswordFieldError = {};
    if (this.currentPassword === '') errors.current = 'currentRequired';
    if (this.newPassword === '') errors.new = 'newRequired';
    else {
      let rules: PasswordRules | null = null;
      try {
        rules = await this.#loadRules();
      } catch {
        // The server applies the same rules; without the module we let it decide.
      }
      const check = rules?.checkPassword(this.newPassword, {
        patientId: session.patient.id,
        ...(this.currentPassword !== '' ? { currentPassword: this.currentPassword } : {}),
      });
      if (check && !check.ok) errors.new = check.reason;
    }
    if (this.confirmPassword === '') errors.confirm = 'confirmRequired';
    else if (this.newPassword !== '' && this.confirmPassword !== this.newPassword) errors.confirm = 'mismatch';
    if (this.#showFieldErrors('password', errors, (e) => (this.passwordErrors = e))) return;

    this.passwordBusy = true;
    try {
      const request = { currentPassword: this.currentPassword, newPassword: this.newPassword };
      const updated = await this.#call(() => portal.client.changePassword(request));
      this.currentPassword = this.newPassword = this.confirmPassword = '';
      this.showPasswords = false;
      this.passwordChanged = true;
      this.#focusAfterRender = '#password-changed';
      portal.host.setSession(updated);
      this.dispatchEvent(new PortalPasswordChangedEvent());
    } catch (error) {
      if (error === STALE) return;
      const portalError = this.#submitFailed(error);
      const fieldErrors: PasswordFieldError = {};
      if (portalError.type === 'invalid-credentials') fieldErrors.current = 'currentWrong';
      else if (portalError.type === 'password-rejected' || portalError.type === 'validation') {
        for (const fieldError of portalError.fieldErrors) {
          if (fieldError.field === 'currentPassword') fieldErrors.current = 'currentWrong';
          else fieldErrors.new = toNewPasswordError(fieldError.code);
        }
        if (!fieldErrors.current && !fieldErrors.new) fieldErrors.new = 'rejected';
      }
      if (!this.#showFieldErrors('password', fieldErrors, (e) => (this.passwordErrors = e))) {
        this.passwordError = portalError;
        this.#focusAfterRender = '#password-error';
      }
    } finally {
      this.passwordBusy = false;
    }
  };

  // ------------------------------------------------------------ shared submit helpers

  /** Set a form's field errors; when there are any, show its summary and focus it. Returns whether there were. */
  #showFieldErrors<E extends object>(form: FormName, errors: E, set: (errors: E) => void): boolean {
    set(errors);
    const any = Object.values(errors).some(Boolean);
    if (any) {
      this.summaryFor = form;
      this.#focusAfterRender = `#${form}-summary`;
    } else if (this.summaryFor === form) {
      this.summaryFor = null;
    }
    return any;
  }

  /** Make a call for the current patient; if the session changes meanwhile, its answer is dropped (STALE). */
  async #call<T>(run: () => Promise<T>): Promise<T> {
    const key = this.#patientKey;
    try {
      const value = await run();
      if (key !== this.#patientKey) throw STALE;
      return value;
    } catch (error) {
      throw key !== this.#patientKey ? STALE : error;
    }
  }

  /** A save failed: mid-task session end asks for the password again (the form keeps its values). */
  #submitFailed(error: unknown): PortalError {
    const portalError = toPortalError(error);
    if (portalError.needsSignIn) this.portal?.host.requireReauth();
    return portalError;
  }

  // ------------------------------------------------------------ rendering

  protected override render() {
    if (this.misconfigured) return this.renderMisconfigured();
    const t = this.localize;
    const portal = this.portal;
    if (!portal || portal.status === 'loading') {
      return html`<div part="base">${this.renderLoading(t.term('prefs.loading'))}</div>`;
    }
    if (portal.status === 'error' && portal.error) {
      return html`<div part="base">${this.renderError(portal.error, () => void portal.host.reload())}</div>`;
    }
    const session = this.#session;
    if (!session) {
      return html`<div part="base" class="state">
        <p><strong>${t.term('state.signedOut')}</strong></p>
        <p>${t.term('prefs.signedOut')}</p>
      </div>`;
    }
    if (session.mustChangePassword) {
      return html`<div part="base">
        <div class="notice" role="status"><p>${t.term('error.password-change-required')}</p></div>
      </div>`;
    }
    const prefs = this.prefs;
    if (!prefs) {
      if (this.#task.status === TaskStatus.ERROR) {
        return html`<div part="base">
          ${this.renderError(toPortalError(this.#task.error), () => void this.#task.run())}
        </div>`;
      }
      return html`<div part="base">${this.renderLoading(t.term('prefs.loading'))}</div>`;
    }
    return html`<div part="base">
      <h2 class="page-title">${t.term('prefs.title')}</h2>
      ${
        this.#bounced(session, prefs)
          ? renderBounceBanner({
              localize: t,
              clinic: portal.clinic,
              onFix: this.#openEmailForm,
              bouncedAt: prefs.email.bouncedAt,
            })
          : nothing
      }
      ${
        session.messaging.allowed
          ? nothing
          : html`<div class="revoked">
              ${this.renderRevoked()}
              <p class="hint">${t.term('prefs.revokedNote')}</p>
            </div>`
      }
      ${this.#renderLanguage(prefs)} ${this.#renderNotifications(prefs)} ${this.#renderEmail(prefs)}
      ${this.#renderPassword()}
    </div>`;
  }

  /** Either source says so: the session (shared with the inbox) or the address's own status. */
  #bounced(session: SignedInSession, prefs: Preferences): boolean {
    return prefs.email.status === 'bounced' || session.notificationEmailBounced;
  }

  // ---- language

  #renderLanguage(prefs: Preferences) {
    const t = this.localize;
    const locales = (this.portal?.clinic?.locales ?? ['en', 'es']).filter((l): l is Locale => l === 'en' || l === 'es');
    if (locales.length < 2) return nothing;
    const chosen = this.language ?? prefs.language;
    return html`<section part="section" class="language" aria-labelledby="language-title">
      <h3 id="language-title">${t.term('prefs.language.title')}</h3>
      <fieldset part="field" aria-describedby="language-hint">
        <legend>${t.term('prefs.language.legend')}</legend>
        <p class="hint" id="language-hint">${t.term('prefs.language.hint')}</p>
        <div class="choices">
          ${locales.map(
            (locale) =>
              html`<label class="choice">
                <input
                  type="radio"
                  name="language"
                  value=${locale}
                  .checked=${live(chosen === locale)}
                  @change=${() => void this.#onLanguage(locale)}
                />
                <span lang=${locale}>${LANGUAGE_NAMES[locale]}</span>
              </label>`,
          )}
        </div>
      </fieldset>
      <p class="status-line saved" part="status" role="status">
        ${this.languageSaved ? t.term('prefs.language.saved', LANGUAGE_NAMES[chosen]) : nothing}
      </p>
      ${
        this.languageError
          ? html`<div class="notice danger" part="error" role="alert">
              <p>${t.term('prefs.language.failed')}</p>
              <p>${this.errorMessage(this.languageError)}</p>
              ${
                this.languageError.retryable
                  ? html`<button
                      class="button secondary"
                      part="retry-button"
                      type="button"
                      @click=${() => void this.#saveLanguage(chosen)}
                    >
                      ${t.term('common.retry')}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
    </section>`;
  }

  // ---- contact choices

  #renderNotifications(prefs: Preferences) {
    const t = this.localize;
    const draft = this.draft ?? prefs.notifications;
    const summary =
      this.summaryFor === 'notify'
        ? this.#renderSummary(
            'notify',
            TOPICS.filter((topic) => this.notifyFieldErrors[topic]).map((topic) => ({
              target: `#topic-${topic} input`,
              message: `${t.term(`prefs.topic.${topic}`)}: ${t.term('prefs.notify.invalid')}`,
            })),
          )
        : nothing;
    return html`<section part="section" aria-labelledby="notify-title">
      <h3 id="notify-title">${t.term('prefs.notify.title')}</h3>
      <p class="hint">${t.term('prefs.notify.intro')}</p>
      <form part="form" novalidate aria-labelledby="notify-title" @submit=${this.#saveNotifications}>
        ${summary}
        <div class="topics">
          ${TOPICS.map((topic) => {
            const channels = [
              ...new Set<NotificationChannel>([...prefs.availableChannels, prefs.notifications[topic]]),
            ];
            const invalid = !!this.notifyFieldErrors[topic];
            return html`<fieldset
              part="field"
              id="topic-${topic}"
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby=${invalid ? `topic-${topic}-error` : nothing}
            >
              <legend>${t.term(`prefs.topic.${topic}`)}</legend>
              ${
                invalid
                  ? html`<span class="field-error" id="topic-${topic}-error">${t.term('prefs.notify.invalid')}</span>`
                  : nothing
              }
              <div class="choices">
                ${channels.map(
                  (channel) =>
                    html`<label class="choice">
                      <input
                        type="radio"
                        name="topic-${topic}"
                        value=${channel}
                        .checked=${live(draft[topic] === channel)}
                        @change=${() => this.#onChannel(topic, channel)}
                      />
                      <span>${t.term(`prefs.channel.${channel}`)}</span>
                    </label>`,
                )}
              </div>
            </fieldset>`;
          })}
        </div>
        ${
          this.notifyError
            ? html`<div class="notice danger" part="error" id="notify-error" role="alert" tabindex="-1">
                <p><strong>${t.term('prefs.notSaved')}</strong></p>
                <p>${this.errorMessage(this.notifyError)}</p>
                ${this.renderCallOffice(this.notifyError)}
              </div>`
            : nothing
        }
        <div class="actions">
          <button class="button" part="submit-button" type="submit" aria-disabled=${this.notifyBusy ? 'true' : 'false'}>
            ${
              this.notifyBusy
                ? t.term('common.saving')
                : this.notifyError?.retryable
                  ? t.term('common.retry')
                  : t.term('prefs.notify.save')
            }
          </button>
          <p class="status-line ${this.#notifyDirty ? 'unsaved' : 'saved'}" part="status" role="status">
            ${this.#notifyDirty ? t.term('prefs.unsaved') : this.notifySaved ? t.term('prefs.notify.saved') : nothing}
          </p>
        </div>
      </form>
    </section>`;
  }

  // ---- email

  #renderEmail(prefs: Preferences) {
    const t = this.localize;
    const email = prefs.email;
    // While a change waits for its code, the current address keeps its own status.
    const current =
      email.status !== 'pending-verification'
        ? email.status
        : email.bouncedAt
          ? 'bounced'
          : email.maskedAddress
            ? 'verified'
            : 'none';
    return html`<section part="section" aria-labelledby="email-title">
      <h3 id="email-title">${t.term('prefs.email.title')}</h3>
      <p>${t.term('prefs.email.explain')}</p>
      <dl class="email-facts">
        <dt>${t.term('prefs.email.current')}</dt>
        <dd>${email.maskedAddress ?? t.term('prefs.email.none')}</dd>
        <dt>${t.term('prefs.email.status')}</dt>
        <dd><span class="badge ${current}">${t.term(`prefs.email.status.${current}`)}</span></dd>
        ${
          email.pendingAddress
            ? html`<dt>${t.term('prefs.email.pending')}</dt>
                <dd>
                  ${email.pendingAddress}
                  <span class="badge pending-verification">${t.term('prefs.email.status.pending-verification')}</span>
                </dd>`
            : nothing
        }
      </dl>
      ${
        this.emailVerified
          ? html`<div class="notice success" id="email-verified" part="status" role="status" tabindex="-1">
              <p>${t.term('prefs.email.verified')}</p>
            </div>`
          : nothing
      }
      ${
        this.emailError
          ? html`<div class="notice danger" part="error" id="email-error" role="alert" tabindex="-1">
              <p><strong>${t.term('prefs.notSaved')}</strong></p>
              <p>${this.errorMessage(this.emailError)}</p>
              ${this.renderCallOffice(this.emailError)}
            </div>`
          : nothing
      }
      ${
        this.emailMode === 'change'
          ? this.#renderEmailForm()
          : this.emailMode === 'verify'
            ? this.#renderCodeForm(prefs)
            : html`<div class="actions">
                <button class="button secondary" id="email-change-button" type="button" @click=${this.#openEmailForm}>
                  ${email.maskedAddress ? t.term('prefs.email.change') : t.term('prefs.email.add')}
                </button>
              </div>`
      }
    </section>`;
  }

  #emailErrorText(field: keyof EmailFieldError): string | undefined {
    const code = this.emailErrors[field];
    return code ? this.localize.term(`prefs.email.error.${code}`) : undefined;
  }

  #renderEmailForm() {
    const t = this.localize;
    const addressError = this.#emailErrorText('newAddress');
    const passwordError = this.#emailErrorText('password');
    return html`<form
      class="subform"
      part="form"
      novalidate
      aria-labelledby="email-form-title"
      @submit=${this.#submitEmail}
    >
      <h4 class="visually-hidden" id="email-form-title">${t.term('prefs.email.change')}</h4>
      ${
        this.summaryFor === 'email'
          ? this.#renderSummary('email', [
              ...(addressError ? [{ target: '#new-email', message: addressError }] : []),
              ...(passwordError ? [{ target: '#email-password', message: passwordError }] : []),
            ])
          : nothing
      }
      ${this.#textField({
        id: 'new-email',
        label: t.term('prefs.email.newAddress'),
        value: this.newAddress,
        type: 'email',
        autocomplete: 'email',
        inputmode: 'email',
        maxlength: 254,
        hint: t.term('prefs.email.newAddressHint'),
        error: addressError,
        onInput: (value) => {
          this.newAddress = value;
          this.emailVerified = false;
        },
      })}
      ${this.#textField({
        id: 'email-password',
        label: t.term('prefs.email.password'),
        value: this.emailPassword,
        type: 'password',
        autocomplete: 'current-password',
        hint: t.term('prefs.email.passwordHint'),
        error: passwordError,
        onInput: (value) => (this.emailPassword = value),
      })}
      <div class="actions">
        <button class="button" part="submit-button" type="submit" aria-disabled=${this.emailBusy ? 'true' : 'false'}>
          ${this.emailBusy ? t.term('prefs.email.submitting') : t.term('prefs.email.submit')}
        </button>
        <button class="button secondary" type="button" @click=${this.#cancelEmail}>${t.term('common.cancel')}</button>
      </div>
    </form>`;
  }

  #renderCodeForm(prefs: Preferences) {
    const t = this.localize;
    const codeError = this.#emailErrorText('code');
    const pending = prefs.email.pendingAddress;
    return html`<form
      class="subform"
      part="form"
      novalidate
      aria-labelledby="code-form-title"
      @submit=${this.#submitCode}
    >
      <h4 class="visually-hidden" id="code-form-title">${t.term('prefs.email.verify')}</h4>
      ${
        this.summaryFor === 'verify'
          ? this.#renderSummary('verify', codeError ? [{ target: '#email-code', message: codeError }] : [])
          : nothing
      }
      ${pending ? html`<p class="notice" role="status" id="code-sent">${t.term('prefs.email.codeSent', pending)}</p>` : nothing}
      ${this.#textField({
        id: 'email-code',
        label: t.term('prefs.email.code'),
        value: this.code,
        type: 'text',
        autocomplete: 'one-time-code',
        inputmode: 'numeric',
        maxlength: 12,
        hint: t.term('prefs.email.codeHint'),
        error: codeError,
        onInput: (value) => (this.code = value),
      })}
      <div class="actions">
        <button class="button" part="submit-button" type="submit" aria-disabled=${this.emailBusy ? 'true' : 'false'}>
          ${this.emailBusy ? t.term('prefs.email.verifying') : t.term('prefs.email.verify')}
        </button>
        <button class="button link" type="button" @click=${this.#restartEmail}>${t.term('prefs.email.restart')}</button>
      </div>
    </form>`;
  }

  // ---- password

  #passwordErrorText(field: keyof PasswordFieldError): string | undefined {
    const t = this.localize;
    const code = this.passwordErrors[field];
    if (!code) return undefined;
    switch (code) {
      case 'too-short':
        return t.term('prefs.password.error.too-short', this.rules?.PASSWORD_MIN_LENGTH ?? 15);
      case 'too-long':
        return t.term('prefs.password.error.too-long', this.rules?.PASSWORD_MAX_LENGTH ?? 128);
      default:
        return t.term(`prefs.password.error.${code}`);
    }
  }

  #renderPassword() {
    const t = this.localize;
    const type = this.showPasswords ? 'text' : 'password';
    const currentError = this.#passwordErrorText('current');
    const newError = this.#passwordErrorText('new');
    const confirmError = this.#passwordErrorText('confirm');
    const onInput = () => {
      this.passwordChanged = false;
    };
    return html`<section part="section" aria-labelledby="password-title">
      <h3 id="password-title">${t.term('prefs.password.title')}</h3>
      <form
        part="form"
        novalidate
        aria-labelledby="password-title"
        @submit=${this.#submitPassword}
        @focusin=${() => void this.#loadRules().catch(() => undefined)}
      >
        ${
          this.summaryFor === 'password'
            ? this.#renderSummary('password', [
                ...(currentError ? [{ target: '#current-password', message: currentError }] : []),
                ...(newError ? [{ target: '#new-password', message: newError }] : []),
                ...(confirmError ? [{ target: '#confirm-password', message: confirmError }] : []),
              ])
            : nothing
        }
        ${
          this.passwordChanged
            ? html`<div class="notice success" id="password-changed" part="status" role="status" tabindex="-1">
                <p>${t.term('prefs.password.changed')}</p>
              </div>`
            : nothing
        }
        ${
          this.passwordError
            ? html`<div class="notice danger" part="error" id="password-error" role="alert" tabindex="-1">
                <p><strong>${t.term('prefs.notSaved')}</strong></p>
                <p>${this.errorMessage(this.passwordError)}</p>
                ${this.renderCallOffice(this.passwordError)}
              </div>`
            : nothing
        }
        ${this.#textField({
          id: 'current-password',
          label: t.term('prefs.password.current'),
          value: this.currentPassword,
          type,
          autocomplete: 'current-password',
          error: currentError,
          onInput: (value) => {
            this.currentPassword = value;
            onInput();
          },
        })}
        ${this.#textField({
          id: 'new-password',
          label: t.term('prefs.password.new'),
          value: this.newPassword,
          type,
          autocomplete: 'new-password',
          hint: t.term('prefs.password.newHint', this.rules?.PASSWORD_MIN_LENGTH),
          error: newError,
          onInput: (value) => {
            this.newPassword = value;
            onInput();
          },
        })}
        ${this.#textField({
          id: 'confirm-password',
          label: t.term('prefs.password.confirm'),
          value: this.confirmPassword,
          type,
          autocomplete: 'new-password',
          error: confirmError,
          onInput: (value) => {
            this.confirmPassword = value;
            onInput();
          },
        })}
        <label class="show-passwords">
          <input
            type="checkbox"
            .checked=${live(this.showPasswords)}
            @change=${(e: Event) => (this.showPasswords = (e.target as HTMLInputElement).checked)}
          />
          <span>${t.term('prefs.password.show')}</span>
        </label>
        <p class="hint">${t.term('prefs.password.otherSessions')}</p>
        <div class="actions">
          <button
            class="button"
            part="submit-button"
            type="submit"
            aria-disabled=${this.passwordBusy ? 'true' : 'false'}
          >
            ${this.passwordBusy ? t.term('prefs.password.submitting') : t.term('prefs.password.submit')}
          </button>
        </div>
      </form>
    </section>`;
  }

  // ---- building blocks

  #textField(o: TextFieldOptions): TemplateResult {
    const hintId = `${o.id}-hint`;
    const errorId = `${o.id}-error`;
    const describedBy = [o.error ? errorId : '', o.hint ? hintId : ''].filter(Boolean).join(' ');
    return html`<div class="field" part="field">
      <label for=${o.id}>${o.label}</label>
      ${o.hint ? html`<span class="hint" id=${hintId}>${o.hint}</span>` : nothing}
      ${o.error ? html`<span class="field-error" id=${errorId}>${o.error}</span>` : nothing}
      <input
        id=${o.id}
        name=${o.id}
        type=${o.type}
        .value=${live(o.value)}
        .autocomplete=${o.autocomplete}
        inputmode=${o.inputmode ?? nothing}
        maxlength=${ifDefined(o.maxlength)}
        spellcheck="false"
        autocapitalize="off"
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  /** The error summary: focused on submit; each entry moves to its field. */
  #renderSummary(form: FormName, items: Array<{ target: string; message: string }>) {
    if (items.length === 0) return nothing;
    const t = this.localize;
    return html`<div
      class="notice danger error-summary"
      part="error error-summary"
      id="${form}-summary"
      tabindex="-1"
      aria-labelledby="${form}-summary-title"
    >
      <p id="${form}-summary-title"><strong>${t.term('common.errorSummary', items.length)}</strong></p>
      <ul>
        ${items.map(
          (item) =>
            html`<li>
              <button
                class="button link"
                type="button"
                @click=${() => this.renderRoot.querySelector<HTMLElement>(item.target)?.focus()}
              >
                ${item.message}
              </button>
            </li>`,
        )}
      </ul>
    </div>`;
  }
}

/** The contract's own email rule (the generated descriptor, so the page never loads zod). */
function isValidAddress(address: string): boolean {
  const result = validate(EmailChangeRequest, { newAddress: address, password: '-' });
  return result.ok || result.path[0] !== 'newAddress';
}

/** The server's reason for rejecting a new password, as one of ours. */
function toNewPasswordError(code: string): NewPasswordError {
  const known: readonly NewPasswordError[] = ['too-short', 'too-long', 'common', 'matches-id', 'same-as-current'];
  return (known as readonly string[]).includes(code) ? (code as NewPasswordError) : 'rejected';
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-preferences': PortalPreferences;
  }
}
