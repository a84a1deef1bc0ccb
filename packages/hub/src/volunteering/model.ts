import { createHash } from 'node:crypto';
import type { Schemas } from '../http/api.js';
import { fieldError, type FieldError } from '../http/problems.js';
import { unknownMunicipality, type KnownMunicipalities } from '../orgs/lookups.js';
import { sortKey } from '../http/text.js';
import type { NeedRow } from './queries.js';
import { toShift, type ShiftRow } from './shifts/model.js';
import * as clock from '../clock.js';

export type NeedStatus = Schemas['VolunteerNeedStatus'];
type NeedFields = Schemas['VolunteerNeedFields'];

/** A need's writable fields, complete: what is checked and stored. */
export interface NeedData {
  title: string;
  description: string;
  easyReadSummary: string | null;
  municipalityId: string | null;
  place: Schemas['VolunteerPlace'] | null;
  remote: boolean;
  startsAt: string | null;
  endsAt: string | null;
  timeCommitment: string | null;
  skills: string[];
  peopleNeeded: number;
  urgent: boolean;
  contactRole: string | null;
  published: boolean;
  approvalRequired: boolean;
  reminderHours: number;
}

type CountedNeed = Pick<NeedRow, 'people_accepted' | 'people_needed' | 'shift_places_free'>;

/**
 * "Noch 3 Personen gesucht": the free places of the upcoming shifts for a need with shifts, else
 * `peopleNeeded` minus the accepted responses. The same rule as `stillNeededSql` in the queries.
 */
export function peopleStillNeeded(row: CountedNeed): number {
  return row.shift_places_free ?? Math.max(0, row.people_needed - row.people_accepted);
}

/** The status at `now`: the same rule as `statusSql` in the queries (`filled` when nobody is still needed). */
export function needStatus(row: Pick<NeedRow, 'closed_at' | 'ends_at'> & CountedNeed, now = clock.now()): NeedStatus {
  if (row.closed_at !== null) return 'closed';
  if (row.ends_at !== null && row.ends_at <= now) return 'expired';
  return peopleStillNeeded(row) === 0 ? 'filled' : 'open';
}

/** When the need ended (closed early, or its end passed), or null while it has no end. */
export function needEnd(row: Pick<NeedRow, 'closed_at' | 'ends_at'>): Date | null {
  const ends = [row.closed_at, row.ends_at].filter((date): date is Date => date !== null);
  return ends.length === 0 ? null : new Date(Math.min(...ends.map((date) => date.getTime())));
}

/**
 * The version of an organization's privacy notice: a fingerprint of its address, which changes
 * when the organization publishes another notice. A response stores the one it agreed to.
 */
export function privacyNoticeVersion(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 12);
}

export function privacyNotice(url: string | null): Schemas['VolunteerPrivacyNotice'] | null {
  return url === null ? null : { url, version: privacyNoticeVersion(url) };
}

/** The need as the API shows it, with its shifts that have not ended (`upcomingShiftsOfNeeds`). */
export function toNeed(row: NeedRow, shifts: readonly ShiftRow[], now = clock.now()): Schemas['VolunteerNeed'] {
  return {
    id: row.id,
    organization: { organizationId: row.organization_id, name: row.organization_name },
    ...dataFromRow(row),
    ongoing: row.ends_at === null,
    peopleStillNeeded: peopleStillNeeded(row),
    status: needStatus(row, now),
    shifts: shifts.map((shift) => toShift(shift, now)),
    privacyNotice: privacyNotice(row.privacy_policy_url),
    isExample: row.is_example,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Fills in the defaults of a new need. */
export function completeInput(input: NeedFields & Pick<NeedData, 'title' | 'description' | 'peopleNeeded'>): NeedData {
  return {
    title: input.title,
    description: input.description,
    easyReadSummary: input.easyReadSummary ?? null,
    municipalityId: input.municipalityId ?? null,
    place: input.place ?? null,
    remote: input.remote ?? false,
    startsAt: input.startsAt ?? null,
    endsAt: input.endsAt ?? null,
    timeCommitment: input.timeCommitment ?? null,
    skills: input.skills ?? [],
    peopleNeeded: input.peopleNeeded,
    urgent: input.urgent ?? false,
    contactRole: input.contactRole ?? null,
    published: input.published ?? true,
    approvalRequired: input.approvalRequired ?? false,
    reminderHours: input.reminderHours ?? 24,
  };
}

export function dataFromRow(row: NeedRow): NeedData {
  return {
    title: row.title,
    description: row.description,
    easyReadSummary: row.easy_read_summary,
    municipalityId: row.municipality_id,
    place: row.place_name === null ? null : { name: row.place_name, address: row.place_address },
    remote: row.remote,
    startsAt: row.starts_at?.toISOString() ?? null,
    endsAt: row.ends_at?.toISOString() ?? null,
    timeCommitment: row.time_commitment,
    skills: row.skills,
    peopleNeeded: row.people_needed,
    urgent: row.urgent,
    contactRole: row.contact_role,
    published: row.published,
    approvalRequired: row.approval_required,
    reminderHours: row.reminder_hours,
  };
}

/** Skills of a need or a shift: none blank, none twice (ignoring case). */
export function skillErrors(skills: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  const keys = skills.map((skill) => skill.trim().toLocaleLowerCase('de'));
  keys.forEach((skill, index) => {
    if (skill === '') errors.push(fieldError(`/skills/${index}`, 'blank', 'must not be blank'));
    else if (keys.indexOf(skill) !== index) errors.push(fieldError(`/skills/${index}`, 'duplicate', 'repeats an earlier skill'));
  });
  return errors;
}

/** The rules across fields that the contract's schema cannot say. */
export function checkNeed(data: NeedData, municipalities: KnownMunicipalities): FieldError[] {
  const errors: FieldError[] = [];
  if (data.title.trim().length < 3) errors.push(fieldError('/title', 'too-short', 'must have at least 3 characters besides spaces', 3));
  if (data.description.trim() === '') errors.push(fieldError('/description', 'blank', 'must not be blank'));
  if (data.startsAt !== null && data.endsAt !== null && Date.parse(data.endsAt) <= Date.parse(data.startsAt)) {
    errors.push(fieldError('/endsAt', 'end-before-start', 'must be after startsAt'));
  }
  errors.push(...skillErrors(data.skills));
  if (data.municipalityId !== null && !municipalities.has(data.municipalityId)) {
    errors.push(unknownMunicipality('/municipalityId', data.municipalityId));
  }
  return errors;
}

/** The columns of a need as stored. */
export function needColumns(data: NeedData) {
  return {
    title: data.title,
    description: data.description,
    easy_read_summary: data.easyReadSummary,
    search_text: sortKey(
      [data.title, data.description, ...data.skills, data.place?.name, data.place?.address, data.timeCommitment].filter(Boolean).join(' '),
    ),
    municipality_id: data.municipalityId,
    place_name: data.place?.name ?? null,
    place_address: data.place?.address ?? null,
    remote: data.remote,
    starts_at: data.startsAt === null ? null : new Date(data.startsAt),
    ends_at: data.endsAt === null ? null : new Date(data.endsAt),
    time_commitment: data.timeCommitment,
    skills: data.skills.map((skill) => skill.trim()),
    people_needed: data.peopleNeeded,
    urgent: data.urgent,
    contact_role: data.contactRole,
    published: data.published,
    approval_required: data.approvalRequired,
    reminder_hours: data.reminderHours,
  };
}
