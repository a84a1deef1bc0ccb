import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HubDatabase } from '../db/connection.js';
import { operationOf } from './contract.js';

/** The channel migration 0021's triggers notify on, with the changed table's name. */
const CONTENT_CHANNEL = 'sr_content_changed';

/** What this process keeps of the content tables in memory (kept answers, the search index). */
export interface ContentFollower {
  /** Content changed: in `table`, or (no table) through an editor's write on this process. */
  contentChanged(table?: string): void;
  /** False while changes made elsewhere could go unheard: nothing from memory may be used then. */
  setLive(live: boolean): void;
}

/** A change the API made that content may depend on: an editor's, never a citizen's vote or response. */
function changedContent(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return false;
  const operation = operationOf(request);
  return operation !== undefined && operation.security.length > 0 && reply.statusCode < 400;
}

/**
 * Tells `followers` of every content change, on one listening connection per process:
 * - a change through this process's API, before its answer leaves (an editor reads their own edit);
 * - any committed change to a content table, by any process, job or command, through PostgreSQL's
 *   NOTIFY (on PGlite, the one process hears it as the change commits).
 */
export async function followContentChanges(app: FastifyInstance, database: HubDatabase, followers: ContentFollower[]): Promise<void> {
  if (followers.length === 0) return;
  app.addHook('onSend', (request, reply, payload, done) => {
    if (changedContent(request, reply)) for (const follower of followers) follower.contentChanged();
    done(null, payload);
  });
  let warned = false;
  const listening = await database.listen(CONTENT_CHANNEL, {
    onNotification: (table) => {
      for (const follower of followers) follower.contentChanged(table);
    },
    onLive: (live) => {
      for (const follower of followers) follower.setLive(live);
      if (live && warned) app.log.info('content changes are heard again; what is kept in memory is used again');
      if (live) warned = false;
    },
    onError: (error) => {
      if (warned) return;
      warned = true;
      app.log.warn({ err: error }, 'content changes cannot be heard; answers and searches come from the database until they can');
    },
  });
  app.addHook('preClose', async () => {
    await listening.stop();
    for (const follower of followers) follower.setLive(false);
  });
}
