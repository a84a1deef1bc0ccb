import { ContextProvider } from '@lit/context';
import type { HubClient } from '@smart-region/sdk';
import { css, html, type PropertyDeclarations } from 'lit';
import { SrBaseElement } from '../core/base-element.js';
import { hubContext, type HubContext } from '../core/context.js';
import { clientFor, parseHubUrl } from '../core/hub-url.js';

/**
 * Connects the widgets inside it to one Hub, so the address, language and time zone are set
 * once per page section. It shows nothing itself: it lays out as if only its children were there.
 *
 * Widgets inside find it whatever order the scripts load in. A widget with its own `hub-url`
 * uses that instead.
 *
 * @tagname sr-hub
 * @summary Connects the widgets inside it to a Hub.
 * @slot - The widgets, and any other content.
 * @attr hub-url - The Hub's address, e.g. `https://hub.example.org`, or a path on this site such as `/`.
 * @attr lang - Language of the widgets inside (`de` or `en`); by default the page's language.
 * @attr time-zone - IANA time zone for dates and times; `Europe/Berlin` by default.
 */
export class SrHub extends SrBaseElement {
  static override properties: PropertyDeclarations = {
    hubUrl: { attribute: 'hub-url' },
    client: { attribute: false },
  };

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The Hub's address; see the `hub-url` attribute. */
  declare hubUrl: string | undefined;

  /**
   * A client to use instead of one made from `hub-url`, e.g. one from `createHubClient` with
   * a custom `fetch`, or an in-memory one in stories and tests. Links into the Hub that
   * readers follow (calendar feeds) still take its address from `hub-url`.
   */
  declare client: HubClient | undefined;

  readonly #provider = new ContextProvider(this, { context: hubContext });

  override connectedCallback(): void {
    // Before the controllers connect: the provider announces itself then, and a widget that
    // asked earlier must get a value, not `undefined`. Quietly: properties set before the
    // upgrade are only restored at the first update, which provides again and may warn.
    this.#provide({ quiet: true });
    super.connectedCallback();
  }

  protected override willUpdate(): void {
    this.#provide({ quiet: false });
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  /** Shares a new context value when anything in it changed, so widgets update only then. */
  #provide({ quiet }: { quiet: boolean }): void {
    const next = this.#contextValue(quiet);
    const current = this.#provider.value;
    const changed = !current || (Object.keys(next) as (keyof HubContext)[]).some((key) => next[key] !== current[key]);
    if (changed) this.#provider.setValue(next);
  }

  #contextValue(quiet: boolean): HubContext {
    const locale = this.resolveLocale();
    const timeZone = this.resolveTimeZone();
    const parsed = parseHubUrl(this.hubUrl);
    const hubUrl = 'url' in parsed ? parsed.url : undefined;
    // With a client of its own, hub-url is optional: only links into the Hub (feeds) use it.
    if (this.client) return { client: this.client, hubUrl, locale, timeZone };
    if ('problem' in parsed && !quiet) this.warn(parsed.problem);
    return { client: hubUrl ? clientFor(hubUrl, locale) : undefined, hubUrl: hubUrl ?? this.hubUrl, locale, timeZone };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-hub': SrHub;
  }
}
