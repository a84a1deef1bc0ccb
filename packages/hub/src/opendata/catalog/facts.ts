import { sql, type Kysely } from 'kysely';
import type { Database, DeletedEntryKind } from '../../db/schema.js';
import { now } from '../../clock.js';
import type { DatasetId } from '../datasets.js';

/** When a dataset's entries began and last changed, as the database says. */
export interface DatasetDates {
  /** The earliest `created_at` of its entries. */
  first: Date | undefined;
  /** The latest `updated_at`, or a later deletion of one of its entries. */
  last: Date | undefined;
}

/** What the catalogue states about the live data besides the registry. */
export interface CatalogFacts {
  /** The official keys (Amtlicher Gemeindeschlüssel) of the region's municipalities. */
  municipalityKeys: string[];
  dates: Record<DatasetId, DatasetDates>;
}

interface Span {
  first: Date | string | null;
  last: Date | string | null;
}

const asDate = (value: Date | string | null): Date | undefined => (value === null ? undefined : new Date(value));

function later(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (a === undefined) return b;
  return b !== undefined && b > a ? b : a;
}

/** The published, public entries of each dataset (organizations approved), the same ones the downloads serve. */
async function spans(db: Kysely<Database>): Promise<Record<Exclude<DatasetId, 'municipalities'>, Span>> {
  const span = sql<Date | null>`min(created_at)`.as('first');
  const last = sql<Date | null>`max(updated_at)`.as('last');
  const approved = db.selectFrom('organizations').select('id').where('status', '=', 'approved');
  // Entries an organization publishes: without drafts.
  const published = (table: 'help_offers' | 'events' | 'volunteer_needs') =>
    db
      .selectFrom(table)
      .select([span, last])
      .where('published', '=', true)
      .where('organization_id', 'in', approved)
      .executeTakeFirstOrThrow();
  const [organizations, helpOffers, events, volunteerNeeds, pollResults] = await Promise.all([
    db.selectFrom('organizations').select([span, last]).where('status', '=', 'approved').executeTakeFirstOrThrow(),
    published('help_offers'),
    published('events'),
    published('volunteer_needs'),
    // Closed polls (the status `pollStatus` derives): ended early, or past their window by the Hub's clock, not archived.
    db
      .selectFrom('polls')
      .select([span, last])
      .where('organization_id', 'in', approved)
      .where('archived_at', 'is', null)
      .where((eb) => eb.or([eb('closed_at', 'is not', null), eb('closes_at', '<=', now())]))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    organizations,
    'help-offers': helpOffers,
    events,
    'volunteer-needs': volunteerNeeds,
    'poll-results': pollResults,
  };
}

/** Tombstones count as changes: a dataset whose entry was removed has changed. */
const deletionKinds: Partial<Record<DatasetId, DeletedEntryKind>> = {
  organizations: 'organization',
  'help-offers': 'help-offer',
  events: 'event',
  'volunteer-needs': 'volunteer-need',
};

async function lastDeletions(db: Kysely<Database>): Promise<Map<DeletedEntryKind, Date>> {
  const rows = await db
    .selectFrom('deleted_entries')
    .select(['kind', sql<Date>`max(deleted_at)`.as('last')])
    .groupBy('kind')
    .execute();
  return new Map(rows.map((row) => [row.kind, new Date(row.last)]));
}

/** Reads the municipalities' keys and each dataset's dates. */
export async function catalogFacts(db: Kysely<Database>): Promise<CatalogFacts> {
  const [municipalities, found, deletions] = await Promise.all([
    db.selectFrom('municipalities').select('official_key').orderBy('official_key').execute(),
    spans(db),
    lastDeletions(db),
  ]);
  // The municipalities come with the Hub's migrations and carry no timestamps.
  const dates = { municipalities: { first: undefined, last: undefined } } as Record<DatasetId, DatasetDates>;
  for (const [id, { first, last }] of Object.entries(found) as [Exclude<DatasetId, 'municipalities'>, Span][]) {
    const kind = deletionKinds[id];
    dates[id] = { first: asDate(first), last: later(asDate(last), kind && deletions.get(kind)) };
  }
  return { municipalityKeys: municipalities.map((row) => row.official_key), dates };
}
