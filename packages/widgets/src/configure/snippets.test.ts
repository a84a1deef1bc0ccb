import { expect } from '@open-wc/testing';
import { iframeSnippet, importsOf, linkSnippet, scriptSnippet, themeCss, type CdnManifest } from './snippets.js';
import type { Choices } from './url-state.js';

const file = (integrity: string, imports: string[] = []) => ({ integrity, imports });
const manifest: CdnManifest = {
  version: '1.2.3',
  locales: { en: 'chunks/en-1.js' },
  files: {
    'sr-event-calendar.js': file('sha384-entry', ['chunks/shared-1.js', 'chunks/sdk-1.js']),
    'chunks/shared-1.js': file('sha384-shared', ['chunks/sdk-1.js']),
    'chunks/sdk-1.js': file('sha384-sdk'),
    'chunks/en-1.js': file('sha384-en', ['chunks/shared-1.js', 'chunks/texts-1.js']),
    'chunks/texts-1.js': file('sha384-texts'),
  },
};
const hub = 'https://hub.example';
const calendar = (theme: Choices['theme'] = {}): Choices => ({
  widget: 'event-calendar',
  attributes: { municipality: 'randersacker', q: 'Fest "im" <Hof>' },
  theme,
});

describe('snippets from the CDN manifest', () => {
  it('lists every chunk a file imports, transitively, each once, chunks first', () => {
    expect(importsOf(manifest, 'sr-event-calendar.js')).to.deep.equal(['chunks/sdk-1.js', 'chunks/shared-1.js', 'sr-event-calendar.js']);
  });

  it('writes the script snippet with the versioned path and integrity on the entry and on each preloaded chunk', () => {
    expect(scriptSnippet(manifest, hub, calendar({ theme: 'dark' }))).to.equal(
      [
        '<link rel="modulepreload" href="https://hub.example/widgets/1.2.3/chunks/sdk-1.js" integrity="sha384-sdk" crossorigin="anonymous">',
        '<link rel="modulepreload" href="https://hub.example/widgets/1.2.3/chunks/shared-1.js" integrity="sha384-shared" crossorigin="anonymous">',
        '<script type="module" src="https://hub.example/widgets/1.2.3/sr-event-calendar.js" integrity="sha384-entry" crossorigin="anonymous"></script>',
        '<sr-event-calendar hub-url="https://hub.example" municipality="randersacker" q="Fest &quot;im&quot; &lt;Hof&gt;" theme="dark"></sr-event-calendar>',
      ].join('\n'),
    );
  });

  it('preloads the English texts and what they import, once, for an English widget', () => {
    const snippet = scriptSnippet(manifest, hub, calendar({ lang: 'en' }))!;
    expect(snippet.match(/modulepreload/g)).to.have.length(4);
    expect(snippet).to.contain('chunks/en-1.js" integrity="sha384-en"');
    expect(snippet).to.contain('chunks/texts-1.js" integrity="sha384-texts"');
    expect(snippet).to.contain(' lang="en"');
  });

  it('has no script snippet for a widget the build lacks', () => {
    expect(scriptSnippet(manifest, hub, { widget: 'poll', attributes: {}, theme: {} })).to.equal(undefined);
  });

  it('puts the theme into CSS for the page, never inline', () => {
    expect(themeCss(calendar({ color: '#005ea8', radius: 4 }))).to.equal(
      'sr-event-calendar {\n  --sr-color-primary: #005ea8;\n  --sr-radius: 4px;\n}',
    );
    expect(themeCss(calendar())).to.equal('');
  });

  it('writes the iframe with a title, a fixed height, and sr-embed.js only when the build has it', () => {
    const frame = iframeSnippet(manifest, hub, calendar({ theme: 'dark', color: '#005ea8' }), 'Veranstaltungen');
    expect(frame).to.equal(
      '<iframe data-sr-embed src="https://hub.example/embed/event-calendar?municipality=randersacker&amp;q=Fest+%22im%22+%3CHof%3E&amp;theme=dark&amp;color=%23005ea8" title="Veranstaltungen" loading="lazy" width="100%" height="640"></iframe>',
    );
    const withScript = iframeSnippet(
      { ...manifest, files: { ...manifest.files, 'sr-embed.js': file('sha384-embed') } },
      hub,
      calendar(),
      'Veranstaltungen',
    );
    expect(withScript.split('\n')[1]).to.equal(
      '<script type="module" src="https://hub.example/widgets/1.2.3/sr-embed.js" integrity="sha384-embed" crossorigin="anonymous"></script>',
    );
  });

  it('writes a link to the widget page', () => {
    expect(linkSnippet(hub, { widget: 'poll', attributes: { 'poll-id': 'K7M3QP' }, theme: { lang: 'en' } }, 'Vote <now>')).to.equal(
      '<a href="https://hub.example/w/poll?poll-id=K7M3QP&amp;lang=en">Vote &lt;now&gt;</a>',
    );
  });
});
