import { ContextRoot, createContext } from '@lit/context';
import type { HubClient } from '@smart-region/sdk';
import type { Locale } from './i18n.js';

/** What `<sr-hub>` gives the widgets inside it. */
export interface HubContext {
  /** The client, or `undefined` when the provider's `hub-url` is missing or invalid (it has warned). */
  client: HubClient | undefined;
  /**
   * The Hub's address as configured, for messages to developers and links readers follow;
   * `undefined` for an injected client without `hub-url`.
   */
  hubUrl: string | undefined;
  /** The provider's language, sent to the Hub as `Accept-Language`. */
  locale: Locale;
  /** IANA time zone for dates and times, `Europe/Berlin` unless `time-zone` says otherwise. */
  timeZone: string;
}

/**
 * `Symbol.for` rather than `Symbol`: widgets from another bundle (a CDN file next to an npm
 * build, or two versions) carry their own copy of this module and must still find the provider.
 */
export const hubContext = createContext<HubContext | undefined>(Symbol.for('@smart-region/widgets:hub'));

const contextRootKey = Symbol.for('@smart-region/widgets:context-root');

/**
 * Makes upgrade order irrelevant: a widget that asks for the Hub before its `<sr-hub>` is
 * defined has its request kept by the root and answered once the provider appears. Attached to
 * the document once per page, by the first widget that connects (importing stays side-effect free).
 */
export function attachContextRoot(): void {
  const page = globalThis as { [contextRootKey]?: ContextRoot };
  if (page[contextRootKey]) return;
  page[contextRootKey] = new ContextRoot();
  page[contextRootKey].attach(document.documentElement);
}
