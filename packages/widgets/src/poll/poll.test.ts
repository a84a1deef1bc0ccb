import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fixtureClient, hubError, pending } from '../../../../stories/support/fixture-client.js';
import { hiddenResults, samplePoll, visibleResults } from '../../../../stories/support/poll-fixtures.js';
import {
  captureWarnings,
  drawnLeftToRight,
  expectIsolated,
  hasPart,
  part,
  textOf,
  $,
  $$,
  itComesFromTheBuildUnderTest,
  hubJson,
  locales,
  tabTo,
  type Locale,
} from '../../test/helpers.js';
import { testServers } from '../../test/test-servers.js';
import { expectPrintLink } from '../../test/print-link.js';
import {
  chooseAndVote,
  closedPoll,
  codePoll,
  demoPoll,
  openPoll,
  options,
  organizerResults,
  printCodes,
  showPoll,
  votesFor,
} from '../../test/polls.js';
import '../hub/define.js';
import { SrPoll } from './define.js';
import type { PollResults } from './results.js';

/** An element's text, whitespace collapsed. */
const words = (element: Element) => element.textContent.replace(/\s+/g, ' ').trim();

describe('<sr-poll>', () => {
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => warnings.restore());

  itComesFromTheBuildUnderTest('sr-poll', SrPoll);

  for (const lang of locales) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${lang}, ${theme}: the question as a fieldset with its options, accessible, by keyboard`, async () => {
        const demo = await openPoll();
        const poll = await showPoll(demo.id, { lang, theme });
        expect($(poll, 'fieldset legend').textContent.trim()).to.equal(demo.question);
        const labels = options(poll).map((input) => input.closest('label')!.textContent.trim());
        expect(labels).to.have.length(demo.options.length);
        for (const [index, option] of demo.options.entries()) expect(labels[index]).to.equal(`${option.label}${option.description ?? ''}`);
        // A translation loads as a module of its own; the poll shows it once it is there.
        const once = { de: 'Bitte stimmen Sie nur einmal ab.', 'de-x-ls': 'Bitte stimmen Sie nur 1 Mal ab.', en: 'Please vote only once.' }[
          lang
        ];
        await waitUntil(() => $(poll, '[part~="once-hint"]').textContent.includes(once), `not "${once}"`);
        expect($(poll, '[part~="submit-button"]').textContent.trim()).to.equal(
          { de: 'Abstimmen', 'de-x-ls': 'Abstimmen', en: 'Vote' }[lang],
        );
        await expect(poll).to.be.accessible();
        // Tab reaches the first option, Space chooses it, Tab goes on to the button.
        await tabTo(poll, '[part~="option"] input');
        await sendKeys({ press: 'Space' });
        expect(options(poll)[0]!.checked).to.equal(true);
        await tabTo(poll, '[part~="submit-button"]');
        expect(warnings.messages).to.deep.equal([]);
      });
    }
  }

  it('votes with a proof of work solved in the browser, counted exactly once, and shows the results', async () => {
    const demo = await openPoll();
    const before = await organizerResults(demo.id);
    const poll = await showPoll(demo.id);
    // An open poll cannot tell a second vote after a reload: it asks for one, and says why the form is back.
    const hint = await part(poll, 'once-hint');
    expect($(poll, '[part~="submit-button"]').getAttribute('aria-describedby')).to.equal(hint.id);
    expect(hint.textContent).to.include('nur einmal ab');
    const voted: Promise<GlobalEventHandlersEventMap['sr-vote']> = oneEvent(poll, 'sr-vote');
    await chooseAndVote(poll, 1);
    const { detail } = await voted;
    expect(detail).to.deep.equal({ pollId: demo.id, choices: [demo.options[1]!.id] });
    const confirmation = await part(poll, 'confirmation');
    // One thing, said once.
    expect(words(confirmation)).to.equal('Vielen Dank! Ihre Stimme wurde gezählt.');
    expect(poll.shadowRoot!.activeElement).to.equal(confirmation);
    // Nothing about the voter is kept in the browser.
    expect([localStorage.length, sessionStorage.length, document.cookie]).to.deep.equal([0, 0, '']);
    const after = await organizerResults(demo.id);
    expect(after.participants!.online).to.equal(before.participants!.online + 1);
    expect(votesFor(after, demo.options[1]!.id).online).to.equal(votesFor(before, demo.options[1]!.id).online + 1);
    // Results "after voting": the voter sees them, the public not yet.
    expect(demo.resultsVisibility).to.equal('after-voting');
    expect(hasPart(poll, 'results')).to.equal(true);
    expect((await hubJson<PollResults>(`/polls/${demo.id}/results`)).visible).to.equal(false);
    await expect(poll).to.be.accessible();
  });

  it('remembers the vote for the rest of the page visit', async () => {
    const demo = await openPoll();
    const poll = await showPoll(demo.id);
    expect(hasPart(poll, 'form')).to.equal(false);
    expect(words(await part(poll, 'confirmation'))).to.equal('Vielen Dank! Ihre Stimme wurde gezählt.');
  });

  it('says what is wrong with a code, keeps the selection, and counts a valid code once', async () => {
    const demo = await codePoll();
    const [used, fresh] = await printCodes(demo.id, 2);
    // A code that was used already: voted with through the API.
    await hubJson(`/polls/${demo.id}/votes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ choices: [demo.options[0]!.id], code: used }),
    });
    const before = await organizerResults(demo.id);
    const poll = await showPoll(demo.id);
    // A code votes once: no request to vote once is needed.
    expect(hasPart(poll, 'once-hint')).to.equal(false);
    const code = $<HTMLInputElement>(poll, '[part~="code"]');
    code.focus();
    await sendKeys({ type: used! });
    await chooseAndVote(poll, 1);
    const error = await part(poll, 'vote-error');
    expect(error.textContent).to.include('schon zum Abstimmen verwendet');
    expect(options(poll)[1]!.checked).to.equal(true);
    await expect(poll).to.be.accessible();

    // Typed as people type it from paper: lower case, a space for the hyphen.
    code.select();
    await sendKeys({ type: fresh!.toLowerCase().replace('-', ' ') });
    (await part(poll, 'submit-button')).click();
    await part(poll, 'confirmation');
    const after = await organizerResults(demo.id);
    expect(after.participants!.online).to.equal(before.participants!.online + 1);
    expect(votesFor(after, demo.options[1]!.id).online).to.equal(votesFor(before, demo.options[1]!.id).online + 1);
  });

  it('enforces the maximum number of choices with a clear message', async () => {
    const client = fixtureClient({
      '/polls/{pollId}': () => ({ ...samplePoll, kind: 'multiple', maxChoices: 2 }),
      '/polls/{pollId}/results': () => hiddenResults,
    });
    const root = await fixture(
      html`<sr-hub .client=${client} hub-url="https://hub.example.org"><sr-poll poll-id=${samplePoll.id}></sr-poll></sr-hub>`,
    );
    const poll = root.querySelector('sr-poll')!;
    await part(poll, 'form');
    const boxes = options(poll);
    expect(boxes.every((box) => box.type === 'checkbox')).to.equal(true);
    boxes[0]!.click();
    boxes[1]!.click();
    boxes[2]!.click();
    await poll.updateComplete;
    expect(boxes.map((box) => box.checked)).to.deep.equal([true, true, false]);
    expect(textOf(poll)).to.include('Höchstens 2 Antworten möglich');
    await expect(poll).to.be.accessible();
  });

  it('asks for a choice, and for the code, before sending', async () => {
    const client = fixtureClient({ '/polls/{pollId}': () => samplePoll, '/polls/{pollId}/results': () => hiddenResults });
    const root = await fixture(
      html`<sr-hub .client=${client} hub-url="https://hub.example.org"><sr-poll poll-id=${samplePoll.id}></sr-poll></sr-hub>`,
    );
    const poll = root.querySelector('sr-poll')!;
    (await part(poll, 'submit-button')).click();
    expect((await part(poll, 'vote-error')).textContent).to.include('Bitte wählen Sie eine Antwort.');
    options(poll)[0]!.click();
    (await part(poll, 'submit-button')).click();
    await waitUntil(() => textOf(poll).includes('Bitte geben Sie Ihren Teilnahmecode ein.'));
    expect(poll.shadowRoot!.activeElement).to.equal($(poll, '[part~="vote-error"]'));
  });

  it('shows a closed poll’s results with in-person tallies, as bars and as a table', async () => {
    const demo = await closedPoll();
    const results = await hubJson<PollResults>(`/polls/${demo.id}/results`);
    expect(results.participants!.inPerson).to.be.greaterThan(0);
    const poll = await showPoll(demo.id);
    expect(hasPart(poll, 'form')).to.equal(false);
    expect(textOf(poll)).to.include('Die Abstimmung ist beendet');
    const rows = $$(poll, '[part~="results-table"] tbody tr').map((row) => [...row.children].map((cell) => cell.textContent.trim()));
    expect(rows.map((row) => row[0])).to.deep.equal(results.options!.map((option) => option.label));
    expect(rows.map((row) => row[2])).to.deep.equal(results.options!.map((option) => new Intl.NumberFormat('de').format(option.inPerson)));
    expect(textOf(poll)).to.include(`${results.participants!.total} Teilnehmende`);
    await expect(poll).to.be.accessible();
  });

  describe('states', () => {
    const texts = {
      loading: { de: 'Wird geladen …', 'de-x-ls': 'Bitte warten …', en: 'Loading …' },
      error: {
        de: 'Die Daten sind gerade nicht erreichbar.',
        'de-x-ls': 'Die Daten kommen gerade nicht an.',
        en: 'The data cannot be reached right now.',
      },
      hidden: {
        de: 'Die Ergebnisse werden veröffentlicht',
        'de-x-ls': 'Wir zeigen das Ergebnis nach dem Ende',
        en: 'The results will be published',
      },
      'vote failed': {
        de: 'Ihre Stimme wurde nicht gezählt.',
        'de-x-ls': 'Wir haben Ihre Stimme nicht gezählt.',
        en: 'Your vote was not counted.',
      },
    } satisfies Record<string, Record<Locale, string>>;
    for (const state of Object.keys(texts) as (keyof typeof texts)[]) {
      for (const lang of locales) {
        it(`${state}, ${lang}: said and accessible`, async () => {
          const client = fixtureClient({
            '/polls/{pollId}': (_, signal) =>
              state === 'loading' ? pending(signal) : state === 'hidden' ? { ...samplePoll, status: 'closed' } : samplePoll,
            '/polls/{pollId}/results': () => {
              if (state === 'error') throw hubError(0);
              return hiddenResults;
            },
          });
          // Votes that cannot reach the Hub.
          client.POST = async () => Promise.reject(hubError(0));
          const root = await fixture(
            html`<sr-hub .client=${client} hub-url="https://hub.example.org" lang=${lang}><sr-poll poll-id=${samplePoll.id}></sr-poll></sr-hub>`,
          );
          const poll = root.querySelector('sr-poll')!;
          if (state === 'vote failed') {
            await part(poll, 'form');
            options(poll)[0]!.click();
            $<HTMLInputElement>(poll, '[part~="code"]').value = 'K7QM-3HXP';
            $<HTMLInputElement>(poll, '[part~="code"]').dispatchEvent(new Event('input'));
            (await part(poll, 'submit-button')).click();
          }
          await waitUntil(() => textOf(poll).includes(texts[state][lang]), `"${texts[state][lang]}" not shown: ${textOf(poll)}`, {
            timeout: 8000,
          });
          if (state === 'vote failed') expect(options(poll)[0]!.checked).to.equal(true);
          await expect(poll).to.be.accessible();
        });
      }
    }
  });

  for (const lang of locales) {
    it(`${lang}: says who asks and until when, with "Uhr" in German and 24-hour time in English`, async () => {
      const demo = await openPoll();
      const poll = await showPoll(demo.id, { lang });
      const until = new Intl.DateTimeFormat(lang, {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Europe/Berlin',
        hourCycle: 'h23',
      }).format(new Date(demo.closesAt));
      const expected = {
        de: `${demo.organizer.name} · Abstimmen bis ${until} Uhr.`,
        'de-x-ls': `${demo.organizer.name} · Sie können abstimmen bis ${until} Uhr.`,
        en: `${demo.organizer.name} · Vote until ${until}.`,
      }[lang];
      await waitUntil(() => words($(poll, '[part~="status"]')) === expected, `not "${expected}": ${words($(poll, '[part~="status"]'))}`);
      expect(words($(poll, '[part~="status"]'))).to.not.match(/AM|PM/);
    });
  }

  it('isolates every text from the Hub, so a right-to-left override in it cannot turn the words around it', async () => {
    const evil = '\u202eevil';
    const poll = {
      ...samplePoll,
      participation: 'open' as const,
      question: `${samplePoll.question} ${evil}`,
      description: `${samplePoll.description} ${evil}`,
      organizer: { ...samplePoll.organizer, name: `Gemeinde ${evil}` },
      options: samplePoll.options.map((option) => ({ ...option, label: `${option.label} ${evil}`, description: `Mehr ${evil}` })),
    };
    const results = {
      ...visibleResults,
      status: 'open' as const,
      options: visibleResults.options!.map((option) => ({ ...option, label: `${option.label} ${evil}` })),
    };
    const client = fixtureClient({
      '/polls/{pollId}': () => ({ ...poll, resultsVisibility: 'always' }),
      '/polls/{pollId}/results': () => results,
    });
    const root = await fixture(
      html`<sr-hub .client=${client} hub-url="https://hub.example.org"><sr-poll poll-id=${samplePoll.id}></sr-poll></sr-hub>`,
    );
    const element = root.querySelector('sr-poll')!;
    await part(element, 'form');
    await part(element, 'results');
    // The form (question, description, organizer, three options with a note each) and the
    // results (each option in the bars and in the table).
    expect(expectIsolated(element, evil)).to.equal(9 + 2 * results.options.length);
    // The organizer's name stands before the status line: the override in it ends with it.
    const status = [...$(element, '[part~="status"]').childNodes].find(
      (node): node is Text => node instanceof Text && node.data.includes('Abstimmen'),
    )!;
    expect(drawnLeftToRight(status, 'Abstimmen')).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('takes the short code a webmaster reads off the Hub, instead of the UUID', async () => {
    const demo = await openPoll();
    const poll = await showPoll(demo.shortCode.toLowerCase());
    // The form, or its results if an earlier test voted on this page: the poll either way.
    expect(words(await part(poll, 'question'))).to.equal(demo.question);
    expect(warnings.messages).to.deep.equal([]);
  });

  it('warns about a missing or wrong poll-id and says so', async () => {
    const { hubUrl } = await testServers();
    const poll = await fixture<SrPoll>(html`<sr-poll hub-url=${hubUrl} poll-id="dorfplatz"></sr-poll>`);
    await part(poll, 'error');
    expect(warnings.messages.join()).to.include('poll-id="dorfplatz"');
  });
});

describe('<sr-poll> on paper and in Leichte Sprache', () => {
  it('links to the poll’s printable notice on the Hub, by its short code, by keyboard', async () => {
    const { hubUrl } = await testServers();
    const demo = await openPoll();
    const poll = await showPoll(demo.id);
    await expectPrintLink(poll, poll.shadowRoot!.querySelector('[part~="print"]'), `${hubUrl}/print/polls/${demo.shortCode}`);
    await expect(poll).to.be.accessible();
  });

  for (const lang of ['de-x-ls', 'de'] as const) {
    it(`${lang}: the question ${lang === 'de' ? 'without' : 'with'} the organizer’s summary in Leichter Sprache above its description`, async () => {
      const demo = await demoPoll((poll) => Boolean(poll.easyReadSummary));
      const poll = await showPoll(demo.id, { lang });
      const summary = poll.shadowRoot!.querySelector('[part~="easy-read"]');
      if (lang === 'de') {
        expect(summary).to.equal(null);
        return;
      }
      expect(summary!.querySelector('h3')!.textContent).to.equal('In Leichter Sprache');
      expect(summary!.querySelector('p')!.textContent).to.equal(demo.easyReadSummary);
      expect(summary!.nextElementSibling!.matches('.description')).to.equal(true);
      await expect(poll).to.be.accessible();
    });
  }
});
