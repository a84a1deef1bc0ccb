import { expect } from '@open-wc/testing';
import { widgetOptions, type ElementsManifest } from './catalogue.js';

const manifest: ElementsManifest = {
  modules: [
    {
      declarations: [
        {
          customElement: true,
          tagName: 'sr-help-finder',
          attributes: [
            { name: 'mode', description: '`search` or `guided`.', type: { text: "'search' | 'guided' | undefined" } },
            { name: 'audience', description: 'Whom offers are for (`children youth adults`).', type: { text: 'string | undefined' } },
            { name: 'municipality', description: 'Slug.', type: { text: 'string | undefined' } },
            { name: 'crisis-position', description: '`top` or `bottom`.', type: { text: 'CrisisPosition | undefined' } },
            { name: 'exit-url', description: 'Where to go.', type: { text: 'string | undefined' } },
            { name: 'hub-url', type: { text: 'string | undefined' } },
            { name: 'lang' },
            { name: 'theme', type: { text: "'light' | 'dark' | undefined" } },
          ],
        },
        { customElement: true, tagName: 'sr-hub', attributes: [{ name: 'hub-url' }] },
      ],
    },
  ],
};

describe('widget options from custom-elements.json', () => {
  it('turns each attribute into a pick list of the Hub, a choice or a text, without what the configurator sets itself', () => {
    const options = widgetOptions(manifest);
    expect(options['help-finder']).to.deep.equal([
      { name: 'mode', description: '`search` or `guided`.', kind: 'choice', values: ['search', 'guided'] },
      {
        name: 'audience',
        description: 'Whom offers are for (`children youth adults`).',
        kind: 'choice',
        values: ['children', 'youth', 'adults'],
      },
      { name: 'municipality', description: 'Slug.', kind: 'lookup', lookup: 'municipality' },
      { name: 'crisis-position', description: '`top` or `bottom`.', kind: 'choice', values: ['top', 'bottom'] },
      { name: 'exit-url', description: 'Where to go.', kind: 'text', type: 'url' },
    ]);
    expect(options.poll).to.deep.equal([]);
  });
});
