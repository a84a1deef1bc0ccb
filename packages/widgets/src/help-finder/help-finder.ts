import { msg, str } from '@lit/localize';
import { paginate } from '@smart-region/sdk';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { isolated } from '../core/bidi.js';
import { collect } from '../core/collect.js';
import { ModalDialog, dialogStyles } from '../core/dialog.js';
import { oneOf, type AttributeRules } from '../core/attributes.js';
import { Debounce } from '../core/debounce.js';
import { emit } from '../core/events.js';
import { FocusAfterUpdate } from '../core/focus.js';
import { sameValues } from '../core/hub-task.js';
import { SrElement } from '../core/sr-element.js';
import { contentLanguage } from '../core/i18n.js';
import { fieldStyles } from '../core/styles.js';
import { skeletonText } from '../core/states.js';
import { filterPanel, searchForm, topicChips, type ControlsContext } from './controls.js';
import { crisisBanner } from './crisis.js';
import { answersToChoices, guidedStep, type Answers } from './guided.js';
import { offerCard, offerDetails, offerSkeleton, type HelpOffer, type OfferContext } from './offer.js';
import { noChoices, roundedPosition, searchQuery, type Choices, type HelpOffersQuery } from './search.js';
import { helpFinderStyles } from './styles.js';

export type { HelpOffer } from './offer.js';

/** What `sr-help-search` tells: the search the reader made (no position: that stays in the widget). */
export interface HelpSearchDetail {
  q: string;
  topic: string;
}

/** How long typing pauses before the finder asks the Hub: long enough not to ask for every letter. */
const typingPause = 300;

/** Two presses of Escape within this time leave the page (the quick exit). */
const escapeWindow = 1000;

/**
 * Where the quick exit goes unless the page says otherwise: the start page of the site the
 * finder is on (a municipality's or club's front page, where anyone might be), asked of no third
 * party. When the finder is on that start page itself, a blank page: going "back" to it would
 * show the finder again.
 */
function neutralPage(): string {
  const start = new URL('/', location.href);
  return start.pathname === location.pathname ? 'about:blank' : start.href;
}

/**
 * Whether an Escape pressed in the search field is the field's: browsers empty a search field
 * on Escape, and a reader may mean to undo what they typed.
 */
function clearsSearch(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  return target instanceof HTMLInputElement && target.type === 'search' && target.value !== '';
}

type CrisisPosition = 'top' | 'bottom';

/** The attributes that preset a filter. */
const presets = ['q', 'topic', 'audience', 'municipality'] as const;

/**
 * Finds support offers of the region: counselling, crisis lines, self-help groups, social and
 * addiction services. Search in one's own words, topics, filters, offers near the reader;
 * contact by phone, e-mail or web in one tap. Emergency numbers are always on screen and come
 * first when the search suggests a crisis. A quick exit replaces the page with a neutral one:
 * its button stays at the top of the screen while the finder is on it, and Escape pressed twice
 * within a second while the focus is in the finder does the same. An Escape that closes a
 * dialog, clears the search field's text or that another handler took (`preventDefault()`) does not
 * count, and Escape elsewhere on the page never leaves it.
 *
 * @tagname sr-help-finder
 * @summary Searchable directory of the region's support offers, with crisis numbers always visible and a quick exit.
 * @attr mode - `search` (default) or `guided`: three simple questions (for whom, what about, how urgent) lead to the offers.
 * @attr q - Words to search for at first, e.g. `Schulden`.
 * @attr topic - Topic shown at first (an id of `GET /help-topics`, e.g. `sucht`); the reader may change it.
 * @attr audience - Whom offers are for at first (`children youth adults seniors families relatives women men`), e.g. `youth` on a youth centre's page.
 * @attr municipality - Municipality (slug, e.g. `hoechberg`) whose offers are shown at first, with the offers for the whole region and country.
 * @attr crisis-position - `top` (default) or `bottom`: where the emergency numbers stand. They cannot be hidden, and they move to the top when a search suggests a crisis.
 * @attr exit-url - Where "Seite schnell verlassen" goes, e.g. `https://www.wetter.de/`. By default the start page of the site the finder is on (a blank page when the finder is on the start page itself): no third party learns of it. Set it when the site itself is about help, e.g. a counselling centre's own site.
 * @fires sr-help-search - The reader searched or chose a topic (`detail`: `q`, `topic`).
 * @fires sr-quick-exit - The reader is leaving through the quick exit. Cancelable: `preventDefault()` keeps the page, e.g. to leave another way.
 * @csspart crisis - The box with the emergency numbers; also `urgent` when it comes first.
 * @csspart crisis-phone - Each of its numbers.
 * @csspart quick-exit - The "Seite schnell verlassen" button.
 * @csspart search-form - The search field with its label and button.
 * @csspart search - The search field.
 * @csspart search-button - The search button.
 * @csspart topics - The topic buttons; each is a `chip`.
 * @csspart chip - A topic button; the chosen one has `aria-pressed="true"`.
 * @csspart filters - The filter panel; each control is a `filter`.
 * @csspart filter - A filter's select or checkbox.
 * @csspart near-button - "In meiner Nähe".
 * @csspart near-problem - Why the position is not available.
 * @csspart count - How many offers were found (announced to screen readers).
 * @csspart list - The list of offers.
 * @csspart offer - An offer's card (also `item`).
 * @csspart offer-name - Its name.
 * @csspart contact - The call, e-mail, chat and web links; the call link is also `call`.
 * @csspart details-button - "Alle Details".
 * @csspart more-button - "Weitere Angebote".
 * @csspart guided - The questions of the guided mode.
 * @csspart dialog - The details dialog; also `dialog-heading`, `dialog-body`, `dialog-close`, `facts`.
 * @csspart easy-read - In Leichte Sprache (`lang="de-x-ls"`): the organization's summary in Leichter Sprache, above the description in the details.
 * @cssprop --sr-color-crisis - Background of the emergency numbers; a calm dark red by default.
 */
export class SrHelpFinder extends SrElement {
  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    q: {},
    topic: {},
    audience: {},
    municipality: {},
    crisisPosition: { attribute: 'crisis-position' },
    exitUrl: { attribute: 'exit-url' },
    chosen: { state: true, attribute: false },
    answers: { state: true, attribute: false },
    urgent: { state: true, attribute: false },
    more: { state: true, attribute: false },
    nearProblem: { state: true, attribute: false },
    openOffer: { state: true, attribute: false },
  };

  static override styles = [SrElement.styles, fieldStyles, dialogStyles, helpFinderStyles];

  static override attributeRules: AttributeRules = {
    ...SrElement.attributeRules,
    mode: oneOf(['search', 'guided'], 'showing the search'),
    crisisPosition: oneOf(['top', 'bottom'], 'showing the emergency numbers at the top'),
  };

  /** `search` or `guided`; see the attribute. */
  declare mode: 'search' | 'guided' | undefined;
  declare q: string | undefined;
  declare topic: string | undefined;
  declare audience: string | undefined;
  declare municipality: string | undefined;
  declare crisisPosition: CrisisPosition | undefined;
  declare exitUrl: string | undefined;

  /** What the reader changed; presets from attributes fill in the rest. */
  declare private chosen: Partial<Choices>;
  /** The guided mode's answers; `undefined` once the reader searches freely. */
  declare private answers: Answers | undefined;
  /** The reader said they are in danger (guided mode). */
  declare private urgent: boolean;
  /** Offers of further pages, after the first; with the cursor of the page after them. */
  declare private more: { items: HelpOffer[]; cursor: string | null; failed: boolean };
  declare private nearProblem: string;
  declare private openOffer: HelpOffer | undefined;

  #choices: Choices = noChoices;
  #query: HelpOffersQuery = {};
  readonly #typing = new Debounce(this, typingPause);
  #lastEscape = -Infinity;
  readonly #focus = new FocusAfterUpdate(this);
  readonly #dialog = new ModalDialog();

  constructor() {
    super();
    this.chosen = {};
    this.urgent = false;
    this.more = { items: [], cursor: null, failed: false };
    this.nearProblem = '';
    // On the host: only keys pressed while the focus is in the finder reach it.
    this.addEventListener('keydown', this.#onKey);
  }

  /** Topics, municipalities and emergency numbers: what the controls and the banner show. */
  readonly #reference = this.fetchTask({
    args: () => [] as const,
    fetch: async (hub, _args, signal) => {
      const [topics, contacts, municipalities] = await Promise.all([
        hub.GET('/help-topics', { signal }),
        hub.GET('/emergency-contacts', { signal }),
        collect(paginate(hub, '/municipalities', { params: { query: { limit: 100 } }, signal })),
      ]);
      return { topics: topics.items, contacts: contacts.items, municipalities };
    },
  });

  readonly #offers = this.fetchTask({
    args: () => [this.#query] as const,
    fetch: (hub, [query], signal) => {
      // The topics and numbers failed to load: a new search (or its retry) tries them again.
      if (this.#reference.failed) void this.#reference.run();
      return hub.GET('/help-offers', { params: { query }, signal });
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.answers === undefined && this.mode === 'guided') this.answers = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('mode')) this.answers = this.mode === 'guided' ? [] : undefined;
    const preset = Object.fromEntries(presets.map((name) => [name, this[name]?.trim() ?? '']));
    this.#choices = { ...noChoices, ...preset, ...this.chosen };
    const query = searchQuery(this.#choices);
    // The same search built anew keeps its object: what `#loadMore` compares with.
    if (!sameValues(query, this.#query)) {
      this.#query = query;
      this.more = { items: [], cursor: null, failed: false };
    }
  }

  protected override render() {
    const reference = this.#reference.value;
    const result = this.#offers.value;
    const urgent = this.urgent || (result?.crisisDetected ?? false);
    const banner = crisisBanner(reference?.contacts, urgent);
    const bannerFirst = urgent || this.crisisPosition !== 'bottom';
    const main = this.answers ? this.#guided() : this.#search();
    return html`
      <div class="top">
        <button type="button" part="button quick-exit" class="button exit" @click=${() => this.#quickExit()}>${msg('Seite schnell verlassen')}</button>
      </div>
      ${bannerFirst ? banner : nothing} ${main} ${bannerFirst ? nothing : banner}
      ${this.#dialog.render({
        heading: this.openOffer ? isolated(this.openOffer.name) : '',
        content: this.openOffer ? offerDetails(this.openOffer, this.#offerContext()) : nothing,
      })}
    `;
  }

  #guided(): TemplateResult {
    return guidedStep({
      answers: this.answers!,
      topics: this.#reference.value?.topics ?? [],
      locale: this.locale,
      answer: (step, value) => {
        const answers = [...this.answers!.slice(0, step), value];
        if (answers.length < 3) {
          this.answers = answers;
          this.#focus.request('.guided-question');
          return;
        }
        const { choices, urgent } = answersToChoices(answers);
        this.urgent = urgent;
        this.#leaveQuestions(choices);
      },
      back: () => {
        this.answers = this.answers!.slice(0, -1);
        this.#focus.request('.guided-question');
      },
      skip: () => this.#leaveQuestions({}),
    });
  }

  #leaveQuestions(choices: Partial<Choices>): void {
    this.answers = undefined;
    this.chosen = { ...this.chosen, ...choices };
    this.#focus.request('#q');
  }

  #search(): TemplateResult {
    const result = this.#offers.value;
    const controls = this.#controlsContext(result?.facets.topics);
    return html`
      ${searchForm(controls)} ${topicChips(controls)} ${filterPanel(controls)}
      ${
        this.mode === 'guided'
          ? html`<p><button type="button" part="button" class="button link" @click=${() => this.#restartQuestions()}>${msg('Fragen neu beginnen')}</button></p>`
          : nothing
      }
      <p part="count" class="count" role="status">${this.#countText()}</p>
      ${this.#offers.render({
        skeleton: () => offerSkeleton(skeletonText),
        complete: (page) => this.#offerList(page.items, page.nextCursor),
        emptyText: msg(
          'Keine Angebote gefunden. Versuchen Sie andere Wörter oder weniger Filter – oder rufen Sie eine der Notrufnummern an.',
        ),
      })}
    `;
  }

  #offerList(first: HelpOffer[], firstCursor: string | null): TemplateResult {
    const context = this.#offerContext();
    const items = [...first, ...this.more.items];
    const cursor = this.more.items.length ? this.more.cursor : firstCursor;
    return html`<ul part="list" class="offers">
        ${items.map((offer) => offerCard(offer, context))}
      </ul>
      ${this.more.failed ? html`<p class="problem" role="alert">${msg('Weitere Angebote konnten nicht geladen werden.')}</p>` : nothing}
      ${
        cursor
          ? html`<button type="button" part="button more-button" class="button more" @click=${() => void this.#loadMore(cursor)}>
            ${msg('Weitere Angebote')}
          </button>`
          : nothing
      }`;
  }

  #countText(): string {
    const result = this.#offers.value;
    if (!result) return '';
    const found =
      result.total === 0
        ? msg('Keine Angebote gefunden.')
        : result.total === 1
          ? msg('1 Angebot gefunden.')
          : msg(str`${result.total} Angebote gefunden.`);
    return result.crisisDetected ? `${found} ${msg('Krisendienste und Notrufnummern stehen oben.')}` : found;
  }

  #controlsContext(facets: { id: string; count: number }[] = []): ControlsContext {
    const reference = this.#reference.value;
    return {
      choices: this.#choices,
      locale: this.locale,
      topics: reference?.topics ?? [],
      municipalities: reference?.municipalities ?? [],
      topicCounts: new Map(facets.map(({ id, count }) => [id, count])),
      filtersOpen: Object.keys(this.chosen).some((name) => name !== 'q' && name !== 'topic') || this.nearProblem !== '',
      nearProblem: this.nearProblem,
      choose: (name, value) => {
        this.#typing.cancel();
        this.#choose({ [name]: value });
      },
      type: (value) => this.#typing.run(() => this.#choose({ q: value })),
      findNearMe: () => this.#findNearMe(),
    };
  }

  #offerContext(): OfferContext {
    const topics = this.#reference.value?.topics ?? [];
    return {
      format: this.format,
      locale: this.locale,
      topicNames: new Map(topics.map((topic) => [topic.id, topic.name[contentLanguage(this.locale)] ?? topic.name.de])),
      openDetails: (offer) => void this.#showDetails(offer),
    };
  }

  #choose(change: Partial<Choices>): void {
    this.chosen = { ...this.chosen, ...change };
    if ('q' in change || 'topic' in change) {
      const { q, topic } = { ...this.#choices, ...change };
      emit(this, 'sr-help-search', { q, topic });
    }
  }

  #restartQuestions(): void {
    this.chosen = {};
    this.urgent = false;
    this.answers = [];
    this.#focus.request('.guided-question');
  }

  async #loadMore(cursor: string): Promise<void> {
    const connection = this.connection;
    if (connection.status !== 'ready') return;
    const query = this.#query;
    try {
      const page = await connection.client.GET('/help-offers', { params: { query: { ...query, cursor } } });
      // The reader changed the search meanwhile: this page belongs to the old one.
      if (query !== this.#query) return;
      this.more = { items: [...this.more.items, ...page.items], cursor: page.nextCursor, failed: false };
    } catch {
      this.more = { ...this.more, failed: true };
    }
  }

  /** Asks for the position only now, on the reader's request; without it, the municipality filter helps. */
  #findNearMe(): void {
    this.nearProblem = '';
    const unavailable = msg('Ihr Standort ist nicht verfügbar. Wählen Sie stattdessen Ihren Wohnort aus.');
    if (!navigator.geolocation) {
      this.nearProblem = unavailable;
      return;
    }
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => this.#choose({ near: roundedPosition(coords) }),
      (error) => {
        this.nearProblem =
          error.code === error.PERMISSION_DENIED
            ? msg('Sie haben den Zugriff auf Ihren Standort nicht erlaubt. Wählen Sie stattdessen Ihren Wohnort aus.')
            : unavailable;
        this.#focus.request('#municipality');
      },
      { timeout: 10_000, maximumAge: 600_000 },
    );
  }

  async #showDetails(offer: HelpOffer): Promise<void> {
    this.openOffer = offer;
    await this.updateComplete;
    this.#dialog.open();
  }

  readonly #onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // An Escape meant for something else does not count towards the two: one that closes the
    // dialog (still open while its Escape is dispatched), empties the search field, or that a
    // handler took. The page's handlers run after this one: whether one of them called
    // preventDefault() is known once the dispatch is over.
    const taken = this.#dialog.isOpen || clearsSearch(event);
    setTimeout(() => {
      if (taken || event.defaultPrevented) {
        this.#lastEscape = -Infinity;
        return;
      }
      const now = event.timeStamp;
      if (now - this.#lastEscape < escapeWindow) this.#quickExit();
      else this.#lastEscape = now;
    });
  };

  /** Replaces the page, so the back button does not lead here either. */
  #quickExit(): void {
    this.#lastEscape = -Infinity;
    if (!emit(this, 'sr-quick-exit', undefined, { cancelable: true })) return;
    location.replace(this.exitUrl?.trim() || neutralPage());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-help-finder': SrHelpFinder;
  }
  interface GlobalEventHandlersEventMap {
    'sr-help-search': CustomEvent<HelpSearchDetail>;
    'sr-quick-exit': CustomEvent<undefined>;
  }
}
