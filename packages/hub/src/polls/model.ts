import type { Schemas } from '../http/api.js';
import { fieldError, type FieldError } from '../http/problems.js';
import { unknownMunicipality, type KnownMunicipalities } from '../orgs/lookups.js';
import type { PollRow } from './queries.js';
import * as clock from '../clock.js';

export type PollStatus = Schemas['PollStatus'];
type PollFields = Schemas['PollFields'];

/** What a poll's status is at `now`: from its window, unless the organizer closed or archived it. */
export function pollStatus(row: Pick<PollRow, 'opens_at' | 'closes_at' | 'closed_at' | 'archived_at'>, now = clock.now()): PollStatus {
  if (row.archived_at !== null) return 'archived';
  if (row.closed_at !== null || row.closes_at <= now) return 'closed';
  return row.opens_at <= now ? 'open' : 'draft';
}

/** The moment a closed poll closed: early by the organizer, or at the end of its window. */
export function closingTime(row: Pick<PollRow, 'closes_at' | 'closed_at'>): Date {
  return row.closed_at !== null && row.closed_at < row.closes_at ? row.closed_at : row.closes_at;
}

export function toPoll(row: PollRow, now = clock.now()): Schemas['Poll'] {
  return {
    id: row.id,
    shortCode: row.short_code,
    organizer: { organizationId: row.organization_id, name: row.organizer_name },
    question: row.question,
    description: row.description,
    easyReadSummary: row.easy_read_summary,
    municipalityId: row.municipality_id,
    kind: row.kind,
    maxChoices: row.max_choices,
    options: row.options.map((option) => ({ id: option.id, label: option.label, description: option.description })),
    opensAt: row.opens_at.toISOString(),
    closesAt: row.closes_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    status: pollStatus(row, now),
    participation: row.participation,
    resultsVisibility: row.results_visibility,
    isExample: row.is_example,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A poll's writable fields, complete: what is checked and stored. */
export interface PollData {
  question: string;
  description: string | null;
  easyReadSummary: string | null;
  municipalityId: string | null;
  kind: Schemas['PollKind'];
  maxChoices: number;
  options: Schemas['PollOptionInput'][];
  opensAt: string;
  closesAt: string;
  participation: Schemas['PollParticipation'];
  resultsVisibility: Schemas['PollResultsVisibility'];
}

/** Fills in the defaults of a new poll; `maxChoices` is 1 for single choice, all options for multiple. */
export function completeInput(input: PollFields & Pick<PollData, 'question' | 'options' | 'opensAt' | 'closesAt'>): PollData {
  const kind = input.kind ?? 'single';
  return {
    question: input.question,
    description: input.description ?? null,
    easyReadSummary: input.easyReadSummary ?? null,
    municipalityId: input.municipalityId ?? null,
    kind,
    maxChoices: input.maxChoices ?? (kind === 'single' ? 1 : input.options.length),
    options: input.options,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    participation: input.participation ?? 'open',
    resultsVisibility: input.resultsVisibility ?? 'always',
  };
}

export function dataFromRow(row: PollRow): PollData {
  return {
    question: row.question,
    description: row.description,
    easyReadSummary: row.easy_read_summary,
    municipalityId: row.municipality_id,
    kind: row.kind,
    maxChoices: row.max_choices,
    options: row.options.map((option) => ({ label: option.label, description: option.description })),
    opensAt: row.opens_at.toISOString(),
    closesAt: row.closes_at.toISOString(),
    participation: row.participation,
    resultsVisibility: row.results_visibility,
  };
}

/** The rules across fields that the contract's schema cannot say. */
export function checkPoll(data: PollData, municipalities: KnownMunicipalities): FieldError[] {
  const errors: FieldError[] = [];
  if (data.kind === 'single' && data.maxChoices !== 1) {
    errors.push(fieldError('/maxChoices', 'single-choice-max', 'must be 1 for a single choice poll', 1));
  }
  if (data.kind === 'multiple' && (data.maxChoices < 2 || data.maxChoices > data.options.length)) {
    errors.push(
      fieldError(
        '/maxChoices',
        'max-choices-out-of-range',
        `must be between 2 and the number of options (${data.options.length}) for a multiple choice poll`,
        data.options.length,
      ),
    );
  }
  if (Date.parse(data.closesAt) <= Date.parse(data.opensAt)) {
    errors.push(fieldError('/closesAt', 'end-before-start', 'must be after opensAt'));
  }
  const labels = data.options.map((option) => option.label.trim().toLocaleLowerCase('de'));
  labels.forEach((label, index) => {
    if (label === '') errors.push(fieldError(`/options/${index}/label`, 'blank', 'must not be blank'));
    else if (labels.indexOf(label) !== index) errors.push(fieldError(`/options/${index}/label`, 'duplicate', 'repeats an earlier option'));
  });
  if (data.question.trim().length < 3)
    errors.push(fieldError('/question', 'too-short', 'must have at least 3 characters besides spaces', 3));
  if (data.municipalityId !== null && !municipalities.has(data.municipalityId)) {
    errors.push(unknownMunicipality('/municipalityId', data.municipalityId));
  }
  return errors;
}
