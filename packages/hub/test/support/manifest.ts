import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';

/** The manifest the widgets' CDN build writes: each file's Subresource Integrity hash and the chunks it imports. */
export interface WidgetManifest {
  files: Record<string, { integrity: string; imports: string[] }>;
}

/** The manifest as the Hub at `baseUrl` serves it on the major path. */
export async function servedManifest(baseUrl: string): Promise<WidgetManifest> {
  const response = await fetch(`${baseUrl}/widgets/v1/manifest.json`);
  assert.equal(response.status, 200, 'the widget files are built');
  return (await response.json()) as WidgetManifest;
}

const sha384 = (bytes: ArrayBuffer) => `sha384-${createHash('sha384').update(Buffer.from(bytes)).digest('base64')}`;

/**
 * Each widget script and preloaded chunk of the page: the Hub's immutable, versioned path, the
 * manifest's hash with `crossorigin="anonymous"`, and that hash is the served file's. Returns the
 * addresses as the page wrote them (relative on the Hub's pages, absolute in a snippet elsewhere).
 */
export async function assertIntegrity(page: Page, manifest: WidgetManifest, hubUrl: string): Promise<string[]> {
  const loaded = await page.$$eval('script[src], link[rel="modulepreload"]', (elements) =>
    elements.map((element) => ({
      url: element.getAttribute('src') ?? element.getAttribute('href') ?? '',
      integrity: element.getAttribute('integrity'),
      crossorigin: element.getAttribute('crossorigin'),
    })),
  );
  assert.ok(loaded.length > 0);
  for (const { url, integrity, crossorigin } of loaded) {
    const address = new URL(url, hubUrl);
    const match = /^\/widgets\/(\d+\.\d+\.\d+[^/]*)\/(.+)$/.exec(address.pathname);
    assert.ok(address.origin === new URL(hubUrl).origin && match, `${url} is an immutable, versioned widget path of the Hub`);
    const file = match[2]!;
    assert.equal(integrity, manifest.files[file]?.integrity, `${file}: the manifest's hash`);
    assert.equal(crossorigin, 'anonymous', file);
    assert.equal(sha384(await (await fetch(address)).arrayBuffer()), integrity, `${file}: the served bytes' hash`);
  }
  return loaded.map(({ url }) => url);
}
