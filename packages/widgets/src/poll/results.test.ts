import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { hasPart, hubJson, $, textOf } from '../../test/helpers.js';
import { testServers } from '../../test/test-servers.js';
import '../hub/define.js';
import { SrPoll } from './define.js';
import type { Poll } from './results.js';

// The results table at the narrowest width WCAG 1.4.10 asks for: the page never scrolls sideways.

async function closedPoll(): Promise<SrPoll> {
  const { hubUrl } = await testServers();
  const { items } = await hubJson<{ items: Poll[] }>('/polls?limit=100');
  const poll = document.createElement('sr-poll');
  poll.setAttribute('hub-url', hubUrl);
  poll.setAttribute('poll-id', items.find((candidate) => candidate.status === 'closed')!.id);
  await fixture(html`<div>${poll}</div>`);
  await waitUntil(() => hasPart(poll, 'results-table'), `<sr-poll> shows no results: ${textOf(poll).slice(0, 200)}`, { timeout: 8000 });
  return poll;
}

describe('<sr-poll> results at 320 px', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const lang of ['de', 'en']) {
    it(`${lang}: the open table fits, or scrolls within its own region a keyboard reaches; the page does not scroll sideways`, async () => {
      await setViewport({ width: 320, height: 640 });
      document.body.style.margin = '0';
      const poll = await closedPoll();
      poll.lang = lang;
      $(poll, 'summary').click();
      await poll.updateComplete;
      const table = $(poll, '[part~="results-table"]');
      expect(table.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(document.scrollingElement!.scrollWidth).to.be.at.most(320);
      const region = table.closest('[role="region"]') as HTMLElement;
      expect(region.getBoundingClientRect().right).to.be.at.most(320);
      expect(region.tabIndex).to.equal(0);
      region.focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(poll.shadowRoot!.activeElement).to.equal(region);
      await expect(poll).to.be.accessible();
      document.body.style.removeProperty('margin');
    });
  }
});
