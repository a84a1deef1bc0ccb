import { expect, fixture, html } from '@open-wc/testing';
import { resolveLocale, supportedLocale } from './i18n.js';

describe('resolveLocale', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('takes the element’s own lang first', async () => {
    const element = await fixture(html`<div lang="de"><span lang="en"></span></div>`);
    expect(resolveLocale(element.querySelector('span')!)).to.equal('en');
  });

  it('then the closest lang of an ancestor', async () => {
    const element = await fixture(html`<section lang="en"><div><span></span></div></section>`);
    expect(resolveLocale(element.querySelector('span')!)).to.equal('en');
  });

  it('looks past shadow roots to the page around them', async () => {
    const host = await fixture(html`<div lang="en"></div>`);
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(resolveLocale(inner)).to.equal('en');
  });

  it('then <html lang>', async () => {
    document.documentElement.lang = 'en';
    expect(resolveLocale(await fixture(html`<span></span>`))).to.equal('en');
  });

  it('is German when nothing says otherwise', async () => {
    expect(resolveLocale(await fixture(html`<span></span>`))).to.equal('de');
  });

  it('reduces regional variants to the language, and falls back to German for languages without a translation', () => {
    expect(supportedLocale('en-GB')).to.equal('en');
    expect(supportedLocale('DE_at')).to.equal('de');
    expect(supportedLocale('fr')).to.equal(undefined);
  });

  it('knows Leichte Sprache by its private-use tag, in any case and with a region, before the language rule', () => {
    expect(supportedLocale('de-x-ls')).to.equal('de-x-ls');
    expect(supportedLocale(' DE-X-LS ')).to.equal('de-x-ls');
    expect(supportedLocale('de-DE-x-ls')).to.equal('de-x-ls');
    expect(supportedLocale('de')).to.equal('de');
    expect(supportedLocale('de-AT')).to.equal('de');
    expect(supportedLocale('de-x-lsx')).to.equal('de');
  });
});
