import { msg } from '@lit/localize';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { errorMessage } from '../../core/errors.js';
import { errorState, skeletonState, skeletonText } from '../../core/states.js';
import { ManageElement } from '../shared/manage-element.js';
import { basePath, inAppPath, navigate } from '../shared/navigation.js';
import { isSignedOut, type Me } from '../shared/session-events.js';
import { mayLeave } from '../shared/unsaved-changes.js';
import type { SignInNotice } from '../sign-in/sign-in.js';
import { publicScreens, routeOf, type Route } from './routes.js';

/** What the app knows about who is signed in: loading, nobody, someone, or the Hub could not say. */
type Session =
  | { status: 'loading' }
  | { status: 'signed-out'; notice: SignInNotice | undefined }
  | { status: 'signed-in'; me: Me }
  | { status: 'failed'; error: unknown };

/**
 * The pages for organizations at `/manage/`: a header with the product and the signed-in person,
 * and the screen of the address (History API, every path below `/manage/`). Screens that need a
 * person show the sign-in instead while nobody is signed in.
 */
export class SrManageApp extends ManageElement {
  static override properties: PropertyDeclarations = {
    session: { state: true },
    route: { state: true },
  };

  static override styles = [
    ManageElement.styles,
    css`
      :host {
        display: block;
        min-block-size: 100dvh;
      }
      .skip-link {
        position: absolute;
        border: 0;
        font: inherit;
        text-decoration: underline;
        cursor: pointer;
        inset-inline-start: var(--_space-2);
        inset-block-start: -10rem;
        z-index: 1;
        padding: var(--_space-2) var(--_space-3);
        border-radius: var(--_radius);
        color: var(--_color-on-primary);
        background: var(--_color-primary);
      }
      .skip-link:focus {
        inset-block-start: var(--_space-2);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-2) var(--_space-4);
        align-items: center;
        justify-content: space-between;
        padding: var(--_space-3) var(--_space-4);
        border-block-end: 1px solid var(--_color-divider);
        background: var(--_color-surface-raised);
      }
      .product {
        font-size: 1.15em;
        font-weight: 700;
        color: inherit;
        text-decoration: none;
      }
      .product span {
        display: block;
        font-size: 0.8em;
        font-weight: 400;
        color: var(--_color-text-muted);
      }
      .account {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-2) var(--_space-3);
        align-items: center;
      }
      .account ul {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-2) var(--_space-3);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .account a {
        display: inline-flex;
        align-items: center;
        min-block-size: 2.75rem;
      }
      main {
        max-inline-size: 60rem;
        margin: 0 auto;
        padding: var(--_space-5) var(--_space-4) var(--_space-6);
      }
      main:focus {
        outline: none;
      }
    `,
  ];

  declare private session: Session;
  declare private route: Route;
  /** A screen changed after the first: the focus goes to the new screen, as after a page load. */
  #moved = false;
  #meRequest: AbortController | undefined;
  /** The address of the screen shown, to return to when the person keeps unsaved changes. */
  #path = currentPath();

  constructor() {
    super();
    this.session = { status: 'loading' };
    this.route = routeOf(new URL(location.href));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('popstate', this.#onPopState);
    this.addEventListener('click', this.#onClick);
    this.addEventListener('sr-manage-signed-in', this.#onSignedIn);
    this.addEventListener('sr-manage-signed-out', this.#onSignedOut);
    this.addEventListener('sr-manage-me-changed', this.#onMeChanged);
    void this.#loadMe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.#onPopState);
    this.removeEventListener('click', this.#onClick);
    this.removeEventListener('sr-manage-signed-in', this.#onSignedIn);
    this.removeEventListener('sr-manage-signed-out', this.#onSignedOut);
    this.removeEventListener('sr-manage-me-changed', this.#onMeChanged);
    this.#meRequest?.abort();
  }

  async #loadMe(): Promise<void> {
    this.#meRequest?.abort();
    const request = (this.#meRequest = new AbortController());
    // The client is made for the element's language before the first update.
    await this.updateComplete;
    try {
      const me = await this.client.GET('/me', { signal: request.signal });
      this.session = { status: 'signed-in', me };
    } catch (error) {
      if (request.signal.aborted) return;
      this.session = isSignedOut(error) ? { status: 'signed-out', notice: undefined } : { status: 'failed', error };
    }
  }

  readonly #onPopState = () => {
    // Back or forward away from unsaved changes: unless the person lets them go, the address returns.
    if (!mayLeave()) {
      history.pushState(null, '', this.#path);
      return;
    }
    this.#path = currentPath();
    this.route = routeOf(new URL(location.href));
    this.#moved = true;
  };

  readonly #onClick = (event: MouseEvent) => {
    const path = inAppPath(event);
    if (path === undefined) return;
    event.preventDefault();
    if (path !== currentPath() && mayLeave()) navigate(path);
  };

  readonly #onSignedIn = (event: GlobalEventHandlersEventMap['sr-manage-signed-in']) => {
    this.session = { status: 'signed-in', me: event.detail };
    // The token leaves the address bar and the history: it is used up.
    navigate(basePath, { replace: true });
  };

  readonly #onSignedOut = (event: GlobalEventHandlersEventMap['sr-manage-signed-out']) => {
    this.session = { status: 'signed-out', notice: event.detail.expired ? 'expired' : 'signed-out' };
    if (!event.detail.expired) navigate(`${basePath}sign-in`);
  };

  readonly #onMeChanged = () => void this.#loadMe();

  async #signOut(): Promise<void> {
    try {
      await this.client.DELETE('/sessions/current');
    } catch (error) {
      // Gone already is signed out too; anything else, and the person is still signed in.
      if (!isSignedOut(error)) {
        this.session = { status: 'failed', error };
        return;
      }
    }
    this.session = { status: 'signed-out', notice: 'signed-out' };
    navigate(`${basePath}sign-in`);
  }

  protected override updated(): void {
    document.title = `${this.#title()} – Smart Region Hub`;
    if (this.#moved) {
      this.#moved = false;
      this.renderRoot.querySelector<HTMLElement>('main')?.focus();
      scrollTo(0, 0);
    }
  }

  /** The screen's name, for the browser's tab and history. */
  #title(): string {
    const screen = this.#shownScreen();
    const titles: Record<Route['screen'], string> = {
      home: msg('Meine Organisationen'),
      'sign-in': msg('Anmelden'),
      'sign-in-link': msg('Anmelden'),
      invitation: msg('Einladung'),
      register: msg('Organisation registrieren'),
      members: msg('Mitglieder'),
      'api-keys': msg('API-Schlüssel'),
      'audit-log': msg('Protokoll'),
      responses: msg('Rückmeldungen'),
      dashboard: msg('Übersicht'),
      events: msg('Termine'),
      event: msg('Termin'),
      'calendar-subscriptions': msg('Kalender-Abos'),
      'help-offers': msg('Hilfsangebote'),
      'help-offer': msg('Hilfsangebot'),
      'volunteer-needs': msg('Ehrenamt'),
      'volunteer-need': msg('Gesuch'),
      'volunteer-shift': msg('Schicht'),
      polls: msg('Umfragen'),
      poll: msg('Umfrage'),
      profile: msg('Profil'),
      'hub-audit-log': msg('Protokoll'),
      sessions: msg('Meine Anmeldungen'),
      'not-found': msg('Seite nicht gefunden'),
    };
    return titles[screen];
  }

  /** The screen shown now: a screen that needs a person is the sign-in while nobody is signed in. */
  #shownScreen(): Route['screen'] {
    const { screen } = this.route;
    return this.session.status === 'signed-out' && !publicScreens.has(screen) ? 'sign-in' : screen;
  }

  protected override render(): TemplateResult {
    return html`<button class="skip-link" type="button" @click=${this.#skipToMain}>${msg('Zum Inhalt springen')}</button>
      <header>
        <a class="product" href=${basePath}>Smart Region Hub <span>${msg('für Organisationen')}</span></a>
        ${this.session.status === 'signed-in' ? this.#account(this.session.me) : nothing}
      </header>
      <main id="main" tabindex="-1">${this.#screen()}</main>`;
  }

  // A button, not a link to #main: a fragment cannot reach into the shadow root.
  readonly #skipToMain = () => {
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  };

  #account(me: Me): TemplateResult {
    return html`<nav class="account" aria-label=${msg('Ihr Konto')}>
      <span>${msg('Angemeldet:')} <strong dir="auto">${me.person.displayName}</strong></span>
      <ul>
        <li><a href="${basePath}sessions">${msg('Meine Anmeldungen')}</a></li>
        <li><button class="button" type="button" @click=${() => void this.#signOut()}>${msg('Abmelden')}</button></li>
      </ul>
    </nav>`;
  }

  #screen(): unknown {
    const session = this.session;
    const route = this.route;
    if (session.status === 'failed') {
      return errorState(errorMessage(session.error, this.format), () => {
        this.session = { status: 'loading' };
        void this.#loadMe();
      });
    }
    if (session.status === 'loading' && !publicScreens.has(route.screen)) {
      return skeletonState(html`<h1>${skeletonText('16ch')}</h1><p>${skeletonText('40ch')}</p>`);
    }
    const hubUrl = this.hubUrl ?? nothing;
    if (session.status !== 'signed-in' && !publicScreens.has(route.screen)) {
      return html`<sr-manage-sign-in hub-url=${hubUrl} .notice=${session.status === 'signed-out' ? session.notice : undefined}></sr-manage-sign-in>`;
    }
    const me = session.status === 'signed-in' ? session.me : undefined;
    switch (route.screen) {
      case 'sign-in':
        return html`<sr-manage-sign-in
          hub-url=${hubUrl}
          .me=${me}
          .providerError=${route.error}
          .notice=${session.status === 'signed-out' ? session.notice : undefined}
        ></sr-manage-sign-in>`;
      case 'sign-in-link':
        return html`<sr-manage-sign-in-link hub-url=${hubUrl} .token=${route.token}></sr-manage-sign-in-link>`;
      case 'invitation':
        return html`<sr-manage-invitation hub-url=${hubUrl} .token=${route.token} .me=${me}></sr-manage-invitation>`;
      case 'register':
        return html`<sr-manage-registration hub-url=${hubUrl} .me=${me}></sr-manage-registration>`;
      case 'home':
        return html`<sr-manage-home hub-url=${hubUrl} .me=${me}></sr-manage-home>`;
      case 'members':
        return html`<sr-manage-members hub-url=${hubUrl} .me=${me} .organizationId=${route.organizationId}></sr-manage-members>`;
      case 'api-keys':
        return html`<sr-manage-api-keys hub-url=${hubUrl} .me=${me} .organizationId=${route.organizationId}></sr-manage-api-keys>`;
      case 'audit-log':
        return html`<sr-manage-audit-log hub-url=${hubUrl} .me=${me} .organizationId=${route.organizationId}></sr-manage-audit-log>`;
      case 'responses':
        return html`<sr-manage-responses hub-url=${hubUrl} .me=${me} .organizationId=${route.organizationId}></sr-manage-responses>`;
      case 'dashboard':
        return html`<sr-manage-dashboard hub-url=${hubUrl} .me=${me} .organizationId=${route.organizationId}></sr-manage-dashboard>`;
      case 'events':
        return html`<sr-manage-events hub-url=${hubUrl} .me=${me} .organizationId=${route.organizationId}></sr-manage-events>`;
      case 'event':
        return html`<sr-manage-event hub-url=${hubUrl} .me=${me} .organizationId=${route.organizationId} .itemId=${route.itemId}></sr-manage-event>`;
      case 'calendar-subscriptions':
        return html`<sr-manage-calendar-subscriptions hub-url=${hubUrl} .me=${me} .organizationId=${route.organizationId}></sr-manage-calendar-subscriptions>`;
      case 'help-offers':
        return html`<sr-manage-help-offers hub-url=${hubUrl} .me=${me} .organizationId=${route.organizationId}></sr-manage-help-offers>`;
      case 'help-offer':
        return html`<sr-manage-help-offer hub-url=${hubUrl} .me=${me} .organizationId=${route.organizationId} .itemId=${route.itemId}></sr-manage-help-offer>`;
      case 'volunteer-needs':
        return html`<sr-manage-volunteer-needs hub-url=${hubUrl} .me=${me} .organizationId=${route.organizationId}></sr-manage-volunteer-needs>`;
      case 'volunteer-need':
        return html`<sr-manage-volunteer-need hub-url=${hubUrl} .me=${me} .organizationId=${route.organizationId} .itemId=${route.itemId}></sr-manage-volunteer-need>`;
      case 'volunteer-shift':
        return html`<sr-manage-shift-roster
          hub-url=${hubUrl}
          .me=${me}
          .organizationId=${route.organizationId}
          .needId=${route.needId}
          .shiftId=${route.shiftId}
        ></sr-manage-shift-roster>`;
      case 'polls':
        return html`<sr-manage-polls hub-url=${hubUrl} .me=${me} .organizationId=${route.organizationId}></sr-manage-polls>`;
      case 'poll':
        return html`<sr-manage-poll hub-url=${hubUrl} .me=${me} .organizationId=${route.organizationId} .itemId=${route.itemId}></sr-manage-poll>`;
      case 'profile':
        return html`<sr-manage-profile hub-url=${hubUrl} .me=${me} .organizationId=${route.organizationId}></sr-manage-profile>`;
      case 'hub-audit-log':
        return html`<sr-manage-audit-log hub-url=${hubUrl} .me=${me}></sr-manage-audit-log>`;
      case 'sessions':
        return html`<sr-manage-sessions hub-url=${hubUrl}></sr-manage-sessions>`;
      case 'not-found':
        return html`<h1>${msg('Diese Seite gibt es nicht.')}</h1>
          <p><a href=${basePath}>${msg('Zur Startseite')}</a></p>`;
    }
  }
}

const currentPath = () => `${location.pathname}${location.search}${location.hash}`;

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-app': SrManageApp;
  }
}
