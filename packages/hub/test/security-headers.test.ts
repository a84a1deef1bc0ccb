import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestHub, type TestHub } from './support/hub.js';

/** What helmet sets with the Hub's options (its defaults, and the API usable from other sites). */
const securityHeaders = {
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'cross-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

function assertSecurityHeaders(response: Response, except: string[] = []): void {
  for (const [name, value] of Object.entries(securityHeaders)) {
    if (!except.includes(name)) assert.equal(response.headers.get(name), value, `${response.url}: ${name}`);
  }
  assert.equal(response.headers.get('x-powered-by'), null);
}

describe('security headers', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startTestHub();
  });
  after(() => hub.close());

  test('on every answer: a read, a 304, a problem, an unknown path', async () => {
    const read = await fetch(`${hub.baseUrl}/municipalities?limit=1`);
    assert.equal(read.status, 200);
    assertSecurityHeaders(read);
    const again = await fetch(`${hub.baseUrl}/municipalities?limit=1`, { headers: { 'if-none-match': read.headers.get('etag')! } });
    assert.equal(again.status, 304);
    assertSecurityHeaders(again);
    const invalid = await fetch(`${hub.baseUrl}/municipalities?limit=0`);
    assert.equal(invalid.status, 400);
    assertSecurityHeaders(invalid);
    const unknown = await fetch(`${hub.baseUrl}/no-such-path`);
    assert.equal(unknown.status, 404);
    assertSecurityHeaders(unknown);
  });

  test("a page's own Content-Security-Policy replaces the default one; the other headers stay", async () => {
    const page = await fetch(`${hub.baseUrl}/docs`);
    assert.equal(page.status, 200);
    const policy = page.headers.get('content-security-policy') ?? '';
    assert.notEqual(policy, securityHeaders['content-security-policy']);
    assert.equal(page.headers.get('content-security-policy')?.split(', ').length, 1, 'one policy, not two');
    assertSecurityHeaders(page, ['content-security-policy']);
  });
});
