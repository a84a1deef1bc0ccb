import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { SESSION_IDLE_SECONDS } from '../auth/sessions.js';
import type { Database } from '../db/schema.js';
import { scheduleRetentionPurge, type ScheduledJob } from '../system/jobs.js';
import { deleteEndedSignIns } from './queries.js';
import { SIGN_IN_REQUEST_WINDOW_SECONDS } from './sign-in.js';

export interface SignInCleanupOptions {
  /** How often the Hub deletes expired links, old requests and ended sessions (default hourly; 0 never, e.g. in tests). */
  cleanupIntervalMs?: number | undefined;
}

/** Deletes what can no longer sign anyone in; returns how many rows of each kind. */
export function purgeEndedSignIns(db: Kysely<Database>): Promise<{ links: number; requests: number; sessions: number }> {
  return deleteEndedSignIns(db, { requestWindowSeconds: SIGN_IN_REQUEST_WINDOW_SECONDS, sessionIdleSeconds: SESSION_IDLE_SECONDS });
}

/** The running Hub's hourly cleanup of sign-in links, link requests and sessions. */
export function scheduleSignInCleanup(db: Kysely<Database>, options: SignInCleanupOptions, log: FastifyBaseLogger): ScheduledJob {
  return scheduleRetentionPurge(
    'ended sign-in links, link requests and sessions',
    async () => {
      const counts = await purgeEndedSignIns(db);
      return counts.links + counts.requests + counts.sessions;
    },
    options.cleanupIntervalMs ?? 3_600_000,
    log,
  );
}
