import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { testServers } from '../../../test/test-servers.js';
import '../define.js';
import type { SrManageApp } from './app.js';
import { routeOf } from './routes.js';

const where = location.href;

/** The app at `path`, talking to the test Hub, where nobody is signed in (another origin: no session). */
async function showApp(path: string): Promise<SrManageApp> {
  history.replaceState(null, '', path);
  const { hubUrl } = await testServers();
  return fixture<SrManageApp>(html`<sr-manage-app hub-url=${hubUrl}></sr-manage-app>`);
}

const screenIn = (app: SrManageApp) => app.shadowRoot!.querySelector('main')!.firstElementChild;

describe('<sr-manage-app>', () => {
  afterEach(() => history.replaceState(null, '', where));

  it('reads each path below /manage/ as a screen', () => {
    const route = (path: string) => routeOf(new URL(path, 'https://hub.example.org'));
    expect(route('/manage/')).to.deep.equal({ screen: 'home' });
    expect(route('/manage/sign-in?token=abc')).to.deep.equal({ screen: 'sign-in-link', token: 'abc' });
    expect(route('/manage/sign-in?error=no-account')).to.deep.equal({ screen: 'sign-in', error: 'no-account' });
    expect(route('/manage/invitation?token=xyz')).to.deep.equal({ screen: 'invitation', token: 'xyz' });
    expect(route('/manage/organizations/o-1/api-keys')).to.deep.equal({ screen: 'api-keys', organizationId: 'o-1' });
    expect(route('/manage/organizations/o-1/nothing')).to.deep.equal({ screen: 'not-found' });
    expect(route('/manage/organizations/o-1/volunteer-needs/n-1/shifts/s-1')).to.deep.equal({
      screen: 'volunteer-shift',
      organizationId: 'o-1',
      needId: 'n-1',
      shiftId: 's-1',
    });
    expect(route('/manage/organizations/o-1/events/n-1/shifts/s-1')).to.deep.equal({ screen: 'not-found' });
    expect(route('/manage/invitation')).to.deep.equal({ screen: 'not-found' });
  });

  it('shows the sign-in for a screen that needs a person while nobody is signed in, with a skip link and a main landmark', async () => {
    const app = await showApp('/manage/organizations/o-1/members');
    await waitUntil(() => screenIn(app)?.localName === 'sr-manage-sign-in', 'the sign-in', { timeout: 5000 });
    expect(app.shadowRoot!.querySelector('header')!.textContent).to.include('Smart Region Hub');
    expect(document.title).to.equal('Anmelden – Smart Region Hub');
    const skip = app.shadowRoot!.querySelector<HTMLButtonElement>('.skip-link')!;
    expect(app.shadowRoot!.querySelector('.skip-link, header')).to.equal(skip, 'first of all');
    skip.click();
    expect(app.shadowRoot!.activeElement?.localName).to.equal('main');
    await expect(app).to.be.accessible();
  });

  it('follows its links without loading the page again, and moves the focus to the new screen', async () => {
    const app = await showApp('/manage/sign-in');
    await waitUntil(() => screenIn(app)?.shadowRoot?.querySelector('a[href="/manage/register"]'), 'the sign-in', { timeout: 5000 });
    screenIn(app)!.shadowRoot!.querySelector<HTMLAnchorElement>('a[href="/manage/register"]')!.click();
    await waitUntil(() => screenIn(app)?.localName === 'sr-manage-registration', 'the registration');
    expect(location.pathname).to.equal('/manage/register');
    expect(document.title).to.equal('Organisation registrieren – Smart Region Hub');
    expect(app.shadowRoot!.activeElement?.localName).to.equal('main');
    history.back();
    await waitUntil(() => screenIn(app)?.localName === 'sr-manage-sign-in', 'back to the sign-in');
  });

  it('says when a page does not exist', async () => {
    const app = await showApp('/manage/nirgendwo');
    await waitUntil(() => app.shadowRoot!.querySelector('h1')?.textContent === 'Diese Seite gibt es nicht.', 'not found');
    await expect(app).to.be.accessible();
  });
});
