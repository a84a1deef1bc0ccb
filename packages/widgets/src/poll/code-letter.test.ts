import { expect } from '@open-wc/testing';
import { $, captureWarnings, hubJson, part } from '../../test/helpers.js';
import { chooseAndVote, codePoll, openPoll, organizerResults, printCodes, showPoll, votesFor } from '../../test/polls.js';
import './define.js';

/**
 * A participation-code letter's QR code opens the poll's page with the code in the address's
 * fragment (`#code=…`), which no server sees. Its own file: the page remembers a vote for the
 * rest of the visit, and the seeded Hub has one open code poll.
 */
describe('<sr-poll> opened from a code letter', () => {
  const page = location.href;
  const codeField = (poll: Element) => $<HTMLInputElement>(poll, '[part~="code"]');
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => {
    warnings.restore();
    history.replaceState(null, '', page);
  });

  it('reads no code from the query, which servers log, and an open poll leaves a #code fragment alone', async () => {
    const demo = await codePoll();
    const [code] = await printCodes(demo.id, 1);
    const query = new URL(page);
    query.searchParams.set('code', code!);
    history.replaceState(null, '', query);
    expect(codeField(await showPoll(demo.id)).value).to.equal('');
    expect(location.href).to.equal(query.href);

    const fragment = `${page}#code=${code}`;
    history.replaceState(null, '', fragment);
    await showPoll((await openPoll()).id);
    expect(location.href).to.equal(fragment);
  });

  it('fills the code field from #code=…, removes the fragment keeping path and query, and the vote counts once', async () => {
    const demo = await codePoll();
    const [code] = await printCodes(demo.id, 1);
    const before = await organizerResults(demo.id);
    const visited = history.length;
    history.replaceState(null, '', `${page}#code=${code}`);
    const poll = await showPoll(demo.id);
    expect(codeField(poll).value).to.equal(code);
    // Replaced, not a new entry: Back leaves the page as before.
    expect([location.href, location.hash, history.length]).to.deep.equal([page, '', visited]);

    await chooseAndVote(poll, 0);
    await part(poll, 'confirmation');
    const after = await organizerResults(demo.id);
    expect(after.participants!.online).to.equal(before.participants!.online + 1);
    expect(votesFor(after, demo.options[0]!.id).online).to.equal(votesFor(before, demo.options[0]!.id).online + 1);
    // It was the code from the fragment that voted: it cannot vote again.
    const again = hubJson(`/polls/${demo.id}/votes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ choices: [demo.options[1]!.id], code }),
    });
    await again.then(
      () => expect.fail('the code voted twice'),
      (error: Error) => expect(error.message).to.include('409').and.include('code-already-used'),
    );
    expect(warnings.messages).to.deep.equal([]);
  });
});
