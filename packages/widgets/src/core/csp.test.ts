import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { calendarRoutes } from '../../../../stories/support/event-fixtures.js';
import { fixtureClient, pending } from '../../../../stories/support/fixture-client.js';
import { part } from '../../test/helpers.js';
import '../event-calendar/define.js';
import '../hub/define.js';

// Pages embed the widgets under a strict Content Security Policy: no inline styles, no inline
// script. This page gets one too (its own file: the policy stays for the page's lifetime).

describe('under a strict Content Security Policy', () => {
  const violations: string[] = [];
  before(() => {
    const policy = Object.assign(document.createElement('meta'), { httpEquiv: 'Content-Security-Policy', content: "style-src 'self'" });
    document.head.append(policy);
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective}: ${event.sample}`));
  });

  it('the widgets style themselves without a violation, placeholders included', async () => {
    const loading = fixtureClient(calendarRoutes((_, signal) => pending(signal)));
    const loaded = fixtureClient(calendarRoutes());
    const page = await fixture(html`<div>
      <sr-hub .client=${loading}><sr-event-calendar></sr-event-calendar></sr-hub>
      <sr-hub .client=${loaded}><sr-event-calendar view="list"></sr-event-calendar></sr-hub>
    </div>`);
    const [waiting, shown] = [...page.querySelectorAll('sr-event-calendar')];
    const bar = (await part(waiting!, 'skeleton')).querySelector<HTMLElement>('.skeleton-text')!;
    await part(shown!, 'list');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(violations).to.deep.equal([]);
    expect(bar.style.inlineSize).to.equal('80%');
    await waitUntil(() => getComputedStyle(bar).inlineSize !== 'auto');
  });
});
