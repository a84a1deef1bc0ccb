import { expect, waitUntil } from '@open-wc/testing';
import { $, focused, showScreen, submit, textOf, type, uniqueAddress, untilItSays } from '../shared/test-support.js';

describe('<sr-manage-sign-in>', () => {
  it('asks for the e-mail address and says where the link goes (the test Hub has no mail server: its log)', async () => {
    const screen = await showScreen('sr-manage-sign-in');
    await untilItSays(screen, 'Anmeldelink senden');
    expect(textOf(screen)).to.include('Der Anmeldelink steht im Protokoll des Hubs');
    expect($(screen, 'a[href="/manage/register"]')).to.not.equal(null);
    await expect(screen).to.be.accessible();
  });

  it('names a missing address at the field and in a summary that takes the focus, and sends nothing', async () => {
    const screen = await showScreen('sr-manage-sign-in');
    await untilItSays(screen, 'Anmeldelink senden');
    type(screen, '#email', 'nur-ein-name');
    submit(screen);
    await untilItSays(screen, 'Bitte prüfen Sie Ihre Angaben:');
    expect($(screen, '#email').getAttribute('aria-invalid')).to.equal('true');
    expect($(screen, '#email').getAttribute('aria-describedby')).to.equal('email-error');
    await waitUntil(() => focused(screen)?.hasAttribute('data-form-answer'), 'the summary has the focus');
    expect($<HTMLInputElement>(screen, '#email').value, 'what was typed stays').to.equal('nur-ein-name');
    await expect(screen).to.be.accessible();
  });

  it('after sending: where to look, for how long the link works, and a way back to the form', async () => {
    const screen = await showScreen('sr-manage-sign-in');
    await untilItSays(screen, 'Anmeldelink senden');
    const address = uniqueAddress('vorstand');
    type(screen, '#email', address);
    submit(screen);
    await untilItSays(screen, 'Der Link steht im Protokoll des Hubs');
    expect(textOf(screen)).to.include(address);
    expect(textOf(screen)).to.include('Der Link gilt 15 Minuten und nur einmal.');
    await waitUntil(() => focused(screen)?.hasAttribute('data-sent'), 'the answer has the focus');
    await expect(screen).to.be.accessible();
    $<HTMLButtonElement>(screen, '.message + p .button').click();
    await waitUntil(() => focused(screen)?.id === 'email', 'back in the address field');
  });

  it('says why it is shown: an expired session, a sign-out, a failed sign-in with the identity provider', async () => {
    const expired = await showScreen('sr-manage-sign-in', { notice: 'expired' });
    await untilItSays(expired, 'Ihre Anmeldung ist abgelaufen.');
    await expect(expired).to.be.accessible();
    const provider = await showScreen('sr-manage-sign-in', { providerError: 'no-account' });
    await untilItSays(provider, 'Mit dieser E-Mail-Adresse ist noch niemand auf dem Hub.');
    await expect(provider).to.be.accessible();
  });

  it('speaks English on an English page', async () => {
    const screen = await showScreen('sr-manage-sign-in', {}, 'en');
    await untilItSays(screen, 'Send sign-in link');
    expect(textOf(screen)).to.include("the sign-in link is in the Hub's log");
    await expect(screen).to.be.accessible();
  });
});
