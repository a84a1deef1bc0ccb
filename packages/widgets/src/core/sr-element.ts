import { ContextConsumer } from '@lit/context';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { CSSResultGroup, PropertyDeclarations, PropertyValues } from 'lit';
import { sourceLocale } from '../generated/locale-codes.js';
import { oneOf, type AttributeRules } from './attributes.js';
import { SrBaseElement } from './base-element.js';
import { attachContextRoot, hubContext } from './context.js';
import { selfAndAncestors } from './dom.js';
import { formats, type Formats } from './format.js';
import { HubTask, type Connection, type HubTaskOptions } from './hub-task.js';
import { clientFor, parseHubUrl } from './hub-url.js';
import type { Locale } from './i18n.js';
import { usePageLocale } from './localization.js';
import { stateStyles } from './states.js';
import { base, tokens } from './styles.js';

/** How long a widget waits for an `<sr-hub>` around it to be defined before saying so. */
const providerTimeout = 10_000;

/**
 * The base of every widget: where its data comes from (an enclosing `<sr-hub>`, or its own
 * `hub-url`), its language and time zone, its theme, and loading with all states shown the
 * same way (`fetchTask`).
 *
 * A wrong configuration never throws and never leaves the widget blank: it shows a readable
 * message and logs one console warning naming the attribute to fix.
 *
 * @attr hub-url - The Hub's address when the widget is not inside an `<sr-hub>`, e.g. `https://hub.example.org`.
 * @attr lang - Language (`de`, `en`, or `de-x-ls` for Leichte Sprache); by default the closest `lang` on the page, else German.
 * @attr time-zone - IANA time zone for dates and times; by default the `<sr-hub>`'s, else `Europe/Berlin`.
 * @attr theme - `light` or `dark`, drawn as a box with inner padding; by default the page's colour scheme (its CSS `color-scheme`): light, or the reader's system setting where the page declares `color-scheme: light dark`.
 * @cssprop --sr-color-primary - Links, buttons, focus ring.
 * @cssprop --sr-color-on-primary - Text on the primary colour; by default black or white, whichever contrasts more with it.
 * @cssprop --sr-color-text - Body text.
 * @cssprop --sr-color-text-muted - Secondary text.
 * @cssprop --sr-color-surface - Background.
 * @cssprop --sr-color-surface-raised - Background of boxes within the widget.
 * @cssprop --sr-color-border - Borders of controls.
 * @cssprop --sr-color-danger - Errors.
 * @cssprop --sr-font-family - Font; the page's font by default.
 * @cssprop --sr-font-size - Base font size; `1rem` by default.
 * @cssprop --sr-radius - Corner radius.
 * @cssprop --sr-space-1 - Smallest spacing (`0.25rem`); `--sr-space-2` … `--sr-space-6` grow to `2rem`.
 * @cssprop --sr-focus-ring - Outline of the focused element, e.g. `3px solid #0b5394`.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - A message that loading failed.
 * @csspart error-title - The headline of that message.
 * @csspart empty - The message that there is nothing to show.
 * @csspart notice - The note above outdated data (offline, or a refresh failed).
 * @csspart button - Every button.
 * @csspart retry-button - The "try again" button.
 */
export abstract class SrElement extends SrBaseElement {
  static override properties: PropertyDeclarations = {
    hubUrl: { attribute: 'hub-url' },
    theme: { reflect: true },
  };

  static override styles: CSSResultGroup = [tokens, base, stateStyles];

  static override attributeRules: AttributeRules = {
    theme: oneOf(['light', 'dark'], "following the page's colour scheme"),
  };

  /** The Hub's address; see the `hub-url` attribute. */
  declare hubUrl: string | undefined;

  /** `light` or `dark`; unset follows the page's `color-scheme` (see the `theme` attribute). */
  declare theme: 'light' | 'dark' | undefined;

  /** The language strings and formats are in, resolved before each update. */
  protected locale: Locale = sourceLocale;

  /** Dates, times and numbers in the widget's language and time zone. */
  protected format: Formats = formats(sourceLocale);

  /** Where the data comes from, resolved before each update. */
  protected connection: Connection = { status: 'waiting' };

  /** The Hub's address for links readers follow (files, print views); `undefined` while there is none or for an injected client. */
  protected get hubAddress(): string | undefined {
    return this.connection.status === 'ready' ? this.connection.hubUrl : undefined;
  }

  readonly #hub = new ContextConsumer(this, { context: hubContext, subscribe: true });
  #providerOverdue = false;
  #providerTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    // Before the context consumer connects and asks for its <sr-hub>.
    attachContextRoot();
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#providerTimer);
    this.#providerTimer = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.locale = this.resolveLocale();
    usePageLocale(this.locale);
    this.format = formats(this.locale, this.resolveTimeZone(this.#hub.value?.timeZone));
    this.connection = this.#resolveConnection();
  }

  /**
   * Loads data from the Hub; render its states with `task.render({ skeleton, complete })`.
   * Call once, in a field initializer.
   */
  protected fetchTask<Args extends readonly unknown[], Value>(options: HubTaskOptions<Args, Value>): HubTask<Args, Value> {
    return new HubTask(
      this,
      { connection: () => this.connection, format: () => this.format, warn: (message) => this.warn(message) },
      options,
    );
  }

  #resolveConnection(): Connection {
    const provided = this.#hub.value;
    // The widget's own hub-url wins over an <sr-hub> around it.
    if (this.hubUrl === undefined && provided) {
      return provided.client ? { status: 'ready', client: provided.client, hubUrl: provided.hubUrl } : { status: 'misconfigured' };
    }
    if (this.hubUrl === undefined && this.#awaitsProvider()) return { status: 'waiting' };
    const parsed = parseHubUrl(this.hubUrl);
    if ('problem' in parsed) {
      this.warn(this.hubUrl === undefined ? `${parsed.problem} Or place the element inside <sr-hub hub-url="…">.` : parsed.problem);
      return { status: 'misconfigured' };
    }
    return { status: 'ready', client: clientFor(parsed.url, this.locale), hubUrl: parsed.url };
  }

  /**
   * Whether an `<sr-hub>` around the widget is still to be defined (its script loads later).
   * After `providerTimeout` the widget stops waiting and says what is missing.
   */
  #awaitsProvider(): boolean {
    if (this.#providerOverdue || !undefinedHubAround(this)) return false;
    this.#providerTimer ??= setTimeout(() => {
      if (this.#hub.value) return;
      this.#providerOverdue = true;
      this.warn(
        'is inside an <sr-hub> that is not defined. Load sr-hub.js (or the autoloader sr-widgets.js), or give the widget its own hub-url.',
      );
      this.requestUpdate();
    }, providerTimeout);
    return true;
  }
}

function undefinedHubAround(element: Element): boolean {
  for (const node of selfAndAncestors(element)) {
    if (node.localName === 'sr-hub' && !node.matches(':defined')) return true;
  }
  return false;
}
