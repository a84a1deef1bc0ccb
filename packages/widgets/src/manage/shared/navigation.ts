/** Where the pages live on the Hub; every route is a path below it. */
export const basePath = '/manage/';

/** Goes to another screen of the pages without loading the page again (History API). */
export function navigate(path: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

/**
 * The path of a link to follow inside the pages, or `undefined` for anything the browser should
 * handle itself: another origin, another part of the Hub, a new tab, a download.
 */
export function inAppPath(event: MouseEvent): string | undefined {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.href !== '');
  if (!link || link.target || link.hasAttribute('download')) return undefined;
  const url = new URL(link.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(basePath)) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The screens of one organization that list or show something (no item of their own). */
export type OrganizationScreen =
  | 'dashboard'
  | 'events'
  | 'calendar-subscriptions'
  | 'help-offers'
  | 'volunteer-needs'
  | 'responses'
  | 'polls'
  | 'profile'
  | 'members'
  | 'api-keys'
  | 'audit-log';

/** The screens that edit one item of an organization, and the list screen each belongs to. */
export const itemScreens = {
  event: 'events',
  'help-offer': 'help-offers',
  'volunteer-need': 'volunteer-needs',
  poll: 'polls',
} as const satisfies Record<string, OrganizationScreen>;
export type ItemScreen = keyof typeof itemScreens;

/** A screen's path for an organization, e.g. `/manage/organizations/<id>/members`; the dashboard is the organization's own path. */
export const organizationPath = (organizationId: string, screen: OrganizationScreen): string =>
  `${basePath}organizations/${encodeURIComponent(organizationId)}${screen === 'dashboard' ? '' : `/${screen}`}`;

/** The path of one item's screen, e.g. `/manage/organizations/<id>/events/<eventId>`; without an id the form for a new one. */
export const itemPath = (organizationId: string, screen: ItemScreen, itemId?: string): string =>
  `${organizationPath(organizationId, itemScreens[screen])}/${itemId === undefined ? 'new' : encodeURIComponent(itemId)}`;
