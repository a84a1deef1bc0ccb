import type { Schema } from '@smart-region/sdk';

const DAY_MS = 86_400_000;
/** "This week" on the dashboard: the next seven days from now. */
export const WEEK_MS = 7 * DAY_MS;

/** Whether `iso` lies between now and seven days from now. */
export const withinWeek = (iso: string | null | undefined, now: number): boolean => {
  if (!iso) return false;
  const at = Date.parse(iso);
  return at >= now && at <= now + WEEK_MS;
};

/** A need nobody more can join (all places taken), or whose time ends within the week. */
export function needAttention(need: Schema<'VolunteerNeed'>, now: number): 'full' | 'ends-soon' | undefined {
  if (!need.published || need.status === 'closed' || need.status === 'expired') return undefined;
  if (need.status === 'filled' || need.peopleStillNeeded === 0) return 'full';
  return withinWeek(need.endsAt, now) ? 'ends-soon' : undefined;
}

/** A poll that opens or closes within the week. */
export function pollAttention(poll: Schema<'Poll'>, now: number): 'opens' | 'closes' | undefined {
  if (poll.status === 'draft' && withinWeek(poll.opensAt, now)) return 'opens';
  if (poll.status === 'open' && withinWeek(poll.closesAt, now)) return 'closes';
  return undefined;
}

/**
 * Whether a published help offer's details were last confirmed more than twelve months ago, or
 * never: citizens see that date ("zuletzt geprüft") and trust an offer less without it.
 */
export function needsVerifying(offer: Schema<'HelpOffer'>, now: number): boolean {
  if (!offer.published) return false;
  if (!offer.assuredDate) return true;
  const limit = new Date(now);
  limit.setFullYear(limit.getFullYear() - 1);
  return Date.parse(offer.assuredDate) < limit.getTime();
}
