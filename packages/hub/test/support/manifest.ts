import assert from 'node:assert/strict';

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
