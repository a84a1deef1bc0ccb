/**
 * The parts of an HSDS 3.0 service the import reads, as an HSDS API nests them. A datapackage's
 * CSV tables are joined into the same shape (parse-datapackage.ts), so one mapping reads both.
 * Everything is optional and untrusted: the mapping checks what it uses.
 */

export interface HsdsTaxonomy {
  id?: unknown;
  name?: unknown;
}

export interface HsdsTerm {
  id?: unknown;
  code?: unknown;
  name?: unknown;
  /** HSDS 2's taxonomy name, still written by some publishers. */
  taxonomy?: unknown;
  taxonomy_id?: unknown;
  taxonomy_detail?: HsdsTaxonomy | null;
}

export interface HsdsAttribute {
  taxonomy_term_id?: unknown;
  taxonomy_term?: HsdsTerm | null;
  value?: unknown;
}

export interface HsdsSchedule {
  freq?: unknown;
  byday?: unknown;
  opens_at?: unknown;
  closes_at?: unknown;
  valid_from?: unknown;
  valid_to?: unknown;
  description?: unknown;
  /** What the Hub's export says in words (`SCHEDULE_NOTES`: open on public holidays). */
  notes?: unknown;
}

export interface HsdsPhone {
  number?: unknown;
  extension?: unknown;
  description?: unknown;
}

export interface HsdsAddress {
  address_1?: unknown;
  address_2?: unknown;
  city?: unknown;
  postal_code?: unknown;
  address_type?: unknown;
}

export interface HsdsLocation {
  id?: unknown;
  location_type?: unknown;
  name?: unknown;
  url?: unknown;
  latitude?: unknown;
  longitude?: unknown;
  addresses?: HsdsAddress[] | null;
  accessibility?: { description?: unknown; details?: unknown }[] | null;
  schedules?: HsdsSchedule[] | null;
}

export interface HsdsServiceAtLocation {
  location_id?: unknown;
  location?: HsdsLocation | null;
  schedules?: HsdsSchedule[] | null;
}

export interface HsdsService {
  id?: unknown;
  name?: unknown;
  alternate_name?: unknown;
  description?: unknown;
  url?: unknown;
  email?: unknown;
  status?: unknown;
  eligibility_description?: unknown;
  fees_description?: unknown;
  assured_date?: unknown;
  cost_options?: { option?: unknown; amount?: unknown }[] | null;
  languages?: { code?: unknown; name?: unknown }[] | null;
  phones?: HsdsPhone[] | null;
  schedules?: HsdsSchedule[] | null;
  service_at_locations?: HsdsServiceAtLocation[] | null;
  attributes?: HsdsAttribute[] | null;
}

/** A text field's value, trimmed; undefined when it is empty or no text (CSV cells are '' when empty). */
export const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
