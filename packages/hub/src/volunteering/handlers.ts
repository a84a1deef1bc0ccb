import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { mayRead, mayReadDrafts } from '../auth/authorize.js';
import { ProofOfWork, type ProofDifficulty } from '../citizen/proof-of-work.js';
import type { Database } from '../db/schema.js';
import { parseBound } from '../events/occurrences.js';
import type { Handlers, Schemas } from '../http/api.js';
import { sendCsv, wantsCsv } from '../http/csv.js';
import type { Page } from '../http/listing.js';
import { writeIfUnchanged } from '../http/preconditions.js';
import { withoutSaving } from '../http/preview.js';
import { invalidBody, ProblemError } from '../http/problems.js';
import type { Outbox } from '../mail/outbox.js';
import { existingOrganization, knownMunicipalities } from '../orgs/lookups.js';
import { pageLanguage } from '../system/manage.js';
import { scheduleRetentionPurge } from '../system/jobs.js';
import { checkNeed, completeInput, dataFromRow, toNeed, type NeedData } from './model.js';
import { shiftHandlers, type ShiftOperations } from './shifts/handlers.js';
import { signupsOfResponses, upcomingShiftsOfNeeds } from './shifts/queries.js';
import {
  allResponses,
  deleteNeed,
  deleteResponse,
  findNeed,
  findResponse,
  insertNeed,
  listNeeds,
  listOrganizationNeeds,
  listResponses,
  updateNeed,
  type NeedRow,
  type ResponseRow,
} from './queries.js';
import { applyDecision } from './decisions.js';
import { DEFAULT_RETENTION_DAYS, purgeResponses } from './retention.js';
import { assertTakesResponses, responseProofSubject, responsesCsv, submitResponse, toResponse } from './responses.js';
import * as clock from '../clock.js';

type VolunteerOperations =
  | 'listVolunteerNeeds'
  | 'getVolunteerNeed'
  | 'listOrganizationVolunteerNeeds'
  | 'createVolunteerNeed'
  | 'updateVolunteerNeed'
  | 'deleteVolunteerNeed'
  | 'previewVolunteerNeed'
  | 'getVolunteerNeedChallenge'
  | 'createVolunteerResponse'
  | 'listVolunteerResponses'
  | 'updateVolunteerResponse'
  | 'deleteVolunteerResponse'
  | ShiftOperations;

export interface VolunteerOptions {
  /** Signs proof-of-work challenges; Hubs behind one load balancer need the same one. */
  proofSecret?: string | undefined;
  proofDifficulty?: ProofDifficulty | undefined;
  /** Days after a need ended until its responses are deleted (default 90). */
  retentionDays?: number | undefined;
  /** How often the Hub deletes expired responses (default every 6 hours; 0 never, e.g. in tests). */
  purgeIntervalMs?: number | undefined;
}

export interface Volunteering {
  handlers: Pick<Handlers, VolunteerOperations>;
  /** Stops the scheduled jobs and waits for a running one; before the database closes. */
  stop: () => Promise<void>;
}

const SIX_HOURS_MS = 6 * 3_600_000;

const needEntry = (id: string) => ({ table: 'volunteer_needs', id, noun: 'volunteer need' }) as const;

const needNotFound = (id: string) => new ProblemError('not-found', `There is no volunteer need "${id}".`);

/** Volunteer needs, responses with their e-mail to the organization (through the Hub's outbox) and the retention job. */
export function volunteering(db: Kysely<Database>, options: VolunteerOptions, log: FastifyBaseLogger, outbox: Outbox): Volunteering {
  const proofOfWork = new ProofOfWork(options.proofSecret, options.proofDifficulty);
  const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const retention = scheduleRetentionPurge(
    'volunteer responses',
    () => purgeResponses(db, retentionDays),
    options.purgeIntervalMs ?? SIX_HOURS_MS,
    log,
  );

  async function existingResponse(organizationId: string, id: string): Promise<ResponseRow> {
    const row = await findResponse(db, organizationId, id);
    if (!row) throw new ProblemError('not-found', `The organization has no volunteer response "${id}".`);
    return row;
  }

  async function existingNeed(id: string, source: Kysely<Database> = db): Promise<NeedRow> {
    const row = await findNeed(source, id);
    if (!row) throw needNotFound(id);
    return row;
  }

  /** A need citizens may answer: a draft is not there for them yet. */
  async function publishedNeed(id: string): Promise<NeedRow> {
    const row = await existingNeed(id);
    if (!row.published) throw needNotFound(id);
    return row;
  }

  /** Needs as the API shows them, each with its upcoming shifts: one query for all of them. */
  async function shownNeeds(source: Kysely<Database>, rows: NeedRow[], now: Date) {
    const shifts = await upcomingShiftsOfNeeds(
      source,
      rows.map((row) => row.id),
      now,
    );
    return rows.map((row) => toNeed(row, shifts.get(row.id) ?? [], now));
  }

  async function shownPage(page: Page<NeedRow>, now: Date): Promise<Page<Schemas['VolunteerNeed']>> {
    return { ...page, items: await shownNeeds(db, page.items, now) };
  }

  /** The need as it is now (after a write). */
  async function shownNeed(id: string, source: Kysely<Database> = db): Promise<Schemas['VolunteerNeed']> {
    const now = clock.now();
    const [need] = await shownNeeds(source, [(await findNeed(source, id))!], now);
    return need!;
  }

  /** Responses as their organization sees them, each with its sign-ups: one query for all of them. */
  async function shownResponses(rows: ResponseRow[]): Promise<Schemas['VolunteerResponse'][]> {
    const signups = await signupsOfResponses(
      db,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toResponse(row, retentionDays, signups.get(row.id) ?? []));
  }

  async function checkedNeed(data: NeedData, source: Kysely<Database> = db): Promise<NeedData> {
    const errors = checkNeed(data, await knownMunicipalities(source, data.municipalityId === null ? [] : [data.municipalityId]));
    if (errors.length > 0) throw invalidBody(errors);
    return data;
  }

  const handlers: Volunteering['handlers'] = {
    async listVolunteerNeeds(request) {
      const { from, to } = request.query;
      // One moment for the filter and the statuses in the answer, so they agree at a need's end.
      const now = clock.now();
      const filters = {
        ...request.query,
        from: from === undefined ? undefined : parseBound(from, 'from'),
        to: to === undefined ? undefined : parseBound(to, 'to'),
      };
      return shownPage(await listNeeds(db, filters, request.query, now), now);
    },

    async getVolunteerNeed(request) {
      const row = await existingNeed(request.params.volunteerNeedId);
      if (!mayRead(request, row)) throw needNotFound(row.id);
      const [need] = await shownNeeds(db, [row], clock.now());
      return need!;
    },

    async listOrganizationVolunteerNeeds(request) {
      const { organizationId } = request.params;
      await existingOrganization(db, organizationId);
      // One moment for every status on the page.
      const now = clock.now();
      const options = { ...request.query, drafts: mayReadDrafts(request) };
      return shownPage(await listOrganizationNeeds(db, organizationId, options, now), now);
    },

    async createVolunteerNeed(request, reply) {
      const { organizationId } = request.params;
      // The contract requires these fields; the generated type of an allOf does not carry that over.
      const input = request.body as Parameters<typeof completeInput>[0];
      const id = await insertNeed(db, organizationId, await checkedNeed(completeInput(input)));
      reply.code(201).header('Location', `/volunteer-needs/${id}`);
      return shownNeed(id);
    },

    async updateVolunteerNeed(request) {
      const row = await existingNeed(request.params.volunteerNeedId);
      const { status, ...fields } = request.body;
      const data = await checkedNeed({ ...dataFromRow(row), ...fields });
      const close = status === undefined ? undefined : status === 'closed';
      await writeIfUnchanged(db, request, needEntry(row.id), (trx) => updateNeed(trx, row.id, data, close));
      return shownNeed(row.id);
    },

    async deleteVolunteerNeed(request, reply) {
      const row = await existingNeed(request.params.volunteerNeedId);
      await writeIfUnchanged(db, request, needEntry(row.id), (trx) => deleteNeed(trx, row.id));
      reply.code(204);
    },

    async previewVolunteerNeed(request) {
      const { organizationId } = request.params;
      const { need: input, replaces } = request.body;
      return withoutSaving(db, 'need', async (trx) => {
        let id: string;
        if (replaces === undefined) {
          // As createVolunteerNeed: the contract requires these fields, the generated type of an allOf does not say so.
          const data = await checkedNeed(completeInput(input as Parameters<typeof completeInput>[0]), trx);
          id = await insertNeed(trx, organizationId, { ...data, published: true });
        } else {
          const row = await existingNeed(replaces, trx);
          if (row.organization_id !== organizationId) throw needNotFound(replaces);
          // As updateVolunteerNeed merges: the stored need with the sent fields replaced; its accepted
          // responses and whether it was closed stay, so people still needed and the status are the saved ones'.
          const data = await checkedNeed({ ...dataFromRow(row), ...input }, trx);
          await updateNeed(trx, row.id, { ...data, published: true }, undefined);
          id = row.id;
        }
        return shownNeed(id, trx);
      });
    },

    async getVolunteerNeedChallenge(request, reply) {
      const need = await publishedNeed(request.params.volunteerNeedId);
      assertTakesResponses(need);
      proofOfWork.pruneUsed(db);
      reply.header('Cache-Control', 'no-store');
      return proofOfWork.challenge(responseProofSubject(need.id));
    },

    async createVolunteerResponse(request, reply) {
      const need = await publishedNeed(request.params.volunteerNeedId);
      const { receipt, replayed, stored } = await submitResponse(
        db,
        proofOfWork,
        need,
        request.headers['idempotency-key'],
        request.body,
        retentionDays,
        // What the volunteer's browser speaks, for the mail about the decision; unknown without the header.
        request.headers['accept-language'] ? pageLanguage(request.headers['accept-language']) : null,
      );
      if (stored) outbox.kick();
      reply.code(201);
      if (replayed) reply.header('Idempotent-Replayed', 'true');
      return receipt;
    },

    async listVolunteerResponses(request, reply) {
      const { organizationId } = request.params;
      // Personal data: no shared cache keeps a copy.
      reply.header('Cache-Control', 'no-store');
      if (wantsCsv(request)) {
        const rows = await allResponses(db, organizationId, request.query);
        return sendCsv(reply, responsesCsv(await shownResponses(rows)), 'volunteer-responses');
      }
      const page = await listResponses(db, organizationId, request.query, request.query);
      return { ...page, items: await shownResponses(page.items) };
    },

    async updateVolunteerResponse(request, reply) {
      const { organizationId, volunteerResponseId } = request.params;
      const row = await existingResponse(organizationId, volunteerResponseId);
      if (await applyDecision(db, row, request.body)) outbox.kick();
      reply.header('Cache-Control', 'no-store');
      const [response] = await shownResponses([(await findResponse(db, organizationId, volunteerResponseId))!]);
      return response!;
    },

    async deleteVolunteerResponse(request, reply) {
      const row = await existingResponse(request.params.organizationId, request.params.volunteerResponseId);
      await deleteResponse(db, row.id, row.need_id);
      return reply.code(204).send();
    },

    ...shiftHandlers(db, outbox),
  };

  return {
    handlers,
    stop: () => retention.stop(),
  };
}
