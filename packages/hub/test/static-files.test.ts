import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { startTestHub, type TestHub } from './support/hub.js';
import { servedManifest } from './support/manifest.js';
import { expectProblem } from './support/problems.js';

// `npm test` builds the CDN bundles and Storybook before this runs.
const { version } = JSON.parse(readFileSync(new URL('../../widgets/package.json', import.meta.url), 'utf8')) as { version: string };

describe('widget bundles and Storybook served by the Hub', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startTestHub();
  });
  after(() => hub.close());

  test('every CDN file matches its Subresource Integrity hash, at the versioned and the major path', async () => {
    const files = Object.entries((await servedManifest(hub.baseUrl)).files);
    assert.ok(files.some(([name]) => name === 'sr-hub.js'));
    for (const [name, { integrity }] of files) {
      for (const base of [`/widgets/${version}/`, '/widgets/v1/']) {
        const response = await fetch(`${hub.baseUrl}${base}${name}`);
        assert.equal(response.status, 200, `${base}${name}`);
        assert.match(response.headers.get('content-type') ?? '', /javascript/);
        assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin', 'loadable from any site');
        const body = Buffer.from(await response.arrayBuffer());
        assert.equal(`sha384-${createHash('sha384').update(body).digest('base64')}`, integrity, name);
      }
    }
  });

  test('versioned files are immutable; the major path revalidates; hashed chunks are immutable everywhere', async () => {
    const cache = async (path: string) => (await fetch(`${hub.baseUrl}${path}`)).headers.get('cache-control') ?? '';
    assert.match(await cache(`/widgets/${version}/sr-hub.js`), /immutable/);
    assert.doesNotMatch(await cache('/widgets/v1/sr-hub.js'), /immutable/);
    const chunk = Object.keys((await servedManifest(hub.baseUrl)).files).find((name) => name.startsWith('chunks/'));
    assert.ok(chunk);
    assert.match(await cache(`/widgets/v1/${chunk}`), /immutable/);
  });

  test('the licenses of the bundled packages are served next to the files', async () => {
    const response = await fetch(`${hub.baseUrl}/widgets/v1/THIRD-PARTY-LICENSES.txt`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    const text = await response.text();
    for (const name of ['lit-html', '@lit/reactive-element', 'openapi-fetch'])
      assert.match(text, new RegExp(`^${name} \\S+ — `, 'm'), name);
    assert.match(text, /Redistributions in binary form must reproduce the above copyright notice/);
  });

  test('a file that does not exist → 404 problem', async () => {
    await expectProblem(await fetch(`${hub.baseUrl}/widgets/v1/sr-nothing.js`), 404, 'not-found');
  });

  test('Storybook is served at /storybook/', async () => {
    const response = await fetch(`${hub.baseUrl}/storybook/`);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /<title>/);
  });
});
