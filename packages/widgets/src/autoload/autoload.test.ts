import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { autoload } from './autoload.js';

describe('autoload', () => {
  let loaded: string[];
  const load = async (tag: string) => void loaded.push(tag);
  beforeEach(() => (loaded = []));

  it('loads the widgets on the page, each once', async () => {
    const root = await fixture(html`<div><sr-one></sr-one><sr-one></sr-one><p></p></div>`);
    const observer = autoload(root, ['sr-one', 'sr-two'], load);
    expect(loaded).to.deep.equal(['sr-one']);
    observer.disconnect();
  });

  it('loads a widget when it is added later, also deep inside added content', async () => {
    const root = await fixture(html`<div></div>`);
    const observer = autoload(root, ['sr-one', 'sr-two'], load);
    root.insertAdjacentHTML('beforeend', '<section><article><sr-two></sr-two></article></section>');
    await nextFrame();
    expect(loaded).to.deep.equal(['sr-two']);
    observer.disconnect();
  });

  it('stops watching once every widget is loaded', async () => {
    const root = await fixture(html`<div><sr-one></sr-one></div>`);
    const observer = autoload(root, ['sr-one'], load);
    expect(observer.takeRecords()).to.deep.equal([]);
    root.append(document.createElement('sr-one'));
    await nextFrame();
    expect(loaded).to.deep.equal(['sr-one']);
  });

  it('leaves widgets alone that a script of their own already defined', async () => {
    customElements.define('sr-defined', class extends HTMLElement {});
    const root = await fixture(html`<div><sr-defined></sr-defined></div>`);
    autoload(root, ['sr-defined'], load);
    expect(loaded).to.deep.equal([]);
  });

  it('warns when a file cannot be loaded, without throwing', async () => {
    const root = await fixture(html`<div><sr-one></sr-one></div>`);
    const original = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      autoload(root, ['sr-one'], () => Promise.reject(new Error('404')));
      await nextFrame();
    } finally {
      console.warn = original;
    }
    expect(warnings[0]?.[0]).to.equal('@smart-region/widgets: sr-one.js could not be loaded.');
  });
});
