import { expect, fixture, html } from '@open-wc/testing';
import { testServers } from '../../test/test-servers.js';

// The built CDN files as pages get them (production group only): autoloader, double loading, SRI.

interface Manifest {
  version: string;
  locales: Record<string, string>;
  files: Record<string, { integrity: string; bytes: number; gzip: number; imports: string[]; dynamicImports: string[] }>;
}

async function manifest(): Promise<Manifest> {
  const { cdnUrl } = await testServers();
  return (await fetch(`${cdnUrl}manifest.json`)).json() as Promise<Manifest>;
}

/** Loads a module script the way the embed snippet does, with Subresource Integrity. */
function loadScript(src: string, integrity: string): Promise<'loaded' | 'refused'> {
  return new Promise((resolve) => {
    const script = Object.assign(document.createElement('script'), { type: 'module', src, integrity, crossOrigin: 'anonymous' });
    script.onload = () => resolve('loaded');
    script.onerror = () => resolve('refused');
    document.head.append(script);
  });
}

describe('CDN files', () => {
  it('the manifest names its release and every file a widget may load, each translation too (English, Leichte Sprache), with their integrity', async () => {
    const { cdnUrl } = await testServers();
    const { version, locales, files } = await manifest();
    expect(version).to.match(/^\d+\.\d+\.\d+/);
    expect(Object.keys(locales)).to.deep.equal(['de-x-ls', 'en']);
    const reachable = (entry: string, seen = new Set<string>()): Set<string> => {
      seen.add(entry);
      for (const next of [...files[entry]!.imports, ...files[entry]!.dynamicImports]) if (!seen.has(next)) reachable(next, seen);
      return seen;
    };
    for (const file of Object.values(locales)) {
      for (const entry of ['sr-help-finder.js', 'sr-poll.js', 'sr-volunteer-board.js', 'sr-event-calendar.js']) {
        expect([...reachable(entry)], entry).to.include(file);
      }
      const bytes = await (await fetch(`${cdnUrl}${file}`)).arrayBuffer();
      const digest = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-384', bytes))));
      expect(files[file]!.integrity).to.equal(`sha384-${digest}`);
    }
  });

  it('sr-widgets.js loads sr-hub.js from its own folder when <sr-hub> is on the page', async () => {
    const { hubUrl, cdnUrl } = await testServers();
    await fixture(html`<sr-hub hub-url=${hubUrl}></sr-hub>`);
    expect(customElements.get('sr-hub')).to.equal(undefined);
    const { files } = await manifest();
    expect(await loadScript(`${cdnUrl}sr-widgets.js`, files['sr-widgets.js']!.integrity)).to.equal('loaded');
    await customElements.whenDefined('sr-hub');
    const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(loaded).to.include(`${cdnUrl}sr-hub.js`);
  });

  it('loading a widget file a second time is harmless', async () => {
    const { cdnUrl } = await testServers();
    const first = (await import(/* @vite-ignore */ `${cdnUrl}sr-hub.js`)) as { SrHub: CustomElementConstructor };
    const second = (await import(/* @vite-ignore */ `${cdnUrl}sr-hub.js?second-copy`)) as { SrHub: CustomElementConstructor };
    expect(second.SrHub).not.to.equal(first.SrHub);
    expect(customElements.get('sr-hub')).to.equal(first.SrHub);
  });

  it('lists every file with its SRI hash, and browsers accept exactly those', async () => {
    const { cdnUrl } = await testServers();
    const { files } = await manifest();
    expect(Object.keys(files)).to.include.members(['sr-hub.js', 'sr-widgets.js']);
    for (const [file, { integrity }] of Object.entries(files)) {
      const bytes = await (await fetch(`${cdnUrl}${file}`)).arrayBuffer();
      const digest = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-384', bytes))));
      expect(integrity, file).to.equal(`sha384-${digest}`);
    }
    const tampered = files['sr-widgets.js']!.integrity.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    expect(await loadScript(`${cdnUrl}sr-widgets.js?tampered`, tampered)).to.equal('refused');
  });
});
