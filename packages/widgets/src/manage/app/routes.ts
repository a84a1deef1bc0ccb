import { basePath, itemScreens, type ItemScreen, type OrganizationScreen } from '../shared/navigation.js';

/** A screen of the pages, from the path below `/manage/` and the query. */
export type Route =
  | { screen: 'home' }
  /** `error`: why a sign-in with the municipality's identity provider did not happen (the Hub sends people back here). */
  | { screen: 'sign-in'; error?: string }
  /** The page a sign-in link leads to: it signs in only when the person presses the button. */
  | { screen: 'sign-in-link'; token: string }
  | { screen: 'invitation'; token: string }
  | { screen: 'register' }
  | { screen: OrganizationScreen; organizationId: string }
  /** One item of an organization to edit; `itemId` is `undefined` for a new one (`…/events/new`). */
  | { screen: ItemScreen; organizationId: string; itemId: string | undefined }
  /** The roster of one shift of a volunteer need: `…/volunteer-needs/<need>/shifts/<shift>`. */
  | { screen: 'volunteer-shift'; organizationId: string; needId: string; shiftId: string }
  | { screen: 'hub-audit-log' }
  | { screen: 'sessions' }
  | { screen: 'not-found' };

/** Screens anyone may see; every other one needs a signed-in person. */
export const publicScreens: ReadonlySet<Route['screen']> = new Set(['sign-in', 'sign-in-link', 'invitation', 'register', 'not-found']);

export function routeOf(url: URL): Route {
  if (!url.pathname.startsWith(basePath)) return { screen: 'not-found' };
  const parts = url.pathname.slice(basePath.length).split('/').filter(Boolean).map(decodeURIComponent);
  const token = url.searchParams.get('token') ?? '';
  const [first, second, third, ...rest] = parts;
  if (first === 'organizations' && second && third === 'volunteer-needs' && rest.length === 3 && rest[1] === 'shifts')
    return { screen: 'volunteer-shift', organizationId: second, needId: rest[0]!, shiftId: rest[2]! };
  if (rest.length > 1 || (rest.length === 1 && first !== 'organizations')) return { screen: 'not-found' };
  if (first === undefined) return { screen: 'home' };
  if (second === undefined) {
    if (first === 'sign-in') {
      const error = url.searchParams.get('error');
      return token ? { screen: 'sign-in-link', token } : error ? { screen: 'sign-in', error } : { screen: 'sign-in' };
    }
    if (first === 'invitation' && token) return { screen: 'invitation', token };
    if (first === 'register') return { screen: 'register' };
    if (first === 'sessions') return { screen: 'sessions' };
    if (first === 'audit-log') return { screen: 'hub-audit-log' };
  }
  if (first === 'organizations' && second) return organizationRoute(second, third, rest[0]);
  return { screen: 'not-found' };
}

const listScreens: ReadonlySet<string> = new Set<OrganizationScreen>([
  'events',
  'calendar-subscriptions',
  'help-offers',
  'volunteer-needs',
  'responses',
  'polls',
  'profile',
  'members',
  'api-keys',
  'audit-log',
]);

/** `organizations/<id>`, `…/<screen>` and `…/<list>/<item id or "new">`. */
function organizationRoute(organizationId: string, screen: string | undefined, item: string | undefined): Route {
  if (screen === undefined) return { screen: 'dashboard', organizationId };
  if (item === undefined)
    return listScreens.has(screen) ? { screen: screen as OrganizationScreen, organizationId } : { screen: 'not-found' };
  const itemScreen = (Object.keys(itemScreens) as ItemScreen[]).find((key) => itemScreens[key] === screen);
  if (!itemScreen) return { screen: 'not-found' };
  return { screen: itemScreen, organizationId, itemId: item === 'new' ? undefined : item };
}
