import { expect } from '@open-wc/testing';
import { $, showScreen, textOf } from '../shared/test-support.js';

describe('<sr-manage-sign-in-link>', () => {
  it('waits for the button: opening the link (as a mail scanner does) sends nothing', async () => {
    performance.clearResourceTimings();
    const screen = await showScreen('sr-manage-sign-in-link', { token: 'a-token-from-a-mail-0123456789' });
    expect(textOf(screen)).to.include('Drücken Sie auf „Anmelden“');
    expect($(screen, 'button[type="submit"]').textContent.trim()).to.equal('Anmelden');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const sent = performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname === '/sessions');
    expect(sent).to.deep.equal([]);
    await expect(screen).to.be.accessible();
  });
});
