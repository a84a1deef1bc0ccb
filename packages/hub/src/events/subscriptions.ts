import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import * as clock from '../clock.js';
import type { Database } from '../db/schema.js';
import type { Schemas } from '../http/api.js';
import { scheduleJob, type ScheduledJob } from '../system/jobs.js';
import { readFeed, writeFeed } from './ics-import.js';
import { FeedError, fetchFeed, type FeedFetchOptions } from './subscription-fetch.js';
import {
  countSubscriptionEvents,
  claimDueSubscriptions,
  recordCheck,
  type SubscriptionCheck,
  type SubscriptionRow,
} from './subscription-queries.js';

/**
 * Calendar subscriptions: the organization's own iCalendar feed, fetched and imported (as the
 * manual import does, through ics-import.ts) every hour. A fetch that brings nothing importable
 * changes no event; the subscription keeps why.
 */

export interface CalendarSubscriptionOptions extends FeedFetchOptions {
  /** How often the Hub looks for subscriptions that are due (default 5 minutes; 0 never, e.g. in tests). */
  roundIntervalMs?: number | undefined;
}

/** Each feed is fetched this long after its last check. */
export const CHECK_INTERVAL_MS = 60 * 60 * 1000;
/** Bad lines kept and shown, as the manual import's answer names them. */
const MAX_LINES = 50;
/** Subscriptions one round fetches; the rest wait for the next round. */
const ROUND_SIZE = 50;
/** A round's claim on its feeds: longer than a round of 50 fetches of at most 15 s each. */
const CLAIM_LEASE_MS = 15 * 60 * 1000;

export function toSubscription(row: SubscriptionRow): Schemas['CalendarSubscription'] {
  return {
    id: row.id,
    url: row.url,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    lastCheckedAt: row.last_checked_at?.toISOString() ?? null,
    lastChangedAt: row.last_changed_at?.toISOString() ?? null,
    lastResult: row.last_result,
    lastError: row.last_error,
    nextCheckAt: row.next_check_at.toISOString(),
  };
}

/** Whether the answer can be an iCalendar file at all (an HTML page cannot). */
function looksLikeCalendar(text: string, contentType: string): boolean {
  return /^\uFEFF?\s*BEGIN:VCALENDAR/i.test(text) || /^text\/calendar\b/i.test(contentType.trim());
}

function notCalendar(contentType: string): FeedError {
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  const what = type === 'text/html' ? 'an HTML page' : type ? `a file of type ${type}` : 'a file';
  return new FeedError('not-icalendar', `The address answered with ${what}, not an iCalendar file (BEGIN:VCALENDAR).`);
}

/** Fetches the feed and imports it; what to record on the subscription. */
async function check(db: Kysely<Database>, row: SubscriptionRow, options: FeedFetchOptions, now: Date): Promise<SubscriptionCheck> {
  // What the last import left: kept when this fetch imports nothing.
  const kept = {
    etag: row.etag,
    last_modified: row.last_modified,
    last_result: row.last_result,
    last_changed_at: row.last_changed_at,
    last_checked_at: now,
    next_check_at: new Date(now.getTime() + CHECK_INTERVAL_MS),
  };
  const failed = (error: Schemas['CalendarSubscriptionError']): SubscriptionCheck => ({ ...kept, status: 'failed', last_error: error });
  try {
    const fetched = await fetchFeed(row.url, { etag: row.etag, lastModified: row.last_modified }, options);
    if (!fetched.changed) {
      const unchanged = await countSubscriptionEvents(db, row.id);
      return { ...kept, status: 'ok', last_error: null, last_result: { created: 0, updated: 0, unchanged, removed: 0 } };
    }
    if (!looksLikeCalendar(fetched.text, fetched.contentType)) throw notCalendar(fetched.contentType);
    const read = await readFeed(db, row.organization_id, fetched.text);
    const errors = [...read.problems.errors].sort((a, b) => a.line - b.line);
    if (errors.length > 0) {
      return failed({
        kind: 'invalid',
        detail: `${errors.length === 1 ? 'One line' : `${errors.length} lines`} of the feed cannot be imported; no event was changed.`,
        lines: errors.slice(0, MAX_LINES).map(({ line, reason }) => ({ line, reason })),
      });
    }
    const result = await writeFeed(db, row.organization_id, read, row.id);
    const changed = result.created + result.updated + result.removed > 0;
    return {
      ...kept,
      status: 'ok',
      etag: fetched.validators.etag,
      last_modified: fetched.validators.lastModified,
      last_result: result,
      last_error: null,
      last_changed_at: changed ? now : row.last_changed_at,
    };
  } catch (error) {
    if (error instanceof FeedError) return failed({ kind: error.kind, detail: error.detail, lines: [] });
    throw error;
  }
}

/**
 * Fetches one subscription's feed now and records the result; undefined when the subscription
 * was ended meanwhile. A failed fetch keeps the feed's validators of the last import, so the next
 * fetch asks for changes against what was imported.
 */
export async function refreshSubscription(
  db: Kysely<Database>,
  row: SubscriptionRow,
  options: FeedFetchOptions,
  now = clock.now(),
): Promise<SubscriptionRow | undefined> {
  return recordCheck(db, row.id, await check(db, row, options, now));
}

/** One round of the schedule: every subscription that is due at `now`; returns how many were fetched. */
export async function refreshDueSubscriptions(db: Kysely<Database>, options: FeedFetchOptions, now = clock.now()): Promise<number> {
  const due = await claimDueSubscriptions(db, now, ROUND_SIZE, CLAIM_LEASE_MS);
  for (const row of due) await refreshSubscription(db, row, options, now);
  return due.length;
}

/** The running Hub's hourly fetch of every subscribed feed. */
export function scheduleSubscriptionRefresh(
  db: Kysely<Database>,
  options: CalendarSubscriptionOptions,
  log: FastifyBaseLogger,
): ScheduledJob {
  return scheduleJob(
    () => refreshDueSubscriptions(db, options),
    options.roundIntervalMs ?? 5 * 60 * 1000,
    log,
    'calendar subscriptions: a round of fetches failed, retrying on the next round',
  );
}
