import { msg } from '@lit/localize';
import { paginate, type operations } from '@smart-region/sdk';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { collect } from '../core/collect.js';
import { ModalDialog, dialogStyles } from '../core/dialog.js';
import { oneOf, type AttributeRules } from '../core/attributes.js';
import { Debounce } from '../core/debounce.js';
import { emit } from '../core/events.js';
import { FocusAfterUpdate } from '../core/focus.js';
import { nextIcon, previousIcon } from '../core/icons.js';
import { SrElement } from '../core/sr-element.js';
import { emptyState } from '../core/states.js';
import { addDays, daysFrom, startOfMonth, step, visibleRange, type CalendarView, type Day } from './dates.js';
import { dayList, dayListSkeleton, eventList, type ListContext } from './day-list.js';
import { eventDetails } from './details.js';
import {
  activeFilters,
  filterControls,
  filterNames,
  filtersInForce,
  loadChoices,
  subscribeLinks,
  type FilterName,
  type Filters,
} from './filters.js';
import { monthGrid, type GridContext } from './month-grid.js';
import type { EventJsonLdWriter } from './json-ld.js';
import { byDay, type Occurrence } from './occurrences.js';
import { viewNames } from './strings.js';
import { calendarStyles } from './styles.js';

export type { CalendarView, Day } from './dates.js';

/** What `sr-event-select` tells: which occurrence the reader opened. */
export interface EventSelectDetail {
  eventId: string;
  /** The occurrence's original local start (its iCalendar `RECURRENCE-ID`); `null` for a single event. */
  recurrenceId: string | null;
  /** Its start as the Hub sends it: with offset (`2026-12-08T19:30:00+01:00`), or a date for all-day events. */
  start: string;
}

/** What `sr-view-change` tells: the view and the days it shows. */
export interface ViewChangeDetail {
  view: CalendarView;
  /** The first day shown. */
  from: Day;
  /** The day after the last one shown (exclusive, as in the Hub's API). */
  to: Day;
}

type EventsQuery = operations['listEventOccurrences']['parameters']['query'];

const views: CalendarView[] = ['month', 'week', 'list'];

/** Below this width (in rem) the month grid has no room for event titles: the list is shown instead. */
const narrowWidth = 36;

/** How long typing in the search field pauses before the calendar asks the Hub. */
const typingPause = 400;

const noChoice: Record<FilterName, string> = { category: '', municipality: '', organization: '', q: '' };

/**
 * The region's events as a month grid, a week's agenda or a list of the coming days, with
 * filters, details of each event, and links to add an event to one's own calendar or to
 * subscribe to the calendar as filtered.
 *
 * A club's or a municipality's page shows only its own events by fixing a filter with an
 * attribute (`organization`, `municipality`, `category`, `q`); the reader then cannot change
 * it, and the subscription links include it.
 *
 * @tagname sr-event-calendar
 * @summary Calendar of the region's events: month, week and list, filters, details, subscription.
 * @attr view - `month` (default), `week` or `list`. In a container narrower than 36rem the month gives way to the list until the reader picks a view.
 * @attr date - The day to show first, e.g. `2026-12-01`; today by default.
 * @attr category - Only events in these categories (ids such as `culture sports`, separated by spaces or commas); fixes the filter.
 * @attr municipality - Only events in these municipalities (slugs such as `hoechberg`); fixes the filter.
 * @attr organization - Only events of these organizations (slugs such as `stadt-wuerzburg`, or ids); fixes the filter.
 * @attr q - Only events matching these words; fixes the search.
 * @attr {boolean} seo - Writes schema.org `Event` data (JSON-LD) of the visible events into the page, inside the element, so search engines find them; replaced when the reader moves to other days, removed with the element. The data is the Hub's (`/events.jsonld` with the calendar's query, at most 100 events); the only thing the calendar adds is this page's address as the `url` of an event without a link of its own.
 * @fires sr-event-select - The reader opened an event (`detail`: `eventId`, `recurrenceId`, `start`). Cancelable: `preventDefault()` keeps the calendar's dialog closed, e.g. to show the event on a page of one's own.
 * @fires sr-view-change - The reader switched the view or moved to other days (`detail`: `view`, `from`, `to`).
 * @csspart toolbar - The bar with the period, the navigation and the view switch.
 * @csspart heading - The period shown, e.g. "Dezember 2026".
 * @csspart nav - The previous / today / next buttons.
 * @csspart nav-button - Each of them; also `previous-button`, `today-button`, `next-button`.
 * @csspart view-switch - The group of view buttons.
 * @csspart view-button - Each view button; the current one has `aria-pressed="true"`.
 * @csspart filters - The search field and the filter lists.
 * @csspart search - The search field.
 * @csspart filter - Each filter list.
 * @csspart grid - The month grid (a table).
 * @csspart day - A day: a cell of the grid, or a day's group in the lists; also `today` for today.
 * @csspart day-heading - The heading of a day in the lists.
 * @csspart event - An event: a line in the grid, a button in the lists.
 * @csspart more - "+N weitere" in a full day of the grid.
 * @csspart list - The list and the week's agenda.
 * @csspart subscribe - The subscription links.
 * @csspart subscribe-button - The `webcal:` subscription link.
 * @csspart feed-link - The `https:` address of the feed.
 * @csspart dialog - The dialogs of a day and of an event.
 * @csspart dialog-heading - Their heading.
 * @csspart dialog-body - Their content.
 * @csspart dialog-close - Their close button.
 * @csspart facts - The event's facts in its dialog (when, where, who, price, accessibility).
 * @csspart add-to-calendar - The link to the event's `.ics` file.
 * @csspart link - The link to the event's own page.
 * @csspart print - "Aushang drucken": the Hub's printable notice of the occurrence, in a new tab.
 * @cssprop --sr-calendar-day-height - Height of a day in the month grid; `8.75em` by default (room for three events of two lines).
 */
export class SrEventCalendar extends SrElement {
  static override properties: PropertyDeclarations = {
    view: { reflect: true },
    date: {},
    category: {},
    municipality: {},
    organization: {},
    q: {},
    seo: { type: Boolean },
    // `attribute: false` is implied by `state`; spelled out for the manifest's analyzer.
    anchor: { state: true, attribute: false },
    chosen: { state: true, attribute: false },
    narrow: { state: true, attribute: false },
    openDay: { state: true, attribute: false },
    openEvent: { state: true, attribute: false },
  };

  static override styles = [SrElement.styles, dialogStyles, calendarStyles];

  static override attributeRules: AttributeRules = {
    ...SrElement.attributeRules,
    date: {
      valid: (date) => /^\d{4}-\d\d-\d\d$/.test(date) && !Number.isNaN(Date.parse(date)) && addDays(date, 0) === date,
      problem: 'is not a day like date="2026-12-01"; showing today.',
    },
    view: oneOf(views, 'showing the month'),
  };

  /** The view; the reader may switch it. See the `view` attribute. */
  declare view: CalendarView | undefined;
  /** The day to show first, e.g. `2026-12-01`. */
  declare date: string | undefined;
  /** Fixed category filter; see the attribute. */
  declare category: string | undefined;
  /** Fixed municipality filter; see the attribute. */
  declare municipality: string | undefined;
  /** Fixed organization filter; see the attribute. */
  declare organization: string | undefined;
  /** Fixed search; see the attribute. */
  declare q: string | undefined;
  /** Writes JSON-LD of the visible events into the page; see the attribute. */
  declare seo: boolean;

  /** The focused day: the views show the month, week or days from here. */
  declare private anchor: Day;
  /** What the reader picked in the filters. */
  declare private chosen: Record<FilterName, string>;
  declare private narrow: boolean | undefined;
  declare private openDay: Day | undefined;
  declare private openEvent: Occurrence | undefined;

  // Derived before each update from the properties above.
  #today: Day = '';
  #view: CalendarView = 'month';
  #range = { from: '', to: '' };
  #filters: Filters = { category: [], municipality: [], organization: [], q: [] };
  #query: EventsQuery = { from: '', to: '' };

  /** The reader picked a view: a narrow container no longer swaps the month for the list. */
  #picked = false;
  readonly #focus = new FocusAfterUpdate(this);
  /** The anchor is a day the reader chose (focused or clicked), not where the navigation landed. */
  #anchorChosen = false;
  readonly #typing = new Debounce(this, typingPause);
  /** What wrote the JSON-LD the page has, and the script it is in. */
  #described: EventJsonLdWriter | undefined;
  #jsonLdScript: HTMLScriptElement | undefined;
  readonly #dayDialog = new ModalDialog();
  readonly #eventDialog = new ModalDialog();
  // A frame later: switching views changes the calendar's size, which would notify the observer
  // again within the same frame (a "ResizeObserver loop" error). Not once the calendar left the
  // page: measured there, it is zero wide, and would load the list for nobody.
  readonly #resize = new ResizeObserver(() =>
    requestAnimationFrame(() => {
      if (this.isConnected) this.narrow = this.#isNarrow();
    }),
  );

  constructor() {
    super();
    this.chosen = noChoice;
  }

  /** One request per visible range, with the filters; every page of it (at most 100 occurrences each). */
  readonly #events = this.fetchTask({
    args: () => [this.#query] as const,
    fetch: (hub, [query], signal) => collect(paginate(hub, '/events', { params: { query: { ...query, limit: 100 } }, signal })),
    // An empty month still shows its grid, with the message above it.
    isEmpty: (items) => items.length === 0 && this.#view !== 'month',
    // The events of other days would leave these looking empty.
    keepForOtherArgs: false,
  });

  /** With `seo`: the Hub's JSON-LD of the same query, from a module loaded only then. */
  readonly #jsonLd = this.fetchTask({
    args: () => [this.seo ? this.#query : undefined] as const,
    fetch: async (hub, [query], signal) => query && (await import('./json-ld.js')).loadEventJsonLd(hub, query, signal),
  });

  readonly #choices = this.fetchTask({
    args: () => [this.locale] as const,
    fetch: (hub, [locale], signal) => loadChoices(hub, locale, signal),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#describeForSearchEngines();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#today = this.format.day(new Date());
    if (changed.has('date') || this.anchor === undefined) this.anchor = this.#firstDay();
    // Measured now rather than when the observer first reports, so a narrow page asks for the list at once.
    this.narrow ??= this.#isNarrow();
    this.#view = this.#resolveView();
    this.#range = visibleRange(this.#view, this.anchor);
    this.#filters = filtersInForce(this.#fixed(), this.chosen);
    const { category, ...others } = activeFilters(this.#filters);
    this.#query = {
      from: this.format.startOfDay(this.#range.from).toISOString(),
      to: this.format.startOfDay(this.#range.to).toISOString(),
      ...others,
      q: others.q?.[0],
      category: category as EventsQuery['category'],
    };
  }

  protected override updated(): void {
    this.#describeForSearchEngines();
  }

  protected override render() {
    const view = this.#view;
    const [previous, next] = {
      month: [msg('Vorheriger Monat'), msg('Nächster Monat')],
      week: [msg('Vorherige Woche'), msg('Nächste Woche')],
      list: [msg('Frühere Termine'), msg('Spätere Termine')],
    }[view];
    const names = viewNames();
    const noEvents = msg('Keine Termine in diesem Zeitraum');
    const hubUrl = this.hubAddress;
    const subscribe = subscribeLinks(hubUrl, this.#filters);
    const choices = this.#choices.value;
    const fixed = this.#fixed();
    return html`
      <div part="toolbar" class="toolbar">
        <h2 id="period" part="heading" class="period" aria-live="polite">${this.#periodText()}</h2>
        <div class="controls">
          <div part="nav" class="nav">
            <button type="button" part="button nav-button previous-button" class="button icon" aria-label=${previous} @click=${() => this.#go(step(view, this.anchor, -1))}>
              ${previousIcon}
            </button>
            <button type="button" part="button nav-button today-button" class="button" @click=${() => this.#go(this.#today)}>${msg('Heute')}</button>
            <button type="button" part="button nav-button next-button" class="button icon" aria-label=${next} @click=${() => this.#go(step(view, this.anchor, 1))}>
              ${nextIcon}
            </button>
          </div>
          <div part="view-switch" class="views" role="group" aria-label=${msg('Ansicht')}>
            ${views.map(
              (name) => html`<button
                type="button"
                part="button view-button"
                class="button"
                aria-pressed=${name === view ? 'true' : 'false'}
                @click=${() => this.#pickView(name)}
              >
                ${names[name]}
              </button>`,
            )}
          </div>
        </div>
      </div>
      ${filterControls({
        chosen: this.chosen,
        preset: new Set(filterNames.filter((name) => fixed[name]?.trim())),
        choices,
        change: (name, value) => {
          this.#typing.cancel();
          this.chosen = { ...this.chosen, [name]: value };
        },
        type: (value) => this.#typing.run(() => (this.chosen = { ...this.chosen, q: value })),
        open: !this.narrow,
      })}
      <div class="content">
        ${this.#events.render({
          skeleton: () => this.#skeleton(),
          complete: (items) => this.#content(items, noEvents),
          emptyText: noEvents,
        })}
      </div>
      ${subscribe}
      ${this.#dayDialog.render({
        heading: this.openDay ? this.format.calendarDate(this.openDay, { dateStyle: 'full' }) : '',
        content: this.openDay ? this.#dayContent(this.openDay) : nothing,
      })}
      ${this.#eventDialog.render({
        heading: this.openEvent?.title ?? '',
        content: this.openEvent
          ? eventDetails(this.openEvent, {
              format: this.format,
              locale: this.locale,
              categoryNames: new Map(choices?.category.map(({ id, name }) => [id, name])),
              hubUrl,
              subscribe,
            })
          : nothing,
      })}
    `;
  }

  #content(items: Occurrence[], noEvents: string): unknown {
    const { from, to } = this.#range;
    const days = byDay(items, this.format, from, to);
    if (this.#view === 'month') return [items.length === 0 ? emptyState(noEvents) : nothing, monthGrid(from, to, this.#gridContext(days))];
    return dayList(daysFrom(from, to), days, this.#listContext(), { showEmptyDays: this.#view === 'week' });
  }

  /** With `seo` and on the page: the Hub's JSON-LD of the events shown. */
  #describeForSearchEngines(): void {
    const write = this.seo && this.isConnected ? this.#jsonLd.value : undefined;
    if (write === this.#described) return;
    this.#described = write;
    if (write) this.#jsonLdScript = write(this, location.href);
    else this.#jsonLdScript?.remove();
  }

  #skeleton(): TemplateResult {
    const { from, to } = this.#range;
    if (this.#view === 'month') return monthGrid(from, to, this.#gridContext(undefined));
    return dayListSkeleton(daysFrom(from, to).slice(0, 3), this.#listContext());
  }

  #dayContent(day: Day): TemplateResult {
    const items = this.#events.value ?? [];
    const placed = byDay(items, this.format, day, addDays(day, 1)).get(day);
    return placed ? eventList(placed, this.#listContext()) : html`<p>${msg('An diesem Tag gibt es keine Termine.')}</p>`;
  }

  #gridContext(days: GridContext['days']): GridContext {
    return {
      ...this.#listContext(),
      anchor: this.anchor,
      days,
      focusDay: (day) => this.#go(day, this.#view, true),
      openDay: (day) => void this.#showDay(day),
    };
  }

  #listContext(): ListContext {
    return { format: this.format, today: this.#today, openEvent: (occurrence) => void this.#showEvent(occurrence) };
  }

  #periodText(): string {
    if (this.#view === 'month') return this.format.calendarDate(this.anchor, { month: 'long', year: 'numeric' });
    const { from, to } = this.#range;
    return this.format.calendarDateRange(from, addDays(to, -1), { day: 'numeric', month: 'long', year: 'numeric' });
  }

  /** Shows the days around `anchor` in `view`, telling the page when the view or the days change. */
  #go(anchor: Day, view: CalendarView = this.#view, focus = false): void {
    const range = visibleRange(view, anchor);
    this.anchor = anchor;
    // A month still loading shows placeholder days (no tabindex): the focus moves once the real
    // ones are there. The same day again (a click that did not focus, as assistive technology
    // sends it) still gets the focus.
    this.#focus.request(focus ? `td[tabindex][data-day="${anchor}"]` : undefined);
    this.#anchorChosen = focus;
    if (view !== this.#view || range.from !== this.#range.from) emit(this, 'sr-view-change', { view, ...range });
  }

  #pickView(view: CalendarView): void {
    this.#picked = true;
    this.view = view;
    // The list starts at the day the reader chose; else it shows what is coming: from today in the
    // current month, from the month's start in another.
    const inThisMonth = this.anchor.slice(0, 7) === this.#today.slice(0, 7);
    const listStart = this.#anchorChosen ? this.anchor : inThisMonth ? this.#today : startOfMonth(this.anchor);
    const anchor = view === 'list' && this.#view === 'month' ? listStart : this.anchor;
    this.#go(anchor, view);
  }

  async #showDay(day: Day): Promise<void> {
    this.openDay = day;
    await this.updateComplete;
    this.#dayDialog.open();
  }

  async #showEvent(occurrence: Occurrence): Promise<void> {
    const { eventId, recurrenceId, start } = occurrence;
    if (!emit(this, 'sr-event-select', { eventId, recurrenceId, start }, { cancelable: true })) return;
    this.openEvent = occurrence;
    await this.updateComplete;
    this.#eventDialog.open();
  }

  #resolveView(): CalendarView {
    const view = (this.checked('view') ?? 'month') as CalendarView;
    return view === 'month' && this.narrow && !this.#picked ? 'list' : view;
  }

  #firstDay(): Day {
    return this.checked('date') ?? this.#today;
  }

  /** The filters the page set with attributes. */
  #fixed(): Record<FilterName, string | undefined> {
    return { category: this.category, municipality: this.municipality, organization: this.organization, q: this.q };
  }

  #isNarrow(): boolean {
    const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    return this.getBoundingClientRect().width < narrowWidth * rem;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-event-calendar': SrEventCalendar;
  }
  interface GlobalEventHandlersEventMap {
    'sr-event-select': CustomEvent<EventSelectDetail>;
    'sr-view-change': CustomEvent<ViewChangeDetail>;
  }
}
