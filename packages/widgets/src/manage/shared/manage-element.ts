import { updateWhenLocaleChanges } from '@lit/localize';
import { createHubClient, type HubClient } from '@smart-region/sdk';
import type { CSSResultGroup, PropertyDeclarations, PropertyValues } from 'lit';
import { SrBaseElement } from '../../core/base-element.js';
import { formats, type Formats } from '../../core/format.js';
import { HubTask, type Connection, type HubTaskOptions } from '../../core/hub-task.js';
import type { Locale } from '../../core/i18n.js';
import { stateStyles } from '../../core/states.js';
import { base, fieldStyles, tokens } from '../../core/styles.js';
import { emit } from '../../core/events.js';
import { sourceLocale } from '../../generated/manage/locale-codes.js';
import { pagesLocale, usePagesLocale, type PagesLocale } from './localization.js';
import { isSignedOut } from './session-events.js';
import { manageStyles, rowStyles, tableStyles, tabStyles } from './styles.js';

// One client per Hub and language, as the widgets share theirs: one ETag cache for all screens.
const clients = new Map<string, HubClient>();

/**
 * The client of the pages: it sends the session cookie, which only exists on the Hub's own
 * origin (the pages are served by the Hub; `hub-url` is for tests, which run elsewhere).
 */
function sessionClient(hubUrl: string, locale: Locale): HubClient {
  const key = `${locale} ${hubUrl}`;
  let client = clients.get(key);
  if (!client) clients.set(key, (client = createHubClient({ baseUrl: hubUrl, locale, credentials: 'same-origin' })));
  return client;
}

/**
 * The base of every screen of the pages for organizations: the language of the page, dates in
 * Europe/Berlin, the Hub's client with the person's session, and loading with the widgets'
 * states (`fetchTask`).
 */
export abstract class ManageElement extends SrBaseElement {
  static override properties: PropertyDeclarations = {
    hubUrl: { attribute: 'hub-url' },
  };

  static override styles: CSSResultGroup = [tokens, base, stateStyles, fieldStyles, manageStyles, rowStyles, tabStyles, tableStyles];

  /** The Hub's address; the page's own origin unless set (tests). */
  declare hubUrl: string | undefined;

  protected locale: PagesLocale = sourceLocale;
  protected format: Formats = formats(sourceLocale);
  protected client: HubClient = sessionClient(location.origin, sourceLocale);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.locale = pagesLocale(this.resolveLocale());
    usePagesLocale(this.locale);
    this.format = formats(this.locale, this.resolveTimeZone());
    this.client = sessionClient((this.hubUrl ?? location.origin).replace(/\/+$/, ''), this.locale);
  }

  /**
   * Loads data for the screen; render it with `task.render({ skeleton, complete })`. Call once, in a
   * field initializer. When the Hub answers that nobody is signed in any more, the app is told.
   */
  protected fetchTask<Args extends readonly unknown[], Value>(options: HubTaskOptions<Args, Value>): HubTask<Args, Value> {
    const connection = (): Connection => ({ status: 'ready', client: this.client, hubUrl: this.hubUrl ?? location.origin });
    const fetch: HubTaskOptions<Args, Value>['fetch'] = async (client, args, signal) => {
      try {
        return await options.fetch(client, args, signal);
      } catch (error) {
        this.noticeSignedOut(error);
        throw error;
      }
    };
    return new HubTask(this, { connection, format: () => this.format, warn: (message) => this.warn(message) }, { ...options, fetch });
  }

  /** Tells the app when `error` says the session is gone, so it asks the person to sign in again. */
  protected noticeSignedOut(error: unknown): void {
    if (isSignedOut(error)) emit(this, 'sr-manage-signed-out', { expired: true });
  }
}
