import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { assetUrl } from '../assets.js';

export const cdnDir = assetUrl('widgetBundles');
const storybookDir = assetUrl('storybook');

/** A built directory, or undefined when nobody ran its build (API-only Hubs, tests). */
function built(dir: URL): string | undefined {
  return existsSync(dir) ? fileURLToPath(dir) : undefined;
}

/**
 * The widgets' release, which names the immutable path `/widgets/<version>/`: the version the
 * bundles were built as, recorded in their manifest (from the widgets' package.json).
 */
export function widgetsVersion(): string {
  return (JSON.parse(readFileSync(new URL('manifest.json', cdnDir), 'utf8')) as { version: string }).version;
}

const year = 365 * 24 * 60 * 60;

/** Storybook's pages bootstrap with inline scripts; it is documentation, and still talks only to this origin. */
const storybookPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * Widget bundles at two kinds of path:
 * - `/widgets/<version>/…` never changes, so it is cached for a year and safe for Subresource
 *   Integrity hashes in embed snippets;
 * - `/widgets/v1/…` follows the newest release of the major version, so caches revalidate it.
 * Chunks carry a content hash in their name and are immutable on both.
 * Storybook is served at `/storybook/` once built.
 */
export async function registerStaticFiles(app: FastifyInstance): Promise<void> {
  const cdn = built(cdnDir);
  if (cdn) {
    const version = widgetsVersion();
    for (const [prefix, entryCache] of [
      [`/widgets/${version}/`, `public, max-age=${year}, immutable`],
      ['/widgets/v1/', 'public, max-age=300, stale-while-revalidate=86400'],
    ] as const) {
      await app.register(fastifyStatic, {
        root: cdn,
        prefix,
        decorateReply: false,
        cacheControl: false,
        setHeaders: (reply, path) => {
          reply.header('Cache-Control', path.includes('/chunks/') ? `public, max-age=${year}, immutable` : entryCache);
        },
      });
    }
  }
  const storybook = built(storybookDir);
  if (storybook) {
    await app.register(fastifyStatic, {
      root: storybook,
      prefix: '/storybook/',
      decorateReply: false,
      setHeaders: (reply) => {
        reply.header('Content-Security-Policy', storybookPolicy);
      },
    });
  }
}
