import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Schemas } from '../http/api.js';
import { csvTable } from '../http/csv.js';
import { pollStatus } from './model.js';
import { countVotesAndTallies, VOTES_COUNTER, type CountRow, type PollRow } from './queries.js';
import * as clock from '../clock.js';

type Results = Schemas['PollResults'];

interface ChannelCounts {
  online: number;
  inPerson: number;
  postal: number;
}

const none = (): ChannelCounts => ({ online: 0, inPerson: 0, postal: 0 });

const channelKey = { online: 'online', 'in-person': 'inPerson', postal: 'postal' } as const;

function add(counts: ChannelCounts, channel: string, n: string): void {
  const key = channelKey[channel as keyof typeof channelKey];
  if (key) counts[key] += Number(n);
}

const sum = (counts: ChannelCounts) => counts.online + counts.inPerson + counts.postal;

/** The results of a poll, visible. */
export async function computeResults(db: Kysely<Database>, poll: PollRow, now = clock.now()): Promise<Results> {
  return resultsFromCounts(poll, await countVotesAndTallies(db, poll.id), now);
}

/** The results of a poll from its counts (rows of one option and channel each, added up). */
export function resultsFromCounts(poll: PollRow, rows: readonly CountRow[], now = clock.now()): Results {
  const byOption = new Map(poll.options.map((option) => [option.id, none()]));
  const people = none();
  for (const row of rows) {
    const counts = row.option_id === VOTES_COUNTER ? people : byOption.get(row.option_id);
    if (counts) add(counts, row.channel, row.n);
  }
  const allChoices = [...byOption.values()].reduce((total, counts) => total + sum(counts), 0);
  return {
    pollId: poll.id,
    status: pollStatus(poll, now),
    visible: true,
    hiddenUntil: null,
    participants: { ...people, total: sum(people) },
    options: poll.options.map((option) => {
      const counts = byOption.get(option.id)!;
      const total = sum(counts);
      return {
        optionId: option.id,
        label: option.label,
        ...counts,
        total,
        share: allChoices === 0 ? 0 : Math.round((total / allChoices) * 10_000) / 10_000,
      };
    }),
  };
}

/**
 * Whether the public sees the results now. `after-voting` is honoured by the answer to a vote
 * (the Hub cannot tell, without cookies, whether a reader has voted), so reads wait for closing.
 */
export function publiclyVisible(poll: PollRow, now = clock.now()): boolean {
  if (poll.results_visibility === 'always') return true;
  const status = pollStatus(poll, now);
  return status === 'closed' || status === 'archived';
}

export function hiddenResults(poll: PollRow, now = clock.now()): Results {
  return { pollId: poll.id, status: pollStatus(poll, now), visible: false, hiddenUntil: 'closing', participants: null, options: null };
}

export function resultsCsv(results: Results): string {
  const rows: (string | number)[][] = [['option', 'online', 'in_person', 'postal', 'total', 'share']];
  const options = results.options ?? [];
  for (const option of options) rows.push([option.label, option.online, option.inPerson, option.postal, option.total, option.share]);
  const column = (key: 'online' | 'inPerson' | 'postal' | 'total') => options.reduce((total, option) => total + option[key], 0);
  rows.push([
    'Total',
    column('online'),
    column('inPerson'),
    column('postal'),
    column('total'),
    options.length > 0 && column('total') > 0 ? 1 : 0,
  ]);
  const participants = results.participants;
  if (participants) rows.push(['Participants', participants.online, participants.inPerson, participants.postal, participants.total, '']);
  return csvTable(rows);
}
