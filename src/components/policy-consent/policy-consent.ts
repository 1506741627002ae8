import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { toPortalError, type PortalError } from '../../api/errors.js';
import type { ConsentRecord, PolicyDocument, SignedInSession } from '../../api/schemas.js';
import { PortalConsentChangedEvent } from '../../events/events.js';
import { keepTogether } from '../../internal/bounce-banner.js';
import { PortalElement } from '../../internal/portal-element.js';
import { policyConsentStyles } from './policy-consent.styles.js';
import { policy } from '../../translations/en.js';

type PolicySection = PolicyDocument['sections'][number];

/** Attribute set on the element (and its ancestors) while the browser's print dialog is open. */
const PRINTING_ATTR = 'data-portal-printing';
const PRINT_PATH_ATTR = 'data-portal-print-path';

/**
 * The clinic's messaging policy, readable, printable and linkable by section,
 * with the patient's versioned acknowledgment.
 *
 * Signed in, the patient accepts the current version with an explicit checkbox
 * and button; the backend records the version and time, and compose and the
 * inbox unlock at once through the shared session. When the clinic publishes a
 * new version, the widget says the policy changed and asks again. Signed out (or
 * with `read-only`), it shows the policy alone: fit for the clinic's public
 * "Patient Portal" page.
 *
 * Each section heading has the id `policy-<section>` (e.g. `policy-disclaimer`):
 * a host page link to `#policy-disclaimer` scrolls to it and moves focus there.
 *
 * @tag portal-policy-consent
 * @summary The clinic's messaging policy and the patient's acceptance of its current version.
 *
 * @event portal-consent-changed - The patient accepted a policy version. `detail: { version, accepted }`.
 * @event portal-load-error - The policy could not be loaded. `detail: { element, type, status? }`.
 *
 * @csspart base - The whole widget.
 * @csspart document - The policy text (title, sections).
 * @csspart section - One section of the policy.
 * @csspart disclaimer - The disclaimer section, always shown in full.
 * @csspart print-button - The "Print the policy" button.
 * @csspart toc - The list of sections.
 * @csspart status - The acceptance status or the "please accept" / "the policy changed" notice.
 * @csspart form - The acceptance form.
 * @csspart field - The acknowledgment checkbox and its label.
 * @csspart submit-button - The "Accept the policy" button.
 * @csspart error - An error message.
 * @csspart loading - The loading indicator.
 * @csspart retry-button - The "Try again" button of an error.
 *
 * @cssproperty --portal-policy-measure - Maximum width of the policy text (default 46rem).
 * @cssproperty --portal-color-primary - Brand color for buttons and links.
 *
 * @cssstate loading - The policy is loading.
 * @cssstate ready - The policy is shown.
 * @cssstate error - The policy could not be loaded.
 * @cssstate submitting - The acceptance is being saved.
 */
export class PortalPolicyConsent extends PortalElement {
  static override strings = [policy];

  static override styles = [...PortalElement.styles, policyConsentStyles];

  /** Show the policy only, without the acceptance form (also automatic when nobody is signed in). */
  @property({ type: Boolean, reflect: true, attribute: 'read-only' }) readOnly = false;

  /** The acknowledgment checkbox is checked (never checked on its own). */
  @state() private agreed = false;
  @state() private agreeError = false;
  @state() private submitting = false;
  @state() private submitError: PortalError | null = null;
  /** The backend's record for this patient, when loaded (it carries the acceptance time). */
  @state() private consent: ConsentRecord | null = null;
  /** The version changed under the patient while reading (`conflict` on accept). */
  @state() private versionChanged = false;
  /** Just accepted in this widget: thank the patient where the form was. */
  @state() private justAccepted = false;

  @query('#agree') private agreeInput?: HTMLInputElement;

  /** Whose consent is shown; a different value drops everything about the previous patient. */
  #patientKey: string | null = null;
  /** Focus this after the next render (notices that must be read now). */
  #focusAfterRender: string | null = null;
  /** The document's version the hash was last applied to, so a re-render does not jump again. */
  #hashAppliedFor: string | null = null;
  #printSheet?: CSSStyleSheet;

  #policyTask = new Task(this, {
    task: async ([client, locale], { signal }) => {
      if (!client) return null;
      try {
        const doc = await client.getPolicy(locale, { signal });
        const previous = this.#policyTask.value;
        // A different version needs a fresh acknowledgment; a translation of the same one does not.
        if (previous && previous.version !== doc.version) this.agreed = false;
        return doc;
      } catch (error) {
        throw this.reportLoadError(error);
      }
    },
    args: () => [this.portal?.client, this.localize.locale] as const,
  });

  #consentTask = new Task(this, {
    task: async ([client, patientKey], { signal }) => {
      if (!client || !patientKey) {
        this.consent = null;
        return null;
      }
      try {
        const record = await client.getConsent({ signal });
        if (!signal.aborted) this.consent = record;
        return record;
      } catch (error) {
        const portalError = toPortalError(error);
        if (portalError.needsSignIn) this.portal?.host.sessionExpired();
        // Not fatal: the session also says which version was accepted (only the date is missing).
        return null;
      }
    },
    args: () => [this.portal?.client, this.#consentKey()] as const,
  });

  /** Scroll to a section of the policy and move focus to its heading, e.g. `showSection('disclaimer')`. */
  showSection(sectionId: string): boolean {
    const id = sectionId.startsWith('policy-') ? sectionId : `policy-${sectionId}`;
    const heading = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!heading) return false;
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
    return true;
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
    this.#endPrinting();
  }

  // ------------------------------------------------------------ session

  get #session(): SignedInSession | null {
    const session = this.portal?.session;
    return session?.authenticated ? session : null;
  }

  /** Whether this widget offers acceptance: signed in, set up, and not read-only. */
  get #canAccept(): boolean {
    const session = this.#session;
    return !this.readOnly && !!session && !session.mustChangePassword;
  }

  #consentKey(): string | null {
    return this.#canAccept ? this.#session!.patient.id : null;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    const key = this.#session?.patient.id ?? null;
    if (key !== this.#patientKey) {
      // Signed out or another patient: nothing about the previous one stays in memory or the DOM.
      this.#patientKey = key;
      this.agreed = false;
      this.agreeError = false;
      this.submitError = null;
      this.versionChanged = false;
      this.justAccepted = false;
      this.consent = null;
    }
    if (
      (changed as PropertyValues).has('portal') &&
      this.submitError?.needsSignIn &&
      this.portal &&
      !this.portal.reauthRequired
    ) {
      // Signed in again after the session ended mid-task: the patient can simply press Accept again.
      this.submitError = null;
    }
    this.setWidgetState(this.#widgetState());
  }

  #widgetState() {
    if (this.submitting) return 'submitting' as const;
    if (this.portal?.status === 'error' || this.#policyTask.status === TaskStatus.ERROR) return 'error' as const;
    if (this.portal?.status === 'ready' && this.#policyTask.status === TaskStatus.COMPLETE) return 'ready' as const;
    return 'loading' as const;
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    if (this.#focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusAfterRender);
      this.#focusAfterRender = null;
      target?.focus();
    }
    const doc = this.#policyTask.value;
    if (doc && this.#hashAppliedFor !== doc.version) {
      this.#hashAppliedFor = doc.version;
      this.#applyHash();
    }
  }

  // ------------------------------------------------------------ deep links

  #onHashChange = () => this.#applyHash();

  /** `#policy-<section>` in the page URL: go there, as the browser would for a light-DOM id. */
  #applyHash() {
    let id: string;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return;
    }
    if (!id.startsWith('policy-') || document.getElementById(id)) return;
    this.showSection(id);
  }

  // ------------------------------------------------------------ printing

  /**
   * Print the policy alone. A document-level print stylesheet (constructed, so a
   * strict CSP allows it) hides everything on the page except the path down to
   * this element while the dialog is open; inside, `@media print` hides the form
   * and buttons.
   */
  #print = () => {
    this.#startPrinting();
    window.addEventListener('afterprint', this.#endPrinting, { once: true });
    window.print();
  };

  #startPrinting() {
    const doc = this.ownerDocument;
    this.#printSheet ??= new CSSStyleSheet();
    this.#printSheet.replaceSync(`@media print {
      [${PRINT_PATH_ATTR}] > :not([${PRINT_PATH_ATTR}]):not([${PRINTING_ATTR}]) { display: none !important; }
      [${PRINT_PATH_ATTR}] { margin: 0 !important; padding: 0 !important; border: 0 !important; box-shadow: none !important; }
    }`);
    if (!doc.adoptedStyleSheets.includes(this.#printSheet)) {
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, this.#printSheet];
    }
    this.setAttribute(PRINTING_ATTR, '');
    for (let node = this.parentElement; node; node = node.parentElement) node.setAttribute(PRINT_PATH_ATTR, '');
  }

  #endPrinting = () => {
    window.removeEventListener('afterprint', this.#endPrinting);
    this.removeAttribute(PRINTING_ATTR);
    for (const node of this.ownerDocument.querySelectorAll(`[${PRINT_PATH_ATTR}]`))
      node.removeAttribute(PRINT_PATH_ATTR);
    const sheet = this.#printSheet;
    if (sheet) this.ownerDocument.adoptedStyleSheets = this.ownerDocument.adoptedStyleSheets.filter((s) => s !== sheet);
  };

  // ------------------------------------------------------------ accepting

  #onAgreeChange = (event: Event) => {
    this.agreed = (event.target as HTMLInputElement).checked;
    if (this.agreed) this.agreeError = false;
  };

  #onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const doc = this.#policyTask.value;
    const portal = this.portal;
    if (!doc || !portal || this.submitting) return;
    if (!this.agreed) {
      this.agreeError = true;
      await this.updateComplete;
      this.agreeInput?.focus();
      return;
    }
    this.submitting = true;
    this.submitError = null;
    this.versionChanged = false;
    const patientKey = this.#patientKey;
    try {
      const record = await portal.client.acceptConsent(doc.version);
      if (patientKey !== this.#patientKey) return; // signed out meanwhile: not this patient's any more
      this.consent = record;
      this.justAccepted = true;
      this.agreed = false;
      const session = portal.host.signedIn;
      if (session) {
        // Compose and the inbox read consent from the shared session: they unlock now.
        portal.host.setSession({
          ...session,
          consent: {
            currentVersion: record.currentVersion,
            acceptedVersion: record.acceptedVersion,
            required: record.required,
          },
        });
      }
      this.dispatchEvent(new PortalConsentChangedEvent({ version: doc.version, accepted: true }));
      this.#focusAfterRender = '#accepted';
    } catch (error) {
      if (patientKey !== this.#patientKey) return;
      const portalError = toPortalError(error);
      if (portalError.type === 'conflict') {
        // A new version was published while the patient read: show it and ask again.
        this.versionChanged = true;
        this.agreed = false;
        void this.#policyTask.run();
        void portal.host.refreshSession().catch(() => undefined);
        this.#focusAfterRender = '#version-changed';
      } else {
        if (portalError.type === 'session-expired' || portalError.type === 'unauthorized') portal.host.requireReauth();
        this.submitError = portalError;
        this.#focusAfterRender = '#accept-error';
      }
    } finally {
      this.submitting = false;
    }
  };

  // ------------------------------------------------------------ rendering

  protected override render() {
    if (this.misconfigured) return this.renderMisconfigured();
    const portal = this.portal;
    if (!portal || portal.status === 'loading') {
      return html`<div part="base">${this.renderLoading(this.localize.term('policy.loading'))}</div>`;
    }
    if (portal.status === 'error' && portal.error) {
      return html`<div part="base">${this.renderError(portal.error, () => void portal.host.reload())}</div>`;
    }
    return this.#policyTask.render({
      initial: () => html`<div part="base">${this.renderLoading(this.localize.term('policy.loading'))}</div>`,
      // Keep showing the current text while a translation or a new version loads.
      pending: () =>
        this.#policyTask.value
          ? this.#renderPolicy(this.#policyTask.value, true)
          : html`<div part="base">${this.renderLoading(this.localize.term('policy.loading'))}</div>`,
      complete: (doc) =>
        doc
          ? this.#renderPolicy(doc, false)
          : html`<div part="base">${this.renderLoading(this.localize.term('policy.loading'))}</div>`,
      error: (error) =>
        html`<div part="base">${this.renderError(toPortalError(error), () => void this.#policyTask.run())}</div>`,
    });
  }

  #renderPolicy(doc: PolicyDocument, busy: boolean): TemplateResult {
    const t = this.localize;
    const tz = this.portal?.clinic?.timeZone;
    const published = t.date(doc.publishedAt, { dateStyle: 'long', ...(tz ? { timeZone: tz } : {}) });
    const sections = doc.sections;
    const withHeadings = sections.filter((s) => s.heading.trim() !== '');
    return html`<article part="base" aria-busy=${busy ? 'true' : 'false'} aria-labelledby="policy-title">
      <div part="document">
        <header class="policy-header">
          <div>
            <h2 id="policy-title">${doc.title}</h2>
            <p class="meta">${keepTogether(t.term('policy.meta', doc.version, published), [doc.version])}</p>
          </div>
          <button class="button secondary no-print" part="print-button" type="button" @click=${this.#print}>
            ${t.term('policy.print')}
          </button>
        </header>
        ${doc.locale !== t.locale ? html`<p class="hint">${t.term('policy.fallbackLanguage')}</p>` : nothing}
        ${this.#renderTopStatus(doc)} ${withHeadings.length > 3 ? this.#renderToc(withHeadings) : nothing}
        ${sections.map((section) => this.#renderSection(section, doc.locale))}
      </div>
      ${this.#renderAcceptance(doc)}
    </article>`;
  }

  #renderToc(sections: PolicySection[]) {
    return html`<nav class="toc" part="toc" aria-labelledby="toc-title">
      <p class="toc-title" id="toc-title">${this.localize.term('policy.contents')}</p>
      <ul>
        ${sections.map(
          (section) =>
            html`<li>
              <button class="button link" type="button" @click=${() => this.showSection(section.id)}>
                ${section.heading}
              </button>
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  #renderSection(section: PolicySection, locale: string) {
    const id = `policy-${section.id}`;
    const hasHeading = section.heading.trim() !== '';
    const disclaimer = section.id === 'disclaimer';
    return html`<section
      class=${disclaimer ? 'disclaimer' : ''}
      part=${disclaimer ? 'section disclaimer' : 'section'}
      lang=${locale}
      aria-labelledby=${hasHeading ? id : nothing}
    >
      ${hasHeading ? html`<h3 id=${id} tabindex="-1">${section.heading}</h3>` : html`<span id=${id} tabindex="-1"></span>`}
      ${section.paragraphs.map((paragraph) => html`<p>${paragraph}</p>`)}
    </section>`;
  }

  /** Above the policy: what the patient needs to know first (must accept, changed, accepted on…). */
  #renderTopStatus(doc: PolicyDocument) {
    const t = this.localize;
    const session = this.#session;
    if (this.readOnly || !session) return nothing;
    if (session.mustChangePassword) {
      return html`<div class="notice" part="status"><p>${t.term('policy.passwordFirst')}</p></div>`;
    }
    if (this.versionChanged) {
      return html`<div class="notice warning" part="status" id="version-changed" role="alert" tabindex="-1">
        <h3>${t.term('policy.changed.title')}</h3>
        <p>${t.term('policy.conflict')}</p>
        ${this.#renderChangeSummary(doc)}
      </div>`;
    }
    const { acceptedVersion, acceptedAt } = this.#acceptance();
    if (acceptedVersion === doc.version) {
      if (this.justAccepted) return nothing; // the thank-you below says it, where the patient is
      // Wait briefly for the record with the date rather than show the sentence twice.
      if (!this.consent && this.#consentTask.status === TaskStatus.PENDING) return nothing;
      return html`<div class="notice success" part="status" role="status">
        <p>${this.#acceptedSentence(acceptedVersion, acceptedAt)}</p>
      </div>`;
    }
    if (acceptedVersion) {
      return html`<div class="notice warning" part="status" role="status">
        <h3>${t.term('policy.changed.title')}</h3>
        <p>
          ${keepTogether(t.term('policy.changed.body', acceptedVersion, doc.version), [acceptedVersion, doc.version])}
        </p>
        ${this.#renderChangeSummary(doc)}
      </div>`;
    }
    return html`<div class="notice no-print" part="status" role="status">
      <h3>${t.term('policy.required.title')}</h3>
      <p>${t.term('policy.required.body')}</p>
    </div>`;
  }

  #renderChangeSummary(doc: PolicyDocument) {
    if (!doc.changeSummary) return nothing;
    return html`<p><strong>${this.localize.term('policy.changed.summary')}</strong></p>
      <p class="change-summary" lang=${doc.locale}>${doc.changeSummary}</p>`;
  }

  /** Below the policy: the form, the thank-you, or how to get to accept it. */
  #renderAcceptance(doc: PolicyDocument) {
    const t = this.localize;
    if (this.readOnly) return nothing;
    const session = this.#session;
    if (!session) {
      return html`<p class="notice no-print" part="status">${t.term('policy.signInToAccept')}</p>`;
    }
    if (session.mustChangePassword) return nothing;
    const { acceptedVersion, acceptedAt } = this.#acceptance();
    if (acceptedVersion === doc.version) {
      if (!this.justAccepted) return nothing;
      return html`<div class="notice success accepted" part="status" id="accepted" role="status" tabindex="-1">
        <p><strong>${t.term('policy.thanks')}</strong></p>
        <p>${this.#acceptedSentence(acceptedVersion, acceptedAt)}</p>
        ${session.messaging.allowed ? html`<p>${t.term('policy.canMessage')}</p>` : nothing}
      </div>`;
    }
    const clinic = this.portal?.clinic?.name ?? '';
    const describedBy = this.agreeError ? 'agree-hint agree-error' : 'agree-hint';
    return html`<form part="form" novalidate aria-labelledby="accept-title" @submit=${this.#onSubmit}>
      <h3 id="accept-title">${t.term('policy.accept.title')}</h3>
      ${
        this.submitError
          ? html`<div class="notice danger" part="error" id="accept-error" role="alert" tabindex="-1">
              <p>${this.errorMessage(this.submitError)}</p>
              ${this.renderCallOffice(this.submitError)}
            </div>`
          : nothing
      }
      <label class="check ${this.agreeError ? 'invalid' : ''}" part="field">
        <input
          id="agree"
          type="checkbox"
          .checked=${this.agreed}
          aria-describedby=${describedBy}
          aria-invalid=${this.agreeError ? 'true' : 'false'}
          @change=${this.#onAgreeChange}
        />
        <span>${keepTogether(t.term('policy.accept.checkbox', clinic, doc.version), [doc.version])}</span>
      </label>
      ${
        this.agreeError
          ? html`<p class="field-error check-error" id="agree-error" part="error">
              ${t.term('policy.accept.required')}
            </p>`
          : nothing
      }
      <p class="hint check-hint" id="agree-hint">${t.term('policy.accept.hint')}</p>
      <div class="actions">
        <button class="button" part="submit-button" type="submit" aria-disabled=${this.submitting ? 'true' : 'false'}>
          ${this.submitting ? t.term('policy.accept.submitting') : t.term('policy.accept.submit')}
        </button>
      </div>
    </form>`;
  }

  /** Which version this patient accepted, and when (the time only from the backend's record). */
  #acceptance(): { acceptedVersion: string | null; acceptedAt: string | null } {
    const consent = this.consent;
    const session = this.#session;
    if (consent) return { acceptedVersion: consent.acceptedVersion, acceptedAt: consent.acceptedAt };
    return { acceptedVersion: session?.consent.acceptedVersion ?? null, acceptedAt: null };
  }

  #acceptedSentence(version: string, acceptedAt: string | null): TemplateResult {
    const t = this.localize;
    if (!acceptedAt) return keepTogether(t.term('policy.acceptedNoDate', version), [version]);
    const tz = this.portal?.clinic?.timeZone;
    const when = t.date(acceptedAt, { dateStyle: 'long', timeStyle: 'short', ...(tz ? { timeZone: tz } : {}) });
    return keepTogether(t.term('policy.accepted', version, when), [version]);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-policy-consent': PortalPolicyConsent;
  }
}
