import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { $, $$, locales, part, tabTo, type Locale } from '../../test/helpers.js';
import {
  cancelShift,
  cardOf,
  offerHelp,
  postShiftNeed,
  responsesBy,
  showBoard,
  signUpElsewhere,
  typeInto,
  type ShiftNeed,
} from '../../test/volunteering.js';
import '../hub/define.js';
import './define.js';
import type { SrVolunteerBoard } from './volunteer-board.js';

/** An element's text, whitespace collapsed. */
const text = (element: Element) => element.textContent.replace(/\s+/g, ' ').trim();
const checkbox = (board: Element, shiftId: string) => $<HTMLInputElement>(board, `#shift-${shiftId}`);
const shiftText = (board: Element, shiftId: string) => text($(board, `label[for="shift-${shiftId}"]`));
const placesText = (board: Element, shiftId: string) => text($(board, `#places-${shiftId}`));
const focused = (board: Element) => board.shadowRoot!.activeElement;

/** Name, e-mail and consent, typed as a volunteer does. */
async function fillIn(board: SrVolunteerBoard, name: string): Promise<void> {
  await typeInto(board, 'name', name);
  await typeInto(board, 'email', 'kim@example.org');
  $(board, '#consent').focus();
  await sendKeys({ press: 'Space' });
}

/** Tabs to the shift's box and checks it with Space. */
async function choose(board: SrVolunteerBoard, shiftId: string): Promise<void> {
  await tabTo(board, `#shift-${shiftId}`);
  await sendKeys({ press: 'Space' });
  expect(checkbox(board, shiftId).checked).to.equal(true);
}

const someone = () => `Kim Schicht ${Math.random().toString(36).slice(2, 8)}`;

async function boardWith({ need }: ShiftNeed, attributes: Record<string, string> = {}): Promise<SrVolunteerBoard> {
  const board = await showBoard(attributes);
  await offerHelp(board, need.title);
  return board;
}

describe('<sr-volunteer-board> with shifts', function () {
  // Each test posts a need with shifts and solves real proofs of work (the widget's, and another
  // volunteer's), on two cores shared with the Hub.
  this.timeout(40_000);
  const texts = {
    summary: { de: '2 Schichten · noch 5 Plätze frei', en: '2 shifts · 5 places left', 'de-x-ls': '2 Schichten · Noch 5 Plätze frei' },
    legend: { de: 'Schichten wählen *', en: 'Choose shifts *', 'de-x-ls': 'Schichten aussuchen *' },
    places: { de: 'noch 2 von 2 frei', en: '2 of 2 places free', 'de-x-ls': 'Frei: 2 von 2 Plätzen' },
    confirmed: { de: 'Sie sind eingetragen für:', en: 'You are signed up for:', 'de-x-ls': 'Sie helfen bei diesen Schichten:' },
    link: {
      de: 'Sie bekommen eine E-Mail mit Ihrem Link „Meine Einsätze“: dort können Sie absagen oder einen anderen Termin wählen.',
      en: 'You will get an e-mail with your link “My shifts”: there you can withdraw or choose another time.',
      'de-x-ls': 'Sie bekommen eine E-Mail. Darin ist Ihr Link „Meine Einsätze“.',
    },
  } satisfies Record<string, Record<Locale, string>>;

  for (const lang of locales) {
    it(`${lang}: the card counts shifts and free places; two shifts chosen by keyboard are signed up for, and the receipt names them and the personal link`, async () => {
      const shiftNeed = await postShiftNeed([
        { inHours: 50, capacity: 2, label: 'Bar' },
        { inHours: 53, capacity: 3, label: 'Abbau' },
      ]);
      const [bar, cleanUp] = shiftNeed.shifts as [ShiftNeed['shifts'][0], ShiftNeed['shifts'][0]];
      const board = await showBoard({ lang });
      await waitUntil(() => cardOf(board, shiftNeed.need.title)?.textContent.includes(texts.summary[lang]), `no "${texts.summary[lang]}"`);
      await offerHelp(board, shiftNeed.need.title);
      const fieldset = await part(board, 'shifts');
      expect(text(fieldset.querySelector('legend')!)).to.equal(texts.legend[lang]);
      // Each box is described by its places, read out after its name.
      expect(checkbox(board, bar.id).getAttribute('aria-describedby')).to.equal(`places-${bar.id}`);
      expect(placesText(board, bar.id)).to.equal(texts.places[lang]);
      expect(shiftText(board, bar.id)).to.match(/ · Bar$/);
      await expect(board).to.be.accessible();

      await choose(board, bar.id);
      await choose(board, cleanUp.id);
      const name = someone();
      await fillIn(board, name);
      (await part(board, 'submit-button')).click();
      const receipt = await part(board, 'confirmation');
      await waitUntil(() => focused(board) === receipt, 'focus not on the receipt');
      expect(text(receipt)).to.include(texts.confirmed[lang]).and.include(texts.link[lang]);
      // Nothing is left to wait for: the receipt must not say the organization will get in touch.
      expect(text(receipt)).not.to.match(/meldet sich bei Ihnen|will get in touch/);
      const listed = [...receipt.querySelectorAll('[part~="receipt-shifts"] li')].map(text);
      expect(listed).to.have.length(2);
      expect(listed[0]).to.match(/ · Bar$/);
      expect(listed[1]).to.match(/ · Abbau$/);
      await expect(board).to.be.accessible();

      const [response] = await responsesBy(shiftNeed, name);
      expect(response!.status).to.equal('accepted');
      expect(response!.shifts.map((shift) => shift.shiftId)).to.deep.equal([bar.id, cleanUp.id]);
    });
  }

  it('a shift that fills up before the sign-up arrives: said, unchecked and disabled, the next one with room offered and chosen, all typed kept; sent again, it counts once', async () => {
    const shiftNeed = await postShiftNeed([
      { inHours: 50, capacity: 1, label: 'Bar' },
      { inHours: 53, capacity: 2, label: 'Bar' },
      { inHours: 56, capacity: 2, label: 'Abbau' },
    ]);
    const [first, second, third] = shiftNeed.shifts.map((shift) => shift.id) as [string, string, string];
    const board = await boardWith(shiftNeed);
    await choose(board, first);
    const name = someone();
    await fillIn(board, name);
    const firstName = shiftText(board, first);
    // Between showing and sending, another volunteer takes the last place.
    await signUpElsewhere(shiftNeed.need, first);
    (await part(board, 'submit-button')).click();

    const notice = await part(board, 'shift-conflict');
    await waitUntil(() => focused(board) === notice, 'focus not on the notice');
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(text(notice)).to.include(`Leider ist die Schicht „${firstName}“ gerade voll geworden.`);
    expect(checkbox(board, first).checked).to.equal(false);
    expect(checkbox(board, first).disabled).to.equal(true);
    expect(placesText(board, first)).to.equal('voll');
    // Both others are offered, the sooner one chosen.
    expect($$(board, '[part~="suggested"]').map((item) => item.querySelector('input')!.id)).to.deep.equal([
      `shift-${second}`,
      `shift-${third}`,
    ]);
    expect(checkbox(board, second).checked).to.equal(true);
    expect(checkbox(board, third).checked).to.equal(false);
    expect(placesText(board, second)).to.equal('Vorschlag · noch 2 von 2 frei');
    expect($<HTMLInputElement>(board, '#name').value).to.equal(name);
    expect($<HTMLInputElement>(board, '#email').value).to.equal('kim@example.org');
    expect($<HTMLInputElement>(board, '#consent').checked).to.equal(true);
    await expect(board).to.be.accessible();

    (await part(board, 'submit-button')).click();
    const secondName = shiftText(board, second);
    const receipt = await part(board, 'confirmation');
    expect(text(receipt)).to.include(`Sie sind eingetragen für: ${secondName}`);
    const responses = await responsesBy(shiftNeed, name);
    expect(responses).to.have.length(1);
    expect(responses[0]!.shifts.map((shift) => shift.shiftId)).to.deep.equal([second]);
  });

  it('a chosen shift cancelled meanwhile: said in its own words, the next shift offered', async () => {
    const shiftNeed = await postShiftNeed([
      { inHours: 50, capacity: 2, label: 'Aufbau' },
      { inHours: 53, capacity: 2, label: 'Bar' },
    ]);
    const [first, second] = shiftNeed.shifts.map((shift) => shift.id) as [string, string];
    const board = await boardWith(shiftNeed);
    await choose(board, first);
    await fillIn(board, someone());
    const firstName = shiftText(board, first);
    await cancelShift(shiftNeed, first);
    (await part(board, 'submit-button')).click();
    const notice = await part(board, 'shift-conflict');
    expect(text(notice)).to.include(`Leider wurde die Schicht „${firstName}“ abgesagt.`);
    expect(checkbox(board, first).disabled).to.equal(true);
    expect(placesText(board, first)).to.equal('abgesagt');
    expect(checkbox(board, second).checked).to.equal(true);
    await expect(board).to.be.accessible();
  });

  it('full and cancelled shifts are shown, disabled, with the reason; at least one shift is required, said at the fieldset and above the form', async () => {
    const shiftNeed = await postShiftNeed([
      { inHours: 50, capacity: 1, label: 'Bar' },
      { inHours: 53, capacity: 2, label: 'Aufbau' },
      { inHours: 56, capacity: 2, label: 'Abbau' },
    ]);
    const [full, cancelled, open] = shiftNeed.shifts.map((shift) => shift.id) as [string, string, string];
    await signUpElsewhere(shiftNeed.need, full);
    await cancelShift(shiftNeed, cancelled);
    const board = await showBoard();
    expect(cardOf(board, shiftNeed.need.title).textContent).to.include('2 Schichten · noch 2 Plätze frei');
    await offerHelp(board, shiftNeed.need.title);
    expect([full, cancelled, open].map((id) => [checkbox(board, id).disabled, placesText(board, id)])).to.deep.equal([
      [true, 'voll'],
      [true, 'abgesagt'],
      [false, 'noch 2 von 2 frei'],
    ]);
    (await part(board, 'submit-button')).click();
    const summary = await part(board, 'error-summary');
    expect(text(summary)).to.include('Schichten: Bitte wählen Sie mindestens eine Schicht.');
    const fieldset = await part(board, 'shifts');
    expect(fieldset.getAttribute('aria-describedby')).to.equal('shiftIds-error');
    expect($(board, '#shiftIds-error').textContent).to.equal('Bitte wählen Sie mindestens eine Schicht.');
    await expect(board).to.be.accessible();
    // The link leads to the first shift that can be chosen.
    summary.querySelector<HTMLAnchorElement>('a[href="#shiftIds"]')!.click();
    expect(focused(board)).to.equal(checkbox(board, open));
    await sendKeys({ press: 'Space' });
    expect($(board, '#shiftIds-error')).to.equal(null);
  });

  for (const lang of locales) {
    it(`${lang}: a need "nach Rücksprache" says the organization confirms first, and the receipt that the sign-up waits`, async () => {
      const words = {
        approval: {
          de: 'Die Organisation meldet sich, bevor Ihre Anmeldung gilt.',
          en: 'The organization will get in touch with you before your sign-up counts.',
          'de-x-ls': 'Die Organisation meldet sich zuerst bei Ihnen. Danach gilt Ihre Anmeldung.',
        },
        pending: {
          de: 'Ihre Anmeldung wartet auf die Zusage der Organisation.',
          en: 'Your sign-up is waiting for the organization to confirm it.',
          'de-x-ls': 'Die Organisation muss Ihre Anmeldung noch bestätigen.',
        },
      } satisfies Record<string, Record<Locale, string>>;
      const shiftNeed = await postShiftNeed([{ inHours: 50, capacity: 1, label: 'Vorlesen' }], { approvalRequired: true });
      const board = await boardWith(shiftNeed, { lang });
      expect((await part(board, 'approval')).textContent).to.equal(words.approval[lang]);
      await expect(board).to.be.accessible();
      await choose(board, shiftNeed.shifts[0]!.id);
      const name = someone();
      await fillIn(board, name);
      (await part(board, 'submit-button')).click();
      const receipt = await part(board, 'confirmation');
      expect(text(receipt)).to.include(words.pending[lang]);
      expect(text(receipt)).to.match(/meldet sich bei Ihnen|will get in touch/);
      await expect(board).to.be.accessible();
      const [response] = await responsesBy(shiftNeed, name);
      expect(response!.status).to.equal('new');
    });
  }

  it("a page address with #need=<id> (a notice's QR code) opens that need's form with its shifts, once", async () => {
    const shiftNeed = await postShiftNeed([{ inHours: 30, capacity: 2, label: 'Ausschank' }]);
    const address = location.pathname + location.search;
    history.replaceState(history.state, '', `${address}#need=${shiftNeed.need.id}`);
    try {
      const board = await showBoard();
      await waitUntil(() => $<HTMLDialogElement>(board, 'dialog').open, 'the form did not open');
      expect(text($(board, 'dialog'))).to.include(shiftNeed.need.title);
      expect(checkbox(board, shiftNeed.shifts[0]!.id).disabled).to.equal(false);
      $<HTMLDialogElement>(board, 'dialog').close();
      board.requestUpdate();
      await board.updateComplete;
      expect($<HTMLDialogElement>(board, 'dialog').open, 'opened again after closing').to.equal(false);
    } finally {
      history.replaceState(history.state, '', address);
    }
  });

  describe('at 320 px', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('the shifts, the notice and the receipt fit the dialog: nothing wider than the screen', async () => {
      await setViewport({ width: 320, height: 640 });
      const shiftNeed = await postShiftNeed([
        { inHours: 50, capacity: 1, label: 'Ausschank an der Weinbar am Mainufer' },
        { inHours: 53, capacity: 12, label: 'Abbau' },
      ]);
      const board = await boardWith(shiftNeed, { lang: 'de-x-ls' });
      const fits = () => {
        const dialog = $(board, 'dialog');
        expect(dialog.getBoundingClientRect().right).to.be.at.most(320);
        expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
        for (const item of $$(board, '[part~="shift"]')) expect(item.getBoundingClientRect().right).to.be.at.most(320);
      };
      fits();
      await choose(board, shiftNeed.shifts[0]!.id);
      await fillIn(board, someone());
      await signUpElsewhere(shiftNeed.need, shiftNeed.shifts[0]!.id);
      (await part(board, 'submit-button')).click();
      await part(board, 'shift-conflict');
      fits();
      (await part(board, 'submit-button')).click();
      await part(board, 'confirmation');
      fits();
      await expect(board).to.be.accessible();
    });
  });
});
