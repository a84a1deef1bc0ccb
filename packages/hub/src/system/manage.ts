import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assetUrl } from '../assets.js';

const appDir = assetUrl('manage');
const pagesDir = assetUrl('pages');

/**
 * The pages load only their own files and talk only to this Hub: no inline script or style (Lit
 * adopts its styles as constructable style sheets, which a CSP does not restrict), no eval, and
 * no other site may frame them (clickjacking of "remove member" or "revoke key").
 */
export const managePolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const year = 365 * 24 * 60 * 60;

/** `de` unless the browser prefers English to German (`Accept-Language`), for `<html lang>`. */
export function pageLanguage(acceptLanguage: string | undefined): 'de' | 'en' {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [range = '', ...parameters] = part.trim().toLowerCase().split(';');
      const q = Number(parameters.find((parameter) => parameter.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { language: range.split('-')[0], q: Number.isNaN(q) ? 0 : q, index };
    })
    .filter(({ language, q }) => (language === 'de' || language === 'en') && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.language === 'en' ? 'en' : 'de';
}

/**
 * The pages for organizations at `/manage/`: one HTML page for every path below it (the app
 * routes with the History API), the app's files at `/manage/assets/`. Registered when the app is
 * built (`npm run build:manage`).
 *
 * The HTML is never stored (`no-store`): links into it carry single-use tokens, and it must not
 * outlive a sign-out in a shared browser's cache. No referrer leaves it, so a token in its address
 * never reaches another site.
 */
export async function registerManage(app: FastifyInstance): Promise<void> {
  if (!existsSync(appDir)) return;
  const [html, css] = await Promise.all([
    readFile(new URL('manage.html', pagesDir), 'utf8'),
    readFile(new URL('manage.css', pagesDir), 'utf8'),
  ]);

  const page = async (request: FastifyRequest, reply: FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('Content-Security-Policy', managePolicy)
      .header('Cache-Control', 'no-store')
      .header('Referrer-Policy', 'no-referrer')
      .header('Vary', 'Accept-Language')
      .send(html.replace('{{lang}}', pageLanguage(request.headers['accept-language'])));

  app.get('/manage', async (_request, reply) => reply.redirect('/manage/', 301));
  app.get('/manage/', page);
  app.get('/manage/*', page);
  app.get('/manage/page.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'no-cache').send(css),
  );
  await app.register(fastifyStatic, {
    root: fileURLToPath(new URL('assets/', appDir)),
    prefix: '/manage/assets/',
    decorateReply: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      // The entry keeps its name from build to build; the chunks it loads are named by their content.
      reply.header('Cache-Control', path.endsWith('/manage.js') ? 'no-cache' : `public, max-age=${year}, immutable`);
      reply.header('Content-Security-Policy', managePolicy);
    },
  });
}
