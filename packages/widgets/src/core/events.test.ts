import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emit } from './events.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'sr-test-select': CustomEvent<{ id: string }>;
  }
}

describe('emit', () => {
  it('fires a typed event that leaves the shadow root and bubbles to the page', async () => {
    const page = await fixture(html`<div><span></span></div>`);
    const host = page.querySelector('span')!;
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('button'));
    setTimeout(() => emit(inner, 'sr-test-select', { id: 'weinfest' }));
    const event = await oneEvent(page, 'sr-test-select');
    expect(event.detail).to.deep.equal({ id: 'weinfest' });
    expect(event.target).to.equal(host);
  });

  it('reports whether a listener cancelled a cancelable event', async () => {
    const target = await fixture(html`<div></div>`);
    target.addEventListener('sr-test-select', (event) => event.preventDefault());
    expect(emit(target, 'sr-test-select', { id: 'x' }, { cancelable: true })).to.equal(false);
    expect(emit(target, 'sr-test-select', { id: 'x' })).to.equal(true);
  });
});
