import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { assetUrl } from '../assets.js';
import type { Contract } from '../http/contract.js';

const require = createRequire(import.meta.url);
const redocBundle = require.resolve('redoc/bundles/redoc.standalone.js');
const pagesDir = assetUrl('pages');

/** Redoc renders with inline styles and a worker from a blob; nothing leaves the Hub's origin. */
const docsPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The start page, the contract and its API reference (bundled locally: no CDN, no third-party request). */
export async function registerPages(app: FastifyInstance, contract: Contract): Promise<void> {
  const [indexHtml, docsHtml, css, redoc] = await Promise.all([
    readFile(new URL('index.html', pagesDir), 'utf8'),
    readFile(new URL('docs.html', pagesDir), 'utf8'),
    readFile(new URL('hub.css', pagesDir), 'utf8'),
    readFile(redocBundle, 'utf8'),
  ]);
  const page = (html: string) => html.replaceAll('{{version}}', contract.version);

  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(page(indexHtml)));
  app.get('/assets/hub.css', async (_request, reply) => reply.type('text/css; charset=utf-8').send(css));
  app.get('/docs', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('Content-Security-Policy', docsPolicy).send(page(docsHtml)),
  );
  app.get('/docs/redoc.standalone.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(redoc),
  );
  app.get('/openapi.yaml', async (_request, reply) => reply.type('application/yaml; charset=utf-8').send(contract.text));
  app.get('/openapi.json', async () => contract.document);
}
