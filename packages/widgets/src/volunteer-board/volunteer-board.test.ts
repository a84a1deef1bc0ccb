import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fixtureClient, hubError, pending } from '../../../../stories/support/fixture-client.js';
import { sampleNeeds, volunteerRoutes } from '../../../../stories/support/volunteer-fixtures.js';
import {
  captureWarnings,
  drawnLeftToRight,
  expectIsolated,
  hasPart,
  loaded,
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
import { organizerKey, testServers } from '../../test/test-servers.js';
import { expectPrintLink } from '../../test/print-link.js';
import { dialogOf, offerHelp, showBoard, titles, typeInto } from '../../test/volunteering.js';
import '../hub/define.js';
import { SrVolunteerBoard } from './define.js';
import type { VolunteerNeed } from './need-card.js';

/** An open need without shifts that takes responses (the demo data has needs with shifts too; shifts.test.ts covers them). */
async function needWithoutShifts(): Promise<VolunteerNeed> {
  const { items } = await hubJson<{ items: VolunteerNeed[] }>('/volunteer-needs?limit=100');
  return items.find((item) => item.privacyNotice && item.shifts.length === 0)!;
}

describe('<sr-volunteer-board>', () => {
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => warnings.restore());

  itComesFromTheBuildUnderTest('sr-volunteer-board', SrVolunteerBoard);

  for (const lang of locales) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${lang}, ${theme}: the Hub's open needs as cards, accessible, by keyboard`, async () => {
        const board = await showBoard({ lang, theme });
        const { items } = await hubJson<{ items: VolunteerNeed[] }>('/volunteer-needs?limit=100');
        expect(items.length).to.be.greaterThan(5);
        expect(titles(board)).to.deep.equal(items.map((need) => need.title));
        // A translation loads as a module of its own; the board shows it once it is there.
        const order = { de: 'Reihenfolge', 'de-x-ls': 'Reihen·folge', en: 'Order' }[lang];
        await waitUntil(() => textOf(board).includes(order), `not "${order}"`);
        expect($(board, '[part~="help-button"]').textContent.trim()).to.equal(
          { de: 'Ich helfe mit', 'de-x-ls': 'Ich helfe mit', en: "I'll help" }[lang],
        );
        await expect(board).to.be.accessible();
        // Tab reaches "Ich helfe mit", Enter opens the form, Escape gives the focus back.
        const help = await tabTo(board, '[part~="help-button"]');
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => dialogOf(board).open, 'form not open');
        await sendKeys({ press: 'Escape' });
        await waitUntil(() => board.shadowRoot!.activeElement === help, 'focus not back on the button');
        expect(warnings.messages).to.deep.equal([]);
      });
    }
  }

  it('shows a club only its own needs', async () => {
    const { items } = await hubJson<{ items: VolunteerNeed[] }>('/volunteer-needs?limit=100');
    const club = items[0]!.organization;
    const board = await showBoard({ organization: club.organizationId });
    expect(titles(board)).to.deep.equal(
      items.filter((need) => need.organization.organizationId === club.organizationId).map((need) => need.title),
    );
    expect($$(board, '[part~="need"] .organization').every((name) => name.textContent.trim() === club.name)).to.equal(true);
  });

  it('names every missing field above the form and at the field, and leads there', async () => {
    const board = await showBoard();
    await offerHelp(board, (await needWithoutShifts()).title);
    (await part(board, 'submit-button')).click();
    const summary = await part(board, 'error-summary');
    await waitUntil(() => board.shadowRoot!.activeElement === summary, 'focus not on the summary');
    const problems = [...summary.querySelectorAll('li')].map((item) => item.textContent.trim());
    expect(problems).to.have.length(3);
    expect($(board, '#name').getAttribute('aria-invalid')).to.equal('true');
    expect($(board, '#consent').getAttribute('aria-describedby')).to.equal('consent-error');
    summary.querySelector<HTMLAnchorElement>('a[href="#email"]')!.click();
    expect(board.shadowRoot!.activeElement).to.equal($(board, '#email'));
    await expect(board).to.be.accessible();
  });

  it('sends an offer of help once, to the organization only, and says what happens next', async () => {
    const board = await showBoard();
    const need = await needWithoutShifts();
    await offerHelp(board, need.title);
    expect($<HTMLAnchorElement>(board, '[part~="privacy-link"]').href).to.equal(need.privacyNotice!.url);
    // Sentences that read right with any organization's name (no article to guess).
    const form = textOf(board);
    expect(form).to.include(`Ihre Angaben gehen nur an: ${need.organization.name} Felder mit * sind nötig.`);
    expect(form).to.include(
      `Ich bin einverstanden, dass die Organisation „${need.organization.name}“ meine Angaben verwendet, um sich wegen dieses Einsatzes bei mir zu melden.`,
    );
    const name = `Kim Testperson ${Math.random().toString(36).slice(2, 8)}`;
    await typeInto(board, 'name', name);
    await typeInto(board, 'email', 'kim@example.org');
    await typeInto(board, 'message', 'Samstags habe ich Zeit.');
    $(board, '#consent').focus();
    await sendKeys({ press: 'Space' });
    const sent = oneEvent(board, 'sr-volunteer-response');
    (await part(board, 'submit-button')).click();
    expect((await sent).detail).to.deep.equal({ volunteerNeedId: need.id });
    const confirmation = await part(board, 'confirmation');
    expect(confirmation.textContent.replace(/\s+/g, ' ')).to.include(`Ihre Nachricht ging an: ${need.organization.name}`);
    // The form and its focused button are gone: the focus is on what replaced them, not on the page.
    await waitUntil(
      () => board.shadowRoot!.activeElement === confirmation,
      `focus on ${document.activeElement?.localName} ${board.shadowRoot!.activeElement?.localName}`,
    );
    expect(document.activeElement).to.equal(board);
    expect(dialogOf(board).open).to.equal(true);
    await expect(board).to.be.accessible();

    const key = await organizerKey(need.organization.organizationId);
    const responses = await hubJson<{
      items: { name: string; email: string; volunteerNeedId: string; consent: { privacyNoticeVersion: string } }[];
    }>(`/organizations/${need.organization.organizationId}/volunteer-responses?limit=100`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    const mine = responses.items.filter((response) => response.name === name);
    expect(mine).to.have.length(1);
    expect(mine[0]).to.include({ email: 'kim@example.org', volunteerNeedId: need.id });
    expect(mine[0]!.consent.privacyNoticeVersion).to.equal(need.privacyNotice!.version);
    const { hubUrl } = await testServers();
    expect(await (await fetch(`${hubUrl}/volunteer-needs/${need.id}`)).text()).to.not.include(name);
  });

  it('keeps everything typed when sending fails, and says so', async () => {
    const client = fixtureClient(volunteerRoutes());
    client.POST = async () => Promise.reject(hubError(0));
    const root = await fixture(
      html`<sr-hub .client=${client} hub-url="https://hub.example.org"><sr-volunteer-board></sr-volunteer-board></sr-hub>`,
    );
    const board = root.querySelector('sr-volunteer-board')!;
    await loaded(board);
    await offerHelp(board, sampleNeeds[0]!.title);
    await typeInto(board, 'name', 'Alex Beispiel');
    await typeInto(board, 'phone', '0931 123456');
    $<HTMLInputElement>(board, '#consent').click();
    (await part(board, 'submit-button')).click();
    const error = await part(board, 'send-error');
    expect(error.textContent).to.include('Ihre Nachricht wurde nicht gesendet.');
    await waitUntil(() => board.shadowRoot!.activeElement === error, 'focus not on the message');
    expect($<HTMLInputElement>(board, '#name').value).to.equal('Alex Beispiel');
    expect($<HTMLInputElement>(board, '#phone').value).to.equal('0931 123456');
    expect($<HTMLInputElement>(board, '#consent').checked).to.equal(true);
    await expect(board).to.be.accessible();
  });

  it('isolates every text from the Hub, so a right-to-left override in it cannot turn the words around it', async () => {
    const evil = '\u202eevil';
    const hostile = sampleNeeds.slice(0, 2).map((need) => ({
      ...need,
      title: `${need.title} ${evil}`,
      description: `${need.description} ${evil}`,
      organization: { ...need.organization, name: `Verein ${evil}` },
      skills: need.skills.map((skill) => `${skill} ${evil}`),
      contactRole: `${need.contactRole} ${evil}`,
      timeCommitment: `${need.timeCommitment} ${evil}`,
      remote: true,
      place: need.place && { name: `${need.place.name} ${evil}`, address: `${need.place.address} ${evil}` },
    }));
    const client = fixtureClient(volunteerRoutes(() => ({ items: hostile, nextCursor: null })));
    const root = await fixture(
      html`<sr-hub .client=${client} hub-url="https://hub.example.org"><sr-volunteer-board></sr-volunteer-board></sr-hub>`,
    );
    const board = root.querySelector('sr-volunteer-board')!;
    await loaded(board);
    await offerHelp(board, hostile[1]!.title);
    // Two cards (17 texts), the dialog's heading, the form's addressee and the consent.
    expect(expectIsolated(board, evil)).to.equal(20);
    // The consent names the organization mid-sentence: what the volunteer agrees to still reads left to right.
    const consent = [...$(board, '.consent label span').childNodes].find(
      (node): node is Text => node instanceof Text && node.data.includes('meine Angaben'),
    )!;
    expect(drawnLeftToRight(consent, 'meine')).to.equal(true);
    // So does "auch von zu Hause aus möglich" after a place.
    const where = $$(board, '[part~="need"] dd').find((dd) => dd.textContent.includes('von zu Hause'))!;
    const remote = [...where.childNodes].find((node): node is Text => node instanceof Text && node.data.includes('Hause'))!;
    expect(drawnLeftToRight(remote, 'Hause')).to.equal(true);
    await expect(board).to.be.accessible();
  });

  describe('states', () => {
    const texts = {
      loading: { de: 'Wird geladen …', 'de-x-ls': 'Bitte warten …', en: 'Loading …' },
      error: {
        de: 'Die Daten sind gerade nicht erreichbar.',
        'de-x-ls': 'Die Daten kommen gerade nicht an.',
        en: 'The data cannot be reached right now.',
      },
      empty: {
        de: 'Gerade wird hier keine Hilfe gesucht.',
        'de-x-ls': 'Gerade sucht hier niemand Hilfe.',
        en: 'No help is needed here right now.',
      },
    } satisfies Record<string, Record<Locale, string>>;
    for (const state of Object.keys(texts) as (keyof typeof texts)[]) {
      for (const lang of locales) {
        it(`${state}, ${lang}: said and accessible`, async () => {
          const client = fixtureClient(
            volunteerRoutes((_, signal) => {
              if (state === 'loading') return pending(signal);
              if (state === 'error') throw hubError(0);
              return { items: [], nextCursor: null };
            }),
          );
          const root = await fixture(
            html`<sr-hub .client=${client} hub-url="https://hub.example.org" lang=${lang}><sr-volunteer-board></sr-volunteer-board></sr-hub>`,
          );
          const board = root.querySelector('sr-volunteer-board')!;
          await waitUntil(() => textOf(board).includes(texts[state][lang]), `"${texts[state][lang]}" not shown`, { timeout: 8000 });
          expect(hasPart(board, 'filters')).to.equal(true);
          await expect(board).to.be.accessible();
        });
      }
    }
  });
});

describe('<sr-volunteer-board> on paper and in Leichte Sprache', () => {
  it('links each need to its printable notice on the Hub, described by the need’s title, by keyboard', async () => {
    const { hubUrl } = await testServers();
    const board = await showBoard();
    const { items } = await hubJson<{ items: VolunteerNeed[] }>('/volunteer-needs?limit=100');
    const cards = $$(board, '[part~="need"]');
    expect(cards).to.have.length(items.length);
    for (const [index, card] of cards.entries()) {
      const link = card.querySelector('[part~="print"]')!;
      expect(link.getAttribute('href')).to.equal(`${hubUrl}/print/volunteer-needs/${items[index]!.id}`);
      expect(link.getAttribute('aria-describedby')).to.equal(card.querySelector('[part~="need-title"]')!.id);
    }
    await expectPrintLink(board, cards[1]!.querySelector('[part~="print"]'), `${hubUrl}/print/volunteer-needs/${items[1]!.id}`);
    await expect(board).to.be.accessible();
  });

  for (const lang of ['de-x-ls', 'de'] as const) {
    it(`${lang}: a need ${lang === 'de' ? 'without' : 'with'} the organization’s summary in Leichter Sprache above its description`, async () => {
      const { items } = await hubJson<{ items: VolunteerNeed[] }>('/volunteer-needs?limit=100');
      const need = items.find((item) => item.easyReadSummary)!;
      const board = await showBoard({ lang });
      const card = $$(board, '[part~="need"]').find(
        (item) => item.querySelector('[part~="need-title"]')!.textContent.trim() === need.title,
      )!;
      const summary = card.querySelector('[part~="easy-read"]');
      expect($$(board, '[part~="easy-read"]')).to.have.length(lang === 'de' ? 0 : items.filter((item) => item.easyReadSummary).length);
      if (lang === 'de') return;
      // A heading below the need's own (h3).
      expect(summary!.querySelector('h4')!.textContent).to.equal('In Leichter Sprache');
      expect(summary!.querySelector('p')!.textContent).to.equal(need.easyReadSummary);
      expect(summary!.nextElementSibling!.matches('.description')).to.equal(true);
      await expect(board).to.be.accessible();
    });
  }
});
