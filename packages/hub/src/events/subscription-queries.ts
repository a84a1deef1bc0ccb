import type { Kysely, Selectable } from 'kysely';
import type { CalendarSubscriptionTable, Database } from '../db/schema.js';

export type SubscriptionRow = Selectable<CalendarSubscriptionTable>;

/** The organization's subscriptions, oldest first. */
export async function listSubscriptions(db: Kysely<Database>, organizationId: string): Promise<SubscriptionRow[]> {
  return db
    .selectFrom('calendar_subscriptions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One subscription of the organization (another organization's id finds nothing). */
export async function findSubscription(db: Kysely<Database>, organizationId: string, id: string): Promise<SubscriptionRow | undefined> {
  return db
    .selectFrom('calendar_subscriptions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A new subscription, due at once; undefined when the organization already subscribes to `url`. */
export async function insertSubscription(
  db: Kysely<Database>,
  organizationId: string,
  url: string,
  now: Date,
): Promise<SubscriptionRow | undefined> {
  return db
    .insertInto('calendar_subscriptions')
    .values({
      organization_id: organizationId,
      url,
      etag: null,
      last_modified: null,
      status: 'pending',
      last_result: null,
      last_error: null,
      last_checked_at: null,
      last_changed_at: null,
      next_check_at: now,
    })
    .onConflict((conflict) => conflict.columns(['organization_id', 'url']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Ends a subscription; its events go with it (ON DELETE CASCADE). Whether there was one. */
export async function deleteSubscription(db: Kysely<Database>, organizationId: string, id: string): Promise<boolean> {
  const deleted = await db
    .deleteFrom('calendar_subscriptions')
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return deleted.numDeletedRows > 0n;
}

export type SubscriptionCheck = Pick<
  SubscriptionRow,
  'status' | 'etag' | 'last_modified' | 'last_result' | 'last_error' | 'last_checked_at' | 'last_changed_at' | 'next_check_at'
>;

/** Records what a fetch found; a subscription ended meanwhile stays ended. */
export async function recordCheck(db: Kysely<Database>, id: string, check: SubscriptionCheck): Promise<SubscriptionRow | undefined> {
  return db
    .updateTable('calendar_subscriptions')
    .set({
      ...check,
      last_result: check.last_result && JSON.stringify(check.last_result),
      last_error: check.last_error && JSON.stringify(check.last_error),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Claims up to `limit` subscriptions whose next check is due at `now`, the longest waiting first:
 * their next check moves `leaseMs` ahead, so another Hub process's round passes them over (rows
 * another process is claiming are skipped, not waited for). The check then records the real next
 * one; a process that stops mid-fetch leaves the lease, and the feed is fetched once it ends.
 */
export async function claimDueSubscriptions(db: Kysely<Database>, now: Date, limit: number, leaseMs: number): Promise<SubscriptionRow[]> {
  const claimed = await db
    .updateTable('calendar_subscriptions')
    .set({ next_check_at: new Date(now.getTime() + leaseMs) })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('calendar_subscriptions')
        .select('id')
        .where('next_check_at', '<=', now)
        .orderBy('next_check_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
  // In a stable order (the oldest subscription first): RETURNING names none.
  return claimed.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
}

/** How many events came from the subscription's feed. */
export async function countSubscriptionEvents(db: Kysely<Database>, id: string): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('source_subscription_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
