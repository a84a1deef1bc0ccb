import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Debounce } from './debounce.js';
import { defineElement } from './define.js';

defineElement('sr-debounce-host', class extends LitElement {});

/** Until the timers due now have run. */
const timersRun = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('Debounce (core/debounce.ts)', () => {
  it('runs only the last of a burst of calls', async () => {
    const host = await fixture<LitElement>(html`<sr-debounce-host></sr-debounce-host>`);
    const typing = new Debounce(host, 0);
    const ran: string[] = [];
    for (const text of ['S', 'Sc', 'Sch']) typing.run(() => ran.push(text));
    await timersRun();
    expect(ran).to.deep.equal(['Sch']);
  });

  it('drops the call waiting when cancelled, and when the widget leaves the page', async () => {
    const host = await fixture<LitElement>(html`<sr-debounce-host></sr-debounce-host>`);
    const typing = new Debounce(host, 0);
    const ran: string[] = [];
    typing.run(() => ran.push('cancelled'));
    typing.cancel();
    typing.run(() => ran.push('left the page'));
    host.remove();
    await timersRun();
    expect(ran).to.deep.equal([]);
  });
});
