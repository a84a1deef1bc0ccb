import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import { assetUrl } from '../assets.js';
import { managePolicy, pageLanguage } from './manage.js';

/**
 * The configurator at `/configure/`: where a webmaster picks a widget and its look and copies a
 * snippet. Public (no sign-in): it reads only what the Hub shows anyone. Its app is an entry of the
 * pages' build (`/manage/assets/configure.js`), so it shares their policy: only this Hub's files, no
 * inline code, and no other site may frame it. Registered when the pages are built.
 */
export async function registerConfigure(app: FastifyInstance): Promise<void> {
  if (!existsSync(new URL('assets/configure.js', assetUrl('manage')))) return;
  const html = await readFile(new URL('configure.html', assetUrl('pages')), 'utf8');

  const page = async (request: FastifyRequest, reply: FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('Content-Security-Policy', managePolicy)
      .header('Cache-Control', 'no-cache')
      .header('Vary', 'Accept-Language')
      .send(html.replace('{{lang}}', pageLanguage(request.headers['accept-language'])));

  // The choices are in the query: they travel with the redirect.
  app.get('/configure', async (request, reply) => {
    const query = request.url.indexOf('?');
    return reply.redirect(`/configure/${query === -1 ? '' : request.url.slice(query)}`, 301);
  });
  app.get('/configure/', page);
}
