import { expect } from '@open-wc/testing';
import { configureQuery, readChoices, themeProperties } from './url-state.js';

const attributeNames = (widget: string) =>
  widget === 'poll' ? ['poll-id', 'hub-url', 'lang', 'theme'] : ['view', 'municipality', 'hub-url'];

describe('the configurator’s address', () => {
  it('reads the widget, its attributes and the theme, and writes them back the same', () => {
    const search = '?widget=event-calendar&municipality=randersacker&theme=dark&color=%23005EA8&radius=8px&lang=en';
    const choices = readChoices(search, attributeNames);
    expect(choices).to.deep.equal({
      widget: 'event-calendar',
      attributes: { municipality: 'randersacker' },
      theme: { lang: 'en', theme: 'dark', color: '#005ea8', radius: 8 },
    });
    expect(configureQuery(choices)).to.equal(
      'widget=event-calendar&municipality=randersacker&lang=en&theme=dark&color=%23005ea8&radius=8px',
    );
  });

  it('takes Leichte Sprache as a language, by its tag de-x-ls', () => {
    const choices = readChoices('?widget=poll&poll-id=K7M3QP&lang=de-x-ls', attributeNames);
    expect(choices.theme).to.deep.equal({ lang: 'de-x-ls' });
    expect(configureQuery(choices)).to.equal('widget=poll&poll-id=K7M3QP&lang=de-x-ls');
  });

  it('leaves out what does not fit: unknown widget, attribute or value, the Hub’s own attributes', () => {
    const choices = readChoices('?widget=x&hub-url=https://evil.example&onload=1&theme=blue&color=red&radius=99px&lang=fr', attributeNames);
    expect(choices).to.deep.equal({ widget: 'event-calendar', attributes: {}, theme: {} });
  });

  it('turns the theme into the widgets’ custom properties', () => {
    expect(themeProperties({ color: '#112233', onColor: '#ffffff', radius: 0 })).to.deep.equal({
      '--sr-color-primary': '#112233',
      '--sr-color-on-primary': '#ffffff',
      '--sr-radius': '0px',
    });
  });
});
