import { expect, waitUntil } from '@open-wc/testing';
import { $, focused, showScreen, submit, textOf, type, uniqueAddress, untilItSays } from '../shared/test-support.js';

async function showForm() {
  const screen = await showScreen('sr-manage-registration');
  await waitUntil(() => $<HTMLSelectElement>(screen, '#municipalityId')?.options.length > 1, 'the municipalities from the Hub', {
    timeout: 5000,
  });
  return screen;
}

function choose(screen: Element, selector: string, value: string): void {
  const select = $<HTMLSelectElement>(screen, selector);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Everything the contract needs, as a club would enter it. */
function fillIn(screen: Element): void {
  type(screen, '#name', 'Tafel Ochsenfurt e.V.');
  choose(screen, '#kind', 'welfare');
  choose(screen, '#municipalityId', 'ochsenfurt');
  type(screen, '#email', uniqueAddress('info'));
  type(screen, '#privacyPolicyUrl', 'https://tafel-ochsenfurt.example/datenschutz');
  type(screen, '#personName', 'Maria Beispiel');
  type(screen, '#personEmail', uniqueAddress('vorstand'));
}

describe('<sr-manage-registration>', () => {
  it("offers the Hub's municipalities and the kinds of organization", async () => {
    const screen = await showForm();
    expect([...$<HTMLSelectElement>(screen, '#municipalityId').options].map((option) => option.textContent)).to.include('Ochsenfurt');
    expect($<HTMLSelectElement>(screen, '#kind').options.length).to.equal(9);
    await expect(screen).to.be.accessible();
  });

  it('names every missing field at the field and in a summary linking to it', async () => {
    const screen = await showForm();
    type(screen, '#phone', 'ruf mich an');
    submit(screen);
    await untilItSays(screen, 'Bitte prüfen Sie Ihre Angaben:');
    for (const field of ['name', 'kind', 'municipalityId', 'email', 'phone', 'privacyPolicyUrl', 'personName', 'personEmail']) {
      expect($(screen, `#${field}`).getAttribute('aria-invalid'), field).to.equal('true');
      expect($(screen, `[data-form-answer] a[href="#${field}"]`), field).to.not.equal(null);
    }
    expect($(screen, '#website').getAttribute('aria-invalid')).to.equal('false');
    await waitUntil(() => focused(screen)?.hasAttribute('data-form-answer'), 'the summary has the focus');
    await expect(screen).to.be.accessible();
    $<HTMLAnchorElement>(screen, '[data-form-answer] a[href="#phone"]').click();
    expect(focused(screen)?.id).to.equal('phone');
  });

  it("shows the Hub's own field errors (problem+json) at their fields, with everything typed kept", async () => {
    const screen = await showForm();
    fillIn(screen);
    // Longer than the contract allows; the field's maxlength stops typing, not a value set otherwise.
    type(screen, '#name', 'Verein '.repeat(40));
    submit(screen);
    await untilItSays(screen, 'Bitte prüfen Sie Ihre Angaben:');
    expect($(screen, '#name').getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(screen)).to.include('Name der Organisation: Höchstens 200 Zeichen.', "the Hub's rule, said in German");
    expect($<HTMLInputElement>(screen, '#personName').value).to.equal('Maria Beispiel');
    await expect(screen).to.be.accessible();
  });

  it('registers: what happens next, focused', async () => {
    const screen = await showForm();
    fillIn(screen);
    submit(screen);
    await untilItSays(screen, 'Vielen Dank! Ihre Registrierung ist eingegangen.');
    await waitUntil(() => focused(screen)?.hasAttribute('data-registered'), 'the answer has the focus');
    await expect(screen).to.be.accessible();
  });
});
