import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import * as clock from '../clock.js';
import type { Database } from '../db/schema.js';
import { scheduleRetentionPurge, type ScheduledJob } from '../system/jobs.js';
import { deleteAuditEntriesBefore } from './queries.js';

/** Two years: long enough to answer for what was done (DSGVO Art. 5(2)), no longer than needed. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 730;

export interface AuditRetentionOptions {
  /** Days an entry of the audit log is kept (`AUDIT_RETENTION_DAYS`, default 730). */
  retentionDays?: number | undefined;
  /** How often the Hub deletes older entries (default daily; 0 never, e.g. in tests). */
  purgeIntervalMs?: number | undefined;
}

const DAY_MS = 86_400_000;

/** Deletes the audit log's entries older than `retentionDays`; returns how many. */
export async function purgeAuditLog(db: Kysely<Database>, retentionDays: number, now = clock.now()): Promise<number> {
  return deleteAuditEntriesBefore(db, new Date(now.getTime() - retentionDays * DAY_MS));
}

/** The running Hub's daily purge of the audit log. */
export function scheduleAuditPurge(db: Kysely<Database>, options: AuditRetentionOptions, log: FastifyBaseLogger): ScheduledJob {
  const retentionDays = options.retentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS;
  return scheduleRetentionPurge('audit log entries', () => purgeAuditLog(db, retentionDays), options.purgeIntervalMs ?? DAY_MS, log);
}
