import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { assetUrl } from '../assets.js';
import type { Database } from '../db/schema.js';
import { registerLetters } from './letters.js';
import { registerEventPrints } from './events.js';
import { registerShortLinks } from './short-links.js';
import { registerNeedPrints } from './volunteer-needs.js';
import { registerPollPrints } from './polls.js';
import { registerHelpGuidePrints } from './help-guide.js';
import { registerUncached } from './roster-access.js';
import { registerSignInSheet } from './sign-in-sheet.js';
import { registerCertificate } from './volunteer-certificate.js';

export interface PrintOptions {
  /** The Hub's origin as people reach it (`PUBLIC_URL`): QR codes and printed addresses point there. */
  publicUrl: string;
  /** Days after a need ended until its sign-ups and their hours are deleted (`VOLUNTEER_RETENTION_DAYS`): the certificate says so. */
  volunteerRetentionDays: number;
}

/**
 * The print views (`/print/…`): A4 pages of published items, each leading back to the item's page
 * through a QR code and a short link (`/e/…`, `/n/…`, `/p/…`). Outside the contract, like the embed
 * pages: HTML for people, not data for programs.
 */
export async function registerPrint(app: FastifyInstance, db: Kysely<Database>, options: PrintOptions): Promise<void> {
  const css = await readFile(new URL('print.css', assetUrl('pages')), 'utf8');
  app.get('/print/print.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'no-cache').send(css),
  );
  registerShortLinks(app, db);
  registerEventPrints(app, db, options);
  registerNeedPrints(app, db, options);
  registerPollPrints(app, db, options);
  registerHelpGuidePrints(app, db, options);
  await registerLetters(app, db, options.publicUrl);
  await registerUncached(app, (scope) => {
    registerSignInSheet(scope, db);
    registerCertificate(scope, db, options);
  });
}
