import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PropertyDeclarations } from 'lit';
import { fixtureClient, hubError, municipalityPages, pending } from '../../../../stories/support/fixture-client.js';
import { captureWarnings, hasPart, part, textOf } from '../../test/helpers.js';
import '../hub/define.js';
import { defineElement } from './define.js';
import { SrElement } from './sr-element.js';

/** Lists as many municipalities as `limit` says, never showing a list loaded for another limit. */
class ExactList extends SrElement {
  static override properties: PropertyDeclarations = { limit: { type: Number } };
  declare limit: number;

  readonly municipalities = this.fetchTask({
    args: () => [this.limit] as const,
    fetch: (hub, [limit], signal) => hub.GET('/municipalities', { params: { query: { limit } }, signal }),
    keepForOtherArgs: false,
  });

  protected override render() {
    return this.municipalities.render({
      skeleton: () => html`<p>…</p>`,
      complete: (page) => html`<p part="item">${page.items.length} Gemeinden</p>`,
    });
  }
}
defineElement('sr-exact-list', ExactList);

describe('HubTask with keepForOtherArgs: false', () => {
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => warnings.restore());

  it('shows the skeleton, not data of other arguments, while loading, and the error when that fails', async () => {
    let answer: 'data' | 'wait' | 'fail' = 'data';
    const client = fixtureClient({
      '/municipalities': (query, signal) => {
        if (answer === 'wait') return pending(signal);
        if (answer === 'fail') throw hubError(500);
        return municipalityPages()(query, signal);
      },
    });
    const hub = await fixture(html`<sr-hub .client=${client}><sr-exact-list limit="2"></sr-exact-list></sr-hub>`);
    const list = hub.querySelector<ExactList>('sr-exact-list')!;
    await waitUntil(() => textOf(list) === '2 Gemeinden');
    answer = 'wait';
    list.limit = 3;
    await part(list, 'skeleton');
    expect(hasPart(list, 'item')).to.equal(false);
    answer = 'fail';
    list.limit = 4;
    await part(list, 'error');
    expect(hasPart(list, 'notice')).to.equal(false);
    // Back to the arguments it has data for: that data again, with a notice when refreshing fails.
    list.limit = 2;
    await part(list, 'notice');
    expect(textOf(list)).to.include('2 Gemeinden');
    expect(warnings.messages).to.have.length(1);
  });
});
