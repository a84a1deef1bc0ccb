import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { mayRead } from '../../auth/authorize.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import type { Handlers } from '../../http/api.js';
import { sendCsv, wantsCsv } from '../../http/csv.js';
import { fieldError, invalidBody, ProblemError } from '../../http/problems.js';
import { enqueueMail, type Outbox } from '../../mail/outbox.js';
import { findNeed, type NeedRow } from '../queries.js';
import { queueShiftChangeMails } from '../self-service/notify.js';
import { checkShift, shiftData, toShift } from './model.js';
import { deleteShift, findShift, hasSignups, insertShifts, listShifts, lockedShift, shiftsByIds, updateShift } from './queries.js';
import { checkRule, expandSeries } from './series.js';
import { findOrganizationShift, findOrganizationSignup, isOnShift, markAttendance, rosterCsv, rosterOf, toSignup } from './roster.js';
import * as clock from '../../clock.js';

export type ShiftOperations =
  | 'listVolunteerShifts'
  | 'createVolunteerShifts'
  | 'updateVolunteerShift'
  | 'deleteVolunteerShift'
  | 'listVolunteerShiftSignups'
  | 'updateVolunteerSignup'
  | 'sendVolunteerShiftMessage';

const needNotFound = (id: string) => new ProblemError('not-found', `There is no volunteer need "${id}".`);
const shiftNotFound = (id: string) => new ProblemError('not-found', `There is no shift "${id}" of this need.`);
const organizationShiftNotFound = (id: string) => new ProblemError('not-found', `The organization has no shift "${id}".`);

/**
 * Shifts of a need (public list; writing needs `volunteer-needs:write`) and the organization's
 * roster, attendance and messages (`volunteer-responses:manage`). Who may call is decided before
 * a handler runs (auth/authorize.ts); the handlers check that the shift is the path's.
 */
export function shiftHandlers(db: Kysely<Database>, outbox: Outbox): Pick<Handlers, ShiftOperations> {
  async function existingNeed(id: string): Promise<NeedRow> {
    const row = await findNeed(db, id);
    if (!row) throw needNotFound(id);
    return row;
  }

  async function organizationShift(organizationId: string, shiftId: string) {
    const shift = await findOrganizationShift(db, organizationId, shiftId);
    if (!shift) throw organizationShiftNotFound(shiftId);
    return shift;
  }

  return {
    async listVolunteerShifts(request) {
      const need = await existingNeed(request.params.volunteerNeedId);
      if (!mayRead(request, need)) throw needNotFound(need.id);
      const now = clock.now();
      return { items: (await listShifts(db, need.id)).map((row) => toShift(row, now)) };
    },

    async createVolunteerShifts(request, reply) {
      const need = await existingNeed(request.params.volunteerNeedId);
      // The contract requires these fields; the generated type of an allOf does not carry that over.
      const { rule, ...fields } = request.body as typeof request.body & { startsAt: string; endsAt: string; capacity: number };
      const first = shiftData(fields);
      const errors = [...checkShift(first), ...(rule === undefined ? [] : checkRule(rule))];
      if (errors.length > 0) throw invalidBody(errors);
      let times = [first];
      if (rule !== undefined) {
        try {
          times = expandSeries(first, rule, need.ends_at).map((time) => ({ ...first, ...time }));
        } catch (error) {
          throw invalidBody([fieldError('/rule', 'invalid-rule', `cannot be expanded: ${(error as Error).message}`)]);
        }
        if (times.length === 0) throw invalidBody([fieldError('/rule', 'no-shifts', 'makes no shift before the need ends')]);
      }
      const ids = await insertShifts(db, need.id, rule === undefined ? null : randomUUID(), times);
      reply.code(201);
      const now = clock.now();
      return { items: (await shiftsByIds(db, ids)).map((row) => toShift(row, now)) };
    },

    async updateVolunteerShift(request) {
      const { volunteerNeedId, volunteerShiftId } = request.params;
      const { cancelled, ...fields } = request.body;
      const changed = await inTransaction(db, async (trx) => {
        // Locked: no sign-up takes a place between the count and the new capacity.
        const shift = await lockedShift(trx, volunteerNeedId, volunteerShiftId);
        if (!shift) throw shiftNotFound(volunteerShiftId);
        const data = shiftData(fields, shift);
        const errors = checkShift(data);
        if (data.capacity < shift.places_taken) {
          errors.push(
            fieldError(
              '/capacity',
              'below-places-taken',
              `must be at least ${shift.places_taken}: that many places are taken`,
              shift.places_taken,
            ),
          );
        }
        if (errors.length > 0) throw invalidBody(errors);
        const cancels = cancelled === true && shift.cancelled_at === null;
        const reopens = cancelled === false && shift.cancelled_at !== null;
        const cancelledAt = cancels ? clock.now() : reopens ? null : shift.cancelled_at;
        const moved = data.startsAt.getTime() !== shift.starts_at.getTime() || data.endsAt.getTime() !== shift.ends_at.getTime();
        await updateShift(trx, shift.id, data, cancelledAt);
        // Everyone on it is told, in the same transaction as the change; a reopened shift is on again,
        // at its (maybe new) time, with reminders, as after a move.
        if (cancels) await queueShiftChangeMails(trx, shift.id, 'cancelled');
        else if (cancelledAt === null && (moved || reopens)) await queueShiftChangeMails(trx, shift.id, 'moved');
        return cancels || reopens || moved;
      });
      if (changed) outbox.kick();
      return toShift((await findShift(db, volunteerNeedId, volunteerShiftId))!);
    },

    async deleteVolunteerShift(request, reply) {
      const { volunteerNeedId, volunteerShiftId } = request.params;
      await inTransaction(db, async (trx) => {
        const shift = await lockedShift(trx, volunteerNeedId, volunteerShiftId);
        if (!shift) throw shiftNotFound(volunteerShiftId);
        if (await hasSignups(trx, shift.id)) {
          throw new ProblemError('conflict', 'People signed up for this shift: cancel it instead (`cancelled: true`), so they are told.');
        }
        await deleteShift(trx, shift.id);
      });
      return reply.code(204).send();
    },

    async listVolunteerShiftSignups(request, reply) {
      const { organizationId, volunteerShiftId } = request.params;
      const shift = await organizationShift(organizationId, volunteerShiftId);
      // Personal data: no shared cache keeps a copy. The read is audited by the contract's `x-personal-data`.
      reply.header('Cache-Control', 'no-store');
      const rows = await rosterOf(db, shift.id);
      if (wantsCsv(request)) return sendCsv(reply, rosterCsv(rows), 'volunteer-shift-roster');
      return { items: rows.map(toSignup) };
    },

    async updateVolunteerSignup(request, reply) {
      const { organizationId, volunteerSignupId } = request.params;
      const signup = await findOrganizationSignup(db, organizationId, volunteerSignupId);
      if (!signup) throw new ProblemError('not-found', `The organization has no sign-up "${volunteerSignupId}".`);
      const now = clock.now();
      if (signup.shift_starts_at > now) {
        throw invalidBody([fieldError('/attended', 'before-start', 'can be marked from the start of the shift on')]);
      }
      await markAttendance(db, signup.id, request.body.attended, now);
      reply.header('Cache-Control', 'no-store');
      return toSignup((await findOrganizationSignup(db, organizationId, signup.id))!);
    },

    async sendVolunteerShiftMessage(request, reply) {
      const { organizationId, volunteerShiftId } = request.params;
      const shift = await organizationShift(organizationId, volunteerShiftId);
      const message = request.body.message.trim();
      if (message === '') throw invalidBody([fieldError('/message', 'blank', 'must not be blank')]);
      const onShift = (await rosterOf(db, shift.id)).filter(isOnShift);
      const reachable = onShift.filter((row) => row.email !== null);
      await inTransaction(db, async (trx) => {
        for (const row of reachable) {
          // The words travel in the outbox row only; the rest is read from the sign-up when sent,
          // and deleting the sign-up deletes its pending mail.
          await enqueueMail(trx, {
            kind: 'volunteer-shift-message',
            to: row.email!,
            language: row.language ?? 'de',
            payload: { message },
            volunteerResponseId: row.response_id,
            volunteerSignupId: row.id,
          });
        }
      });
      if (reachable.length > 0) outbox.kick();
      reply.code(202);
      return { sent: reachable.length, withoutEmail: onShift.length - reachable.length };
    },
  };
}
