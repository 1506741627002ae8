import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { toPortalError, type PortalError } from '../../api/errors.js';
import type {
  AttachmentMeta,
  CategoryId,
  Message,
  Sender,
  SendResult,
  ThreadDetail,
  ThreadPage,
  ThreadQuery,
  ThreadSummary,
} from '../../api/schemas.js';
import { LIMITS } from '../../api/validators.generated.js';
import {
  PortalDraftSavedEvent,
  PortalMessageSentEvent,
  PortalRequestComposeEvent,
  PortalThreadOpenedEvent,
  PortalUnreadChangedEvent,
} from '../../events/events.js';
import { bounceBannerStyles, renderBounceBanner } from '../../internal/bounce-banner.js';
import { composeKitStyles } from '../../internal/compose-kit/styles.js';
import { LazyElement } from '../../internal/lazy-element.js';
import { loadPolicyConsent } from '../policy-consent/load.js';
import { PortalElement } from '../../internal/portal-element.js';
import { cleanLine, isolate, renderText, safeFilename, safeLinkHref } from '../../internal/safe-text.js';
import { exactTime, fileSize, formatCount, messageTime, relativeTime } from './format.js';
import { InboxPoller } from './inbox-poller.js';
import type { ReplyForm } from './reply-form.js';
import { inboxStyles } from './inbox.styles.js';
import { VirtualWindow, cssProps, type VirtualRange } from './virtual-list.js';
import { bounce, inbox } from '../../translations/en.js';

/** Threads per request: the contract's maximum, so a long scroll needs the fewest round trips. */
const PAGE_SIZE = LIMITS.threadsPerPage;
/** Start fetching the next page when the window comes this close to the end of what is loaded. */
const PREFETCH_ROWS = 30;
const SEARCH_DEBOUNCE_MS = 300;
/** Floor for `poll-interval`, so a typo cannot hammer the clinic's server. */
const MIN_POLL_MS = 1000;
/** Object URLs for downloads live this long (the browser has started the download by then). */
const OBJECT_URL_TTL_MS = 1000;

interface ListFilter {
  category: CategoryId | '';
  q: string;
}

/**
 * The patient's secure-message inbox: a fast, virtualized list of
 * conversations (cursor-paginated, filter by category, search by subject), the
 * conversation view with attachments, replies with the same safety rules as a
 * new message, and live updates. Every piece of message content is untrusted
 * and rendered as text.
 *
 * @tag portal-inbox
 * @summary Conversations with the clinic: read, filter, search, reply — live, and fast at 10,000 threads.
 *
 * @event portal-thread-opened - A conversation was opened (`threadId`) or closed (`null`) by the patient; sync the page URL with it. `detail: { threadId }`.
 * @event portal-unread-changed - The number of unread messages changed. `detail: { unreadTotal }`.
 * @event portal-request-compose - "Write a message" was chosen. Cancelable: call `preventDefault()` to route it yourself; otherwise the browser follows `compose-href`. `detail: { category }`.
 * @event portal-message-sent - A reply was sent. `detail: { threadId, messageId, category, reply: true }`.
 * @event portal-draft-saved - A reply draft was saved on the server. `detail: { draftId }`.
 * @event portal-load-error - Conversations could not be loaded. `detail: { element, type, status? }`.
 *
 * @csspart base - The inbox's outer box.
 * @csspart header - Title, unread count and "Write a message".
 * @csspart compose-button - "Write a message" (a link when `compose-href` is set).
 * @csspart toolbar - Category filter and search.
 * @csspart field - Each filter/search field.
 * @csspart list - The list of conversations.
 * @csspart item - One conversation row.
 * @csspart empty - The empty state.
 * @csspart thread - The open conversation.
 * @csspart back-button - "Back to messages".
 * @csspart message - One message in a conversation.
 * @csspart reply - The reply area.
 * @csspart form - The reply form.
 * @csspart submit-button - "Send reply".
 * @csspart emergency-dialog - The blocking emergency dialog before sending.
 * @csspart error-summary - The reply's list of problems to fix, focused on Send.
 * @csspart safety-notice - "Not for emergencies" above the reply.
 * @csspart revoked - The notice shown when messaging is turned off for the patient.
 * @csspart bounce-banner - The undelivered-email banner.
 * @csspart error - An error message.
 * @csspart retry-button - "Try again" after an error.
 * @csspart loading - A loading indicator.
 *
 * @cssproperty --portal-inbox-list-height - Height of the scrolling list (default `min(36rem, 70vh)`).
 * @cssproperty --portal-color-primary - Unread marker, links and buttons.
 *
 * @cssstate loading - Conversations are loading.
 * @cssstate ready - Conversations (or one conversation) are shown.
 * @cssstate empty - There are no conversations (or none match).
 * @cssstate error - Loading failed.
 * @cssstate submitting - A reply is being sent.
 */
export class PortalInbox extends PortalElement {
  static override strings = [inbox, bounce];

  static override styles = [...PortalElement.styles, composeKitStyles, bounceBannerStyles, inboxStyles];

  /** Id of the open conversation. Set it (or the `thread-id` attribute) to open one by deep link; clear it to go back to the list. */
  @property({ attribute: 'thread-id', reflect: true }) threadId: string | null = null;

  /** Page for writing a new message; "Write a message" links there unless `portal-request-compose` is canceled. */
  @property({ attribute: 'compose-href' }) composeHref?: string;

  /** The site's preferences page, linked from the undelivered-email banner. */
  @property({ attribute: 'preferences-href' }) preferencesHref?: string;

  /** Milliseconds between checks for new messages (default 30 000, at least 1 000). Paused while the tab is hidden. */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 30_000;

  /** The clock for relative times and business hours (tests and stories); default the device's. */
  @property({ attribute: false }) now: () => Date = () => new Date();

  /** Unread messages across all conversations, or null while unknown (signed out, not loaded). */
  get unreadTotal(): number | null {
    return this.portal?.unreadTotal ?? null;
  }

  // ---------------------------------------------------------------- state

  /** Filter as chosen in the toolbar; `query` is the debounced search that is actually sent. */
  @state() private category: CategoryId | '' = '';
  @state() private searchText = '';
  @state() private query = '';
  /** Polite live-region text (counts only: never message content). */
  @state() private announcement = '';

  // The loaded list. Plain fields (not reactive): one page can touch thousands of
  // rows and the element decides itself when a render is worth it.
  #threads: ThreadSummary[] = [];
  #indexById = new Map<string, number>();
  #cursor: string | null = null;
  #total = 0;
  #listFilter: ListFilter = { category: '', q: '' };
  #listLoaded = false;
  /** Bumped whenever the loaded list is replaced or dropped: late pages from before are ignored. */
  #generation = 0;
  #pageAbort = new AbortController();
  #loadingMore = false;
  #wanted = 0;
  #moreError: PortalError | null = null;
  #lastRange: VirtualRange | undefined;
  #announceResults = false;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  // Keyboard and focus.
  #activeIndex = 0;
  #focusInList = false;
  #savedScrollTop = 0;
  #focusHeading = false;
  #returnFocusTo: string | null = null;

  // The open conversation.
  #thread: ThreadDetail | undefined;
  #threadRefresh: AbortController | undefined;
  #downloading = new Set<string>();
  #downloadErrors = new Map<string, PortalError>();
  #objectUrls = new Set<string>();

  // Live updates.
  #latestActivityAt: string | null | undefined;
  /** "Now" for relative times, refreshed on each poll so "5 minutes ago" moves on. */
  #nowMs = 0;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #lastUnreadEvent: number | null = null;
  /** The patient whose data is in memory; when it changes, everything is dropped. */
  #dataKey: string | null = null;
  /** The last patient who had data here (survives sign-out), to tell "same patient again" from "someone else". */
  #lastPatient: string | null = null;
  /** After a live refresh moved the focused conversation to another row: follow it with focus. */
  #refocusActive = false;

  #window = new VirtualWindow(this, () => this.#onWindowMove());
  #placeholderFrame = 0;

  /**
   * The reply box. Its code (the compose kit, business hours, the sign-in for a
   * session that ends mid-send) loads only when a conversation opens — in
   * parallel with the conversation itself, so both appear together — and never
   * for a patient who only looks at the list. Creating it starts the triage
   * lexicons loading while the patient reads.
   */
  #replyForm: ReplyForm | undefined;
  #replyLoading: Promise<ReplyForm> | undefined;
  #replyLoadError: PortalError | null = null;
  #loadReplyForm(): Promise<ReplyForm> {
    this.#replyLoading ??= import('./reply-form.js').then(
      ({ ReplyForm }) => {
        this.#replyForm ??= new ReplyForm(this, {
          portal: () => this.portal,
          localize: this.localize,
          errorMessage: (error) => this.errorMessage(error),
          callOffice: () => this.renderCallOffice(),
          onSent: (threadId, result) => this.#onReplySent(threadId, result),
          onDraftSaved: (draftId) => this.dispatchEvent(new PortalDraftSavedEvent({ draftId })),
          now: () => this.now(),
        });
        this.#replyLoadError = null;
        return this.#replyForm;
      },
      (error: unknown) => {
        this.#replyLoading = undefined; // Retry loads it again
        this.#replyLoadError = toPortalError(error);
        throw error;
      },
    );
    return this.#replyLoading;
  }

  #poller = new InboxPoller(this, {
    interval: () => Math.max(MIN_POLL_MS, Number.isFinite(this.pollInterval) ? this.pollInterval : 30_000),
    poll: (signal) => this.#poll(signal),
  });

  /** First page for the current patient and filter. Writes into the fields above; its value holds no PHI. */
  #listTask = new Task(this, {
    args: () => [this.#listKey, this.category, this.query] as const,
    task: async ([key, category, q], { signal }) => {
      if (!key || !this.portal) return initialState;
      // A new query: whatever the previous one was still fetching is now stale.
      this.#generation++;
      this.#pageAbort.abort();
      this.#pageAbort = new AbortController();
      this.#loadingMore = false;
      const filter: ListFilter = { category, q };
      try {
        const page = await this.portal.client.listThreads(pageQuery(filter), { signal });
        // Superseded (a newer filter, sign-out): a client that ignored the signal must not win.
        signal.throwIfAborted();
        this.#replaceList(page, filter);
        return true;
      } catch (error) {
        throw this.#handleLoadError(error);
      }
    },
  });

  /** The open conversation. Its value is the id only; the detail lives in `#thread` (dropped on sign-out). */
  #threadTask = new Task(this, {
    args: () => [this.#listKey, this.threadId] as const,
    task: async ([key, threadId], { signal }) => {
      if (!key || !threadId || !this.portal) {
        this.#thread = undefined;
        return initialState;
      }
      if (this.#thread?.id !== threadId) this.#thread = undefined;
      // The reply box's code downloads while the conversation does.
      const replyForm = this.#loadReplyForm();
      replyForm.catch(() => undefined); // shown in the reply area, with Retry
      try {
        const detail = await this.portal.client.getThread(threadId, { signal });
        signal.throwIfAborted();
        const reply = this.#canReply(detail) ? await replyForm.catch(() => undefined) : undefined;
        signal.throwIfAborted();
        this.#thread = detail;
        reply?.open(threadId);
        void this.#markRead(detail);
        return threadId;
      } catch (error) {
        throw this.#handleLoadError(error);
      }
    },
  });

  /** Set while the patient can load messages: signed in, own password chosen, policy accepted. */
  get #listKey(): string | null {
    const session = this.portal?.session;
    if (!session?.authenticated || session.mustChangePassword || session.consent.required) return null;
    return session.patient.id;
  }

  /** The consent step's element: its code loads only for a patient who has to accept the policy. */
  readonly #consentElement = new LazyElement(this, 'portal-policy-consent', loadPolicyConsent);

  // ---------------------------------------------------------------- lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the DOM: pick up where it was (paging and polling resume on this update).
    if (this.#pageAbort.signal.aborted) this.#pageAbort = new AbortController();
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
    clearTimeout(this.#announceTimer);
    this.#pageAbort.abort();
    this.#threadRefresh?.abort();
    this.#revokeObjectUrls();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#placeholderFrame) {
      cancelAnimationFrame(this.#placeholderFrame);
      this.#placeholderFrame = 0;
    }
    if (changed.has('portal' as keyof PortalInbox)) {
      const key = this.#listKey;
      if (key !== this.#dataKey) {
        // Signed out, or a different patient: nothing of the previous one may remain.
        if (this.#dataKey !== null) this.#dropData();
        this.#dataKey = key;
        if (key && this.#lastPatient && key !== this.#lastPatient && this.threadId) {
          // Someone else signed in: the open conversation (from the URL) is not theirs.
          this.threadId = null;
          this.dispatchEvent(new PortalThreadOpenedEvent({ threadId: null }));
        }
        if (key) this.#lastPatient = key;
      }
    }
    if (changed.has('threadId')) this.#onThreadIdChange(changed.get('threadId') ?? null);
  }

  protected override render(): TemplateResult {
    if (this.misconfigured) return this.renderMisconfigured();
    const portal = this.portal;
    const t = this.localize;
    if (!portal || portal.status === 'loading') {
      return html`<div part="base" class="inbox">${this.renderLoading(t.term('inbox.list.loading'))}</div>`;
    }
    if (portal.status === 'error' && portal.error) {
      const host = portal.host;
      return html`<div part="base" class="inbox">${this.renderError(portal.error, () => void host.reload())}</div>`;
    }
    const session = portal.session;
    if (!session?.authenticated) {
      return html`<div part="base" class="inbox">
        <div class="state" role="status">
          <p><strong>${t.term('state.signedOut')}</strong></p>
          <p>${t.term('inbox.signedOut')}</p>
        </div>
      </div>`;
    }
    if (session.mustChangePassword) {
      return html`<div part="base" class="inbox">
        <div class="notice warning" role="status"><p>${t.term('error.password-change-required')}</p></div>
      </div>`;
    }
    if (session.consent.required || this.#needsConsent()) {
      return html`<div part="base" class="inbox consent">
        <h2 class="title">${t.term('inbox.title')}</h2>
        <p>${t.term('inbox.consent.intro')}</p>
        ${this.#renderConsentStep()}
      </div>`;
    }
    return html`<div part="base" class="inbox" lang=${t.locale} dir=${t.dir}>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${this.threadId ? this.#renderThreadView() : this.#renderListView()}
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    this.#window.observe(scroller, this.renderRoot.querySelector<HTMLElement>('.row-probe'));
    if (scroller) this.#maybeLoadMore();
    this.#moveFocus(scroller);
    this.#syncPoller();
    this.#syncUnreadEvent();
    this.setWidgetState(this.#widgetState());
  }

  // ---------------------------------------------------------------- list view

  #renderConsentStep() {
    const state = this.#consentElement.state;
    if (state === 'failed') return this.renderError(this.#consentElement.error, this.#consentElement.retry);
    if (state === 'loading') return this.renderLoading();
    return html`<portal-policy-consent></portal-policy-consent>`;
  }

  #renderListView(): TemplateResult {
    const t = this.localize;
    const session = this.#session;
    const canWrite = session?.messaging.allowed !== false;
    const status = this.#listTask.status;
    const error = status === TaskStatus.ERROR ? toPortalError(this.#listTask.error) : null;
    const unread = this.unreadTotal;
    // A patient with no conversations at all: no filter to use, one "Write a message" (in the empty state).
    const nothingYet = !error && this.#listLoaded && this.#total === 0 && !this.#listFilter.category && !this.#listFilter.q;
    return html`
      <div class="header" part="header">
        <h2 class="title" id="inbox-title">
          ${t.term('inbox.title')}
          ${unread ? html`<span class="badge">${t.term('inbox.unreadBadge', unread)}</span>` : nothing}
        </h2>
        ${canWrite && !nothingYet ? this.#renderComposeAction() : nothing}
      </div>
      ${session?.notificationEmailBounced
        ? renderBounceBanner({
            localize: this.localize,
            clinic: this.portal?.clinic,
            ...(this.preferencesHref ? { fixHref: this.preferencesHref } : {}),
          })
        : nothing}
      ${canWrite ? nothing : this.renderRevoked()}
      ${nothingYet ? nothing : this.#renderToolbar()}
      ${error
        ? this.renderError(error, () => void this.#listTask.run())
        : !this.#listLoaded
          ? this.renderLoading(t.term('inbox.list.loading'))
          : this.#total === 0
            ? this.#renderEmpty(canWrite)
            : this.#renderList()}
    `;
  }

  #renderComposeAction(): TemplateResult {
    const label = this.localize.term('inbox.compose');
    const href = safeLinkHref(this.composeHref);
    return href
      ? html`<a class="button" part="compose-button" href=${href} @click=${this.#onCompose}>${label}</a>`
      : html`<button class="button" part="compose-button" type="button" @click=${this.#onCompose}>${label}</button>`;
  }

  #renderToolbar(): TemplateResult {
    const t = this.localize;
    const categories = this.portal?.clinic?.categories ?? [];
    const busy = this.#listLoaded && this.#listTask.status === TaskStatus.PENDING;
    return html`<div class="toolbar" part="toolbar" role="search">
        <div class="field" part="field">
          <label for="inbox-category">${t.term('inbox.filter.category')}</label>
          <select id="inbox-category" .value=${this.category} @change=${this.#onCategoryChange}>
            <option value="" ?selected=${this.category === ''}>${t.term('inbox.filter.all')}</option>
            ${categories.map(
              (category) =>
                html`<option value=${category.id} ?selected=${this.category === category.id}>
                  ${this.#categoryLabel(category.id)}
                </option>`,
            )}
          </select>
        </div>
        <div class="field" part="field">
          <label for="inbox-search">${t.term('inbox.search.label')}</label>
          <input
            id="inbox-search"
            type="search"
            autocomplete="off"
            spellcheck="false"
            maxlength=${LIMITS.searchMax}
            .value=${this.searchText}
            @input=${this.#onSearchInput}
          />
        </div>
      </div>
      ${this.#listLoaded && this.#total > 0
        ? html`<p class="summary hint">
            ${t.term('inbox.summary', this.#total, formatCount(this.#total, t.locale))}
            ${busy ? html`<span class="spinner small" aria-hidden="true"></span> ${t.term('inbox.list.searching')}` : nothing}
          </p>`
        : nothing}`;
  }

  #renderEmpty(canWrite: boolean): TemplateResult {
    const t = this.localize;
    if (this.#listFilter.category || this.#listFilter.q) {
      return this.renderEmpty(html`<h3>${t.term('inbox.noMatch.title')}</h3>
        <p>${t.term('inbox.noMatch.body')}</p>
        <button class="button secondary" type="button" @click=${this.#clearFilters}>${t.term('inbox.search.clear')}</button>`);
    }
    return this.renderEmpty(html`<h3>${t.term('inbox.empty.title')}</h3>
      <p>${t.term('inbox.empty.body')}</p>
      ${canWrite ? this.#renderComposeAction() : nothing}`);
  }

  #renderList(): TemplateResult {
    const t = this.localize;
    const total = this.#total;
    const range = this.#window.range(total);
    this.#window.rendered(range);
    this.#lastRange = range;
    const indices: number[] = [];
    for (let i = range.start; i < range.end; i++) indices.push(i);
    const active = Math.min(this.#activeIndex, total - 1);
    // Keep the focused row in the DOM even when scrolled away, so focus is never dropped.
    if (this.#focusInList && (active < range.start || active >= range.end)) {
      indices.push(active);
      indices.sort((a, b) => a - b);
    }
    const tabStop = active >= range.start && active < range.end ? active : this.#focusInList ? active : range.start;
    return html`<div class="list-region">
        <div class="scroller">
          <div
            class="rows"
            part="list"
            role="list"
            aria-label=${t.term('inbox.list.label')}
            ${cssProps({ '--_n': total })}
            @keydown=${this.#onListKeydown}
            @click=${this.#onListClick}
            @focusin=${this.#onListFocusIn}
            @focusout=${this.#onListFocusOut}
          >
            ${repeat(
              indices,
              (index) => index,
              (index) => this.#renderRow(index, total, index === tabStop),
            )}
          </div>
          <div class="row-probe" aria-hidden="true"></div>
        </div>
      </div>
      ${this.#moreError
        ? html`<div class="notice danger more-error" part="error" role="alert">
            <p>${t.term('inbox.list.moreFailed')} ${this.errorMessage(this.#moreError)}</p>
            ${this.#moreError.retryable
              ? html`<button class="button secondary" type="button" @click=${this.#retryMore}>${t.term('common.retry')}</button>`
              : nothing}
          </div>`
        : nothing}`;
  }

  #renderRow(index: number, total: number, tabStop: boolean): TemplateResult {
    const thread = this.#threads[index];
    const unread = thread?.unreadCount ?? 0;
    // div + explicit roles: WebKit drops list semantics from a <ul> styled with list-style: none.
    return html`<div
      class="row ${unread > 0 ? 'unread' : ''} ${thread ? '' : 'placeholder'}"
      part="item"
      role="listitem"
      aria-setsize=${total}
      aria-posinset=${index + 1}
      ${cssProps({ '--_i': index })}
    >
      <button
        type="button"
        class="row-button"
        data-index=${index}
        tabindex=${tabStop ? 0 : -1}
        aria-disabled=${ifDefined(thread ? undefined : 'true')}
      >
        ${thread ? this.#renderRowContent(thread) : html`<span class="row-loading">${this.localize.term('inbox.row.loading')}</span>`}
      </button>
    </div>`;
  }

  #renderRowContent(thread: ThreadSummary): TemplateResult {
    const t = this.localize;
    const locale = t.locale;
    const zone = this.portal?.clinic?.timeZone;
    const exact = exactTime(thread.lastActivityAt, locale, zone);
    const unread = thread.unreadCount;
    return html`<span class="dot" aria-hidden="true"></span>
      ${unread > 0 ? html`<span class="visually-hidden">${t.term('inbox.row.unread', unread)}, </span>` : nothing}
      <span class="subject" dir="auto">${cleanLine(thread.subject) || '—'}</span>
      <span class="visually-hidden">, </span>
      <time class="time" datetime=${thread.lastActivityAt} title=${exact}
        ><span aria-hidden="true">${relativeTime(thread.lastActivityAt, this.#nowMs || this.now().getTime(), locale, zone, t.term('inbox.time.justNow'))}</span
        ><span class="visually-hidden">${exact}, </span></time
      >
      <span class="category">${this.#categoryLabel(thread.category)}<span class="visually-hidden">, </span></span>
      <span class="sender"
        ><span class="visually-hidden">${t.term('inbox.row.lastFrom')} </span>${this.#senderLabel(thread.lastSender)}</span
      >
      <span class="badges">
        ${unread > 0 ? html`<span class="count" aria-hidden="true">${t.term('inbox.row.new', unread)}</span>` : nothing}
        ${thread.hasAttachments
          ? html`${paperclipIcon}<span class="visually-hidden">, ${t.term('inbox.row.attachments')}</span>`
          : nothing}
      </span>`;
  }

  #categoryLabel(id: CategoryId): string {
    const category = this.portal?.clinic?.categories.find((c) => c.id === id);
    if (!category) return id;
    return category.label[this.localize.locale] ?? category.label.en;
  }

  /** "You", or "<bdi>Dr. Maya Patel</bdi>, physician": the role comes from our catalog, never the server's text. */
  #senderLabel(sender: Sender): TemplateResult {
    const t = this.localize;
    if (sender.kind === 'patient') return html`${t.term('inbox.you')}`;
    return html`${isolate(sender.name)}<span class="role">, ${t.term(`inbox.role.${sender.role}`)}</span>`;
  }

  // ---------------------------------------------------------------- list events

  #onCategoryChange = (event: Event) => {
    this.category = (event.target as HTMLSelectElement).value as CategoryId | '';
    this.#announceResults = true;
  };

  #onSearchInput = (event: Event) => {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      const query = this.searchText.trim().slice(0, LIMITS.searchMax);
      if (query !== this.query) {
        this.query = query;
        this.#announceResults = true;
      }
    }, SEARCH_DEBOUNCE_MS);
  };

  #clearFilters = () => {
    clearTimeout(this.#searchTimer);
    this.category = '';
    this.searchText = '';
    this.query = '';
    this.#announceResults = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#inbox-search')?.focus());
  };

  #onCompose = (event: Event) => {
    const request = new PortalRequestComposeEvent({ category: this.category || null });
    this.dispatchEvent(request);
    if (request.defaultPrevented) event.preventDefault();
  };

  #onListClick = (event: Event) => {
    const button = (event.target as Element).closest<HTMLElement>('.row-button');
    if (!button) return;
    const thread = this.#threads[Number(button.dataset['index'])];
    if (thread) this.#openThread(thread.id);
  };

  #onListKeydown = (event: KeyboardEvent) => {
    const button = (event.target as Element).closest<HTMLElement>('.row-button');
    if (!button || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = Number(button.dataset['index']);
    const page = Math.max(1, (this.#lastRange?.visible ?? 2) - 1);
    const last = this.#total - 1;
    const next =
      event.key === 'ArrowDown' ? index + 1
      : event.key === 'ArrowUp' ? index - 1
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : event.key === 'PageDown' ? index + page
      : event.key === 'PageUp' ? index - page
      : null;
    if (next === null) return;
    event.preventDefault();
    void this.#focusRow(Math.max(0, Math.min(last, next)));
  };

  #onListFocusIn = (event: FocusEvent) => {
    const button = (event.target as Element).closest<HTMLElement>('.row-button');
    if (!button) return;
    const index = Number(button.dataset['index']);
    const changed = !this.#focusInList || index !== this.#activeIndex;
    this.#focusInList = true;
    this.#activeIndex = index;
    // Outside an update cycle: focus may move during `updated()`.
    if (changed) queueMicrotask(() => this.requestUpdate());
  };

  #onListFocusOut = (event: FocusEvent) => {
    const list = event.currentTarget as HTMLElement;
    if (event.relatedTarget instanceof Node && list.contains(event.relatedTarget)) return;
    this.#focusInList = false;
  };

  async #focusRow(index: number) {
    this.#activeIndex = index;
    this.#focusInList = true;
    this.#window.scrollToIndex(index);
    await this.updateComplete;
    this.#rowButton(index)?.focus();
  }

  #rowButton(index: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.row-button[data-index="${index}"]`);
  }

  #retryMore = () => {
    this.#moreError = null;
    this.requestUpdate();
  };

  // ---------------------------------------------------------------- list data

  #replaceList(page: ThreadPage, filter: ListFilter) {
    this.#threads = [];
    this.#indexById = new Map();
    this.#cursor = null;
    this.#wanted = 0;
    this.#moreError = null;
    this.#listFilter = filter;
    this.#appendPage(page);
    const firstLoad = !this.#listLoaded;
    this.#listLoaded = true;
    this.#latestActivityAt = undefined;
    this.#nowMs = this.now().getTime();
    if (!firstLoad) {
      this.#activeIndex = 0;
      this.#window.scrollTo(0);
    }
    if (this.#announceResults) {
      this.#announceResults = false;
      this.#announce(this.localize.term('inbox.list.results', this.#total, formatCount(this.#total, this.localize.locale)));
    }
  }

  #appendPage(page: ThreadPage) {
    for (const thread of page.items) {
      // A thread that moved to the top since an earlier page is already listed.
      if (this.#indexById.has(thread.id)) continue;
      this.#indexById.set(thread.id, this.#threads.length);
      this.#threads.push(thread);
    }
    this.#cursor = page.nextCursor;
    this.#total = page.nextCursor ? Math.max(page.total, this.#threads.length) : this.#threads.length;
    this.portal?.host.setUnreadTotal(page.unreadTotal);
  }

  /**
   * Other rows came into view. When they are not loaded yet, ask for them first
   * and render at the next animation frame (still before that frame paints): a
   * fast backend fills them in before then, so the rows render once, with data,
   * instead of as placeholders and again.
   */
  #onWindowMove() {
    const range = this.#window.range(this.#total);
    if (range.end > this.#threads.length && this.#cursor && !this.#moreError && this.#listTask.status === TaskStatus.COMPLETE) {
      void this.#loadMore(Math.min(this.#total, range.end + PREFETCH_ROWS));
      if (!this.#placeholderFrame) {
        this.#placeholderFrame = requestAnimationFrame(() => {
          this.#placeholderFrame = 0;
          this.requestUpdate();
        });
      }
      return;
    }
    this.requestUpdate();
  }

  #maybeLoadMore() {
    const range = this.#lastRange;
    if (!range || !this.#cursor || this.#moreError || this.#listTask.status !== TaskStatus.COMPLETE) return;
    const needed = Math.min(this.#total, range.end + PREFETCH_ROWS);
    if (needed > this.#threads.length) void this.#loadMore(needed);
  }

  /** Fetch pages until `target` rows are loaded (a jump to the end chains them without rendering in between). */
  async #loadMore(target: number) {
    this.#wanted = Math.max(this.#wanted, target);
    if (this.#loadingMore || !this.portal) return;
    this.#loadingMore = true;
    const client = this.portal.client;
    const generation = this.#generation;
    const signal = this.#pageAbort.signal;
    const filter = this.#listFilter;
    try {
      while (this.#cursor && this.#threads.length < this.#wanted) {
        const page = await client.listThreads(pageQuery(filter, this.#cursor), { signal });
        if (generation !== this.#generation) return;
        const from = this.#threads.length;
        this.#appendPage(page);
        const range = this.#window.range(this.#total);
        if (from < range.end && this.#threads.length > range.start) this.requestUpdate();
      }
    } catch (error) {
      if (generation !== this.#generation) return;
      const portalError = toPortalError(error);
      if (portalError.type === 'aborted') return;
      if (portalError.needsSignIn) this.portal?.host.sessionExpired();
      else this.#moreError = portalError;
    } finally {
      if (generation === this.#generation) {
        this.#loadingMore = false;
        this.requestUpdate();
      }
    }
  }

  /**
   * Live refresh: fetch the first page again and merge it in front of what is
   * loaded, keeping the rows the patient is looking at (and the focused row) in place.
   */
  async #refreshFirstPage(signal: AbortSignal) {
    if (!this.portal || !this.#listLoaded || this.#listTask.status !== TaskStatus.COMPLETE) return;
    const generation = this.#generation;
    const filter = this.#listFilter;
    const page = await this.portal.client.listThreads(pageQuery(filter), { signal });
    if (generation !== this.#generation) return;

    const rowHeight = this.#window.rowHeight;
    const scrollTop = this.#window.scrollTop;
    const firstVisible = Math.floor(scrollTop / rowHeight);
    const anchorId = this.#threads[firstVisible]?.id;
    const activeId = this.#threads[this.#activeIndex]?.id;

    const fresh = new Set(page.items.map((thread) => thread.id));
    const rest = page.nextCursor ? this.#threads.filter((thread) => !fresh.has(thread.id)) : [];
    this.#threads = [...page.items, ...rest];
    this.#indexById = new Map(this.#threads.map((thread, index) => [thread.id, index]));
    if (!page.nextCursor) this.#cursor = null;
    else if (rest.length === 0) this.#cursor = page.nextCursor;
    this.#total = this.#cursor ? Math.max(page.total, this.#threads.length) : this.#threads.length;
    this.portal.host.setUnreadTotal(page.unreadTotal);

    if (activeId !== undefined) {
      const moved = this.#indexById.get(activeId);
      if (moved !== undefined && moved !== this.#activeIndex) {
        this.#activeIndex = moved;
        this.#refocusActive = this.#focusInList;
      }
    }
    const anchor = anchorId === undefined ? undefined : this.#indexById.get(anchorId);
    if (scrollTop > 0 && anchor !== undefined && anchor !== firstVisible) {
      this.#window.scrollTo(scrollTop + (anchor - firstVisible) * rowHeight);
    }
    this.requestUpdate();

    // The open conversation got something new: show it, and it is read.
    const open = this.#thread;
    const summary = open ? page.items.find((thread) => thread.id === open.id) : undefined;
    const lastSeen = open?.messages.at(-1)?.sentAt;
    if (open && summary && lastSeen && Date.parse(summary.lastActivityAt) > Date.parse(lastSeen)) {
      await this.#refreshOpenThread(open.id);
    }
  }

  // ---------------------------------------------------------------- thread view

  #openThread(threadId: string) {
    if (this.threadId === threadId) return;
    this.threadId = threadId;
    this.dispatchEvent(new PortalThreadOpenedEvent({ threadId }));
  }

  #closeThread = () => {
    this.threadId = null;
    this.dispatchEvent(new PortalThreadOpenedEvent({ threadId: null }));
  };

  /** Runs in willUpdate, before the view switches: remember or restore the list's place and focus. */
  #onThreadIdChange(previous: string | null) {
    const focusInside = this.shadowRoot?.activeElement != null;
    if (this.threadId && !previous) {
      this.#savedScrollTop = this.#window.scrollTop;
      this.#focusInList = false;
    }
    if (this.#replyForm && this.#replyForm.threadId !== this.threadId) this.#replyForm.close();
    if (this.threadId) {
      if (this.#thread?.id !== this.threadId) this.#thread = undefined;
      this.#downloadErrors.clear();
      if (focusInside) this.#focusHeading = true;
    } else if (previous) {
      this.#thread = undefined;
      this.#threadRefresh?.abort();
      this.#window.scrollTo(this.#savedScrollTop);
      const index = this.#indexById.get(previous);
      if (index !== undefined) this.#activeIndex = index;
      this.#returnFocusTo = focusInside ? previous : null;
    }
  }

  #renderThreadView(): TemplateResult {
    const t = this.localize;
    const detail = this.#thread;
    const summary = this.threadId ? this.#threads[this.#indexById.get(this.threadId) ?? -1] : undefined;
    const subject = detail?.subject ?? summary?.subject;
    const error = this.#threadTask.status === TaskStatus.ERROR ? toPortalError(this.#threadTask.error) : null;
    return html`<div class="thread" part="thread">
      <button class="button link back" part="back-button" type="button" @click=${this.#closeThread}>
        ${backIcon}<span>${t.term('inbox.back')}</span>
      </button>
      <h2 class="thread-title" id="thread-title" tabindex="-1" dir="auto">
        ${subject !== undefined ? cleanLine(subject) || '—' : t.term('inbox.thread.loading')}
      </h2>
      ${detail
        ? html`<p class="thread-meta hint">
              ${this.#categoryLabel(detail.category)} · ${t.term('inbox.thread.count', detail.messages.length)}
            </p>
            <ol class="messages" aria-label=${t.term('inbox.thread.messages')}>
              ${repeat(
                detail.messages,
                (message) => message.id,
                (message, index) => this.#renderMessage(message, index, detail.messages.length),
              )}
            </ol>
            ${this.#renderReplyArea(detail)}`
        : error
          ? this.renderError(error, () => void this.#threadTask.run())
          : this.renderLoading(t.term('inbox.thread.loading'))}
    </div>`;
  }

  #renderMessage(message: Message, index: number, count: number): TemplateResult {
    const t = this.localize;
    const staff = message.sender.kind === 'staff';
    const locale = t.locale;
    const zone = this.portal?.clinic?.timeZone;
    return html`<li class="message ${staff ? 'staff' : 'patient'}" part="message">
      <h3 class="message-header">
        <span class="visually-hidden">${t.term('inbox.message.from', index + 1, count)}: </span>
        <span class="sender">${this.#senderLabel(message.sender)}</span>
        <time class="message-time" datetime=${message.sentAt} title=${exactTime(message.sentAt, locale, zone)}
          >${messageTime(message.sentAt, locale, zone)}</time
        >
      </h3>
      ${message.triage && message.triage.level !== 'routine'
        ? html`<p class="flag">${t.term('inbox.message.urgentFlag')}</p>`
        : nothing}
      <div class="body" dir="auto">${renderText(message.body, { linkify: staff, newTabLabel: t.term('inbox.link.newTab') })}</div>
      ${message.attachments.length ? this.#renderAttachments(message.attachments) : nothing}
    </li>`;
  }

  #renderAttachments(attachments: readonly AttachmentMeta[]): TemplateResult {
    const t = this.localize;
    return html`<div class="attachments">
      <p class="attachments-title">${t.term('inbox.attachments')}</p>
      <ul>
        ${attachments.map((attachment) => {
          const busy = this.#downloading.has(attachment.id);
          const error = this.#downloadErrors.get(attachment.id);
          return html`<li>
            <button
              class="button secondary attachment"
              type="button"
              aria-disabled=${busy ? 'true' : 'false'}
              @click=${() => void this.#download(attachment)}
            >
              ${downloadIcon}
              <span
                >${busy ? t.term('inbox.downloading') : t.term('inbox.download')} ${isolate(attachment.filename)}
                <span class="size">(${fileSize(attachment.size, t.locale)})</span></span
              >
            </button>
            ${error
              ? html`<p class="field-error" role="alert">${t.term('inbox.download.failed')} ${this.errorMessage(error)}</p>`
              : nothing}
          </li>`;
        })}
      </ul>
    </div>`;
  }

  #renderReplyArea(detail: ThreadDetail): TemplateResult {
    const t = this.localize;
    if (this.#session?.messaging.allowed === false) return html`<div class="reply" part="reply">${this.renderRevoked()}</div>`;
    if (!detail.canReply) {
      return html`<div class="reply" part="reply"><p class="notice">${t.term('inbox.thread.closed')}</p></div>`;
    }
    const reply = this.#replyForm;
    if (!reply) {
      if (!this.#replyLoadError) {
        // The conversation became open to replies after it was shown (a refresh): load the box now.
        void this.#retryReplyForm(detail.id);
        return html`<div class="reply" part="reply">${this.renderLoading()}</div>`;
      }
      // Its code could not load (offline?): the conversation stays readable; Retry loads the box.
      return html`<div class="reply" part="reply">
        ${this.renderError(this.#replyLoadError, () => void this.#retryReplyForm(detail.id))}
      </div>`;
    }
    return reply.render(this.portal?.clinic?.categories.find((c) => c.id === detail.category));
  }

  async #retryReplyForm(threadId: string) {
    const reply = await this.#loadReplyForm().catch(() => undefined);
    if (reply && this.threadId === threadId) reply.open(threadId);
    this.requestUpdate();
  }

  #canReply(detail: ThreadDetail): boolean {
    return detail.canReply && this.#session?.messaging.allowed !== false;
  }

  /** The reply is on the server: show it in the conversation and move the conversation to the top. */
  #onReplySent(threadId: string, result: SendResult) {
    const open = this.#thread;
    if (open?.id === threadId && !open.messages.some((m) => m.id === result.message.id)) {
      this.#thread = { ...open, messages: [...open.messages, result.message] };
    }
    const index = this.#indexById.get(threadId);
    const summary = index === undefined ? undefined : this.#threads[index];
    if (summary && index !== undefined) {
      this.#threads.splice(index, 1);
      this.#threads.unshift({
        ...summary,
        lastActivityAt: result.message.sentAt,
        lastSender: result.message.sender,
        messageCount: Math.min(LIMITS.messagesPerThread, summary.messageCount + 1),
        hasAttachments: summary.hasAttachments || result.message.attachments.length > 0,
      });
      this.#indexById = new Map(this.#threads.map((thread, i) => [thread.id, i]));
    }
    const category = open?.category ?? summary?.category;
    if (category) {
      this.dispatchEvent(
        new PortalMessageSentEvent({ threadId, messageId: result.message.id, category, reply: true }),
      );
    }
    this.requestUpdate();
  }

  async #refreshOpenThread(threadId: string) {
    if (!this.portal) return;
    this.#threadRefresh?.abort();
    const abort = (this.#threadRefresh = new AbortController());
    try {
      const detail = await this.portal.client.getThread(threadId, { signal: abort.signal });
      if (abort.signal.aborted || this.threadId !== threadId) return;
      this.#thread = detail;
      this.requestUpdate();
      void this.#markRead(detail, true);
    } catch {
      // The conversation on screen stays as it was; the next poll tries again.
    }
  }

  async #markRead(detail: ThreadDetail, force = false) {
    const index = this.#indexById.get(detail.id);
    const summary = index === undefined ? undefined : this.#threads[index];
    // Unknown (deep link, not in the loaded list) counts as "maybe unread".
    if (!force && summary && summary.unreadCount === 0) return;
    const portal = this.portal;
    if (!portal) return;
    try {
      const { unreadTotal } = await portal.client.markRead(detail.id);
      const current = this.#indexById.get(detail.id);
      const row = current === undefined ? undefined : this.#threads[current];
      if (row && current !== undefined) this.#threads[current] = { ...row, unreadCount: 0 };
      portal.host.setUnreadTotal(unreadTotal);
      this.requestUpdate();
    } catch (error) {
      // Not fatal: the thread stays marked unread and is marked next time it is opened.
      if (toPortalError(error).needsSignIn) portal.host.sessionExpired();
    }
  }

  /** Download through the contract into an object URL, hand it to the browser, and revoke it. */
  async #download(attachment: AttachmentMeta) {
    const portal = this.portal;
    if (!portal || this.#downloading.has(attachment.id)) return;
    this.#downloading.add(attachment.id);
    this.#downloadErrors.delete(attachment.id);
    this.requestUpdate();
    try {
      const blob = await portal.client.downloadAttachment(attachment.id, { signal: this.#pageAbort.signal });
      const url = URL.createObjectURL(blob);
      this.#objectUrls.add(url);
      const link = document.createElement('a');
      link.href = url;
      link.download = safeFilename(attachment.filename);
      link.rel = 'noopener';
      link.hidden = true;
      this.renderRoot.append(link);
      link.click();
      link.remove();
      setTimeout(() => this.#revokeObjectUrl(url), OBJECT_URL_TTL_MS);
    } catch (error) {
      const portalError = toPortalError(error);
      if (portalError.needsSignIn) portal.host.sessionExpired();
      else if (portalError.type !== 'aborted') this.#downloadErrors.set(attachment.id, portalError);
    } finally {
      this.#downloading.delete(attachment.id);
      this.requestUpdate();
    }
  }

  #revokeObjectUrl(url: string) {
    if (this.#objectUrls.delete(url)) URL.revokeObjectURL(url);
  }

  #revokeObjectUrls() {
    for (const url of this.#objectUrls) URL.revokeObjectURL(url);
    this.#objectUrls.clear();
  }

  // ---------------------------------------------------------------- live updates

  async #poll(signal: AbortSignal) {
    const portal = this.portal;
    if (!portal || !this.#listKey) return;
    let status;
    try {
      status = await portal.client.getInboxStatus({ signal });
    } catch (error) {
      const portalError = toPortalError(error);
      if (portalError.needsSignIn) {
        this.#poller.stop();
        // Mid-reply: keep the text; the send step asks for the password. Otherwise sign out.
        if (!this.#replyForm?.dirty && !portal.reauthRequired) portal.host.sessionExpired();
        return;
      }
      throw portalError;
    }
    if (signal.aborted) return;
    this.#nowMs = this.now().getTime();
    const previousUnread = this.unreadTotal;
    const changed = this.#activityChanged(status.latestActivityAt);
    this.#latestActivityAt = status.latestActivityAt;
    portal.host.setUnreadTotal(status.unreadTotal);
    if (changed) {
      await this.#refreshFirstPage(signal);
      const added = previousUnread === null ? 0 : status.unreadTotal - previousUnread;
      // Count only: the announcement never carries who wrote or what.
      if (added > 0) this.#announce(this.localize.term('inbox.live.new', added));
    }
    this.requestUpdate(); // relative times ("5 minutes ago") move on
  }

  /** Did anything change since we last looked? The first poll compares with the newest loaded thread. */
  #activityChanged(latest: string | null): boolean {
    if (this.#latestActivityAt !== undefined) return latest !== this.#latestActivityAt;
    if (!latest) return false;
    const newest = this.#threads[0]?.lastActivityAt;
    const filtered = this.#listFilter.category !== '' || this.#listFilter.q !== '';
    return !filtered && (!newest || Date.parse(latest) > Date.parse(newest));
  }

  #announce(text: string) {
    // Clear first so the same words ("1 new message") are announced again.
    clearTimeout(this.#announceTimer);
    this.announcement = '';
    this.#announceTimer = setTimeout(() => {
      this.announcement = text;
    }, 100);
  }

  #syncPoller() {
    if (this.#listKey && this.#listLoaded && !this.portal?.reauthRequired) this.#poller.start();
    else this.#poller.stop();
  }

  #syncUnreadEvent() {
    const unread = this.unreadTotal;
    if (unread === this.#lastUnreadEvent) return;
    const previous = this.#lastUnreadEvent;
    this.#lastUnreadEvent = unread;
    // Signed out: badges go back to zero.
    if (unread === null && previous === null) return;
    this.dispatchEvent(new PortalUnreadChangedEvent({ unreadTotal: unread ?? 0 }));
  }

  // ---------------------------------------------------------------- shared helpers

  get #session() {
    const session = this.portal?.session;
    return session?.authenticated ? session : null;
  }

  #needsConsent(): boolean {
    const error = this.#listTask.status === TaskStatus.ERROR ? toPortalError(this.#listTask.error) : null;
    return error?.type === 'consent-required';
  }

  /** Failures while loading: session problems go to the host; the rest are reported and shown. */
  #handleLoadError(error: unknown): PortalError {
    const portalError = toPortalError(error);
    if (portalError.type === 'aborted') return portalError;
    if (portalError.needsSignIn) this.portal?.host.sessionExpired();
    else if (portalError.type === 'consent-required' || portalError.type === 'password-change-required') {
      void this.portal?.host.refreshSession().catch(() => undefined);
    }
    return this.reportLoadError(portalError);
  }

  #moveFocus(scroller: HTMLElement | null) {
    if (this.#refocusActive && scroller) {
      this.#refocusActive = false;
      // The row stays rendered while focused (see #renderList); no scrolling to it.
      this.#rowButton(this.#activeIndex)?.focus({ preventScroll: true });
    }
    if (this.#focusHeading) {
      const heading = this.renderRoot.querySelector<HTMLElement>('#thread-title');
      if (heading) {
        this.#focusHeading = false;
        heading.focus();
      }
    }
    if (this.#returnFocusTo && scroller) {
      const index = this.#indexById.get(this.#returnFocusTo);
      this.#returnFocusTo = null;
      const row = index === undefined ? null : this.#rowButton(index);
      (row ?? this.renderRoot.querySelector<HTMLElement>('.row-button[tabindex="0"]'))?.focus();
    }
  }

  #widgetState() {
    if (!this.portal || this.portal.status === 'loading') return 'loading';
    if (this.portal.status === 'error') return 'error';
    if (!this.#session) return 'ready';
    if (this.#replyForm?.busy) return 'submitting';
    if (this.threadId) {
      if (this.#threadTask.status === TaskStatus.ERROR) return 'error';
      return this.#thread ? 'ready' : 'loading';
    }
    if (this.#listTask.status === TaskStatus.ERROR) return 'error';
    if (!this.#listLoaded) return 'loading';
    return this.#total === 0 ? 'empty' : 'ready';
  }

  /** Signed out or another patient: forget every conversation, filter and pending request. */
  #dropData() {
    this.#generation++;
    this.#pageAbort.abort();
    this.#pageAbort = new AbortController();
    this.#threadRefresh?.abort();
    this.#poller.stop();
    clearTimeout(this.#searchTimer);
    clearTimeout(this.#announceTimer);
    this.#threads = [];
    this.#indexById = new Map();
    this.#cursor = null;
    this.#total = 0;
    this.#listFilter = { category: '', q: '' };
    this.#listLoaded = false;
    this.#loadingMore = false;
    this.#wanted = 0;
    this.#moreError = null;
    this.#lastRange = undefined;
    this.#thread = undefined;
    this.#replyForm?.drop();
    this.#downloading.clear();
    this.#downloadErrors.clear();
    this.#revokeObjectUrls();
    this.#latestActivityAt = undefined;
    this.#activeIndex = 0;
    this.#focusInList = false;
    this.#savedScrollTop = 0;
    this.#returnFocusTo = null;
    this.#window.scrollTo(0);
    this.category = '';
    this.searchText = '';
    this.query = '';
    this.announcement = '';
  }
}

function pageQuery(filter: ListFilter, cursor?: string): ThreadQuery {
  return {
    limit: PAGE_SIZE,
    ...(cursor ? { cursor } : {}),
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.q ? { q: filter.q } : {}),
  };
}

const paperclipIcon = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l7.9-7.9"/></svg>`;
const backIcon = html`<svg class="icon flip-rtl" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" d="M15 5l-7 7 7 7"/></svg>`;
const downloadIcon = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" d="M12 4v11m0 0l-4.5-4.5M12 15l4.5-4.5M5 20h14"/></svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'portal-inbox': PortalInbox;
  }
}
