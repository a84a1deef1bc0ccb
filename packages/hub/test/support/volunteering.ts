import type { Schema } from '@smart-region/sdk';
import { expectDocumented } from './contract.js';
import type { TestHub } from './hub.js';
import { citizenPost, jsonWithKey, organizationWrites, solvedProof, type SolvedProof } from './writes.js';
import { fromNow } from './clock.js';

export type NeedJson = Schema<'VolunteerNeed'>;
export type ShiftJson = Schema<'VolunteerShift'>;

const HOUR = 3_600_000;

/** A shift body `inHours` from the Hub's now, `hours` long; tests override what they are about. */
export function shiftBody(inHours: number, overrides: Record<string, unknown> = {}, hours = 3): Record<string, unknown> {
  return { startsAt: fromNow(inHours * HOUR), endsAt: fromNow((inHours + hours) * HOUR), capacity: 4, ...overrides };
}

/** A need body open now; tests override what they are about. */
export function needBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Helfende für das Sommerfest',
    description: 'Aufbau, Ausschank und Abbau.',
    municipalityId: 'hoechberg',
    startsAt: fromNow(7 * 86_400_000),
    endsAt: fromNow(7 * 86_400_000 + 4 * 3_600_000),
    skills: ['Aufbau'],
    peopleNeeded: 2,
    ...overrides,
  };
}

/** Helpers bound to one test Hub. */
export function volunteerClient(hub: TestHub) {
  const writes = organizationWrites(hub, 'volunteer-needs', 'createVolunteerNeed');
  return {
    ...writes,
    created: (organization: string, body: unknown = needBody()) => writes.created(organization, body),
    patch(needId: string, body: unknown, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/volunteer-needs/${needId}`, { method: 'PATCH', headers: jsonWithKey(key), body: JSON.stringify(body) });
    },
    async need(needId: string): Promise<NeedJson> {
      return expectDocumented(await fetch(`${hub.baseUrl}/volunteer-needs/${needId}`), 'getVolunteerNeed');
    },
    /** A solved challenge, as the widget sends it: the work really is done here. */
    proof(needId: string): Promise<SolvedProof> {
      return solvedProof(hub, `/volunteer-needs/${needId}/challenge`);
    },
    /** A complete, valid response body for the need (with a fresh proof). */
    async responseBody(need: NeedJson, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
      return {
        name: 'Erika Mustermann',
        email: 'erika.mustermann@example.org',
        phone: '+49 931 555 0199',
        message: 'Ich kann beim Aufbau helfen.',
        consent: { accepted: true, privacyNoticeVersion: need.privacyNotice?.version ?? 'none' },
        proof: await this.proof(need.id),
        ...overrides,
      };
    },
    respond(needId: string, body: unknown, idempotencyKey?: string | null): Promise<Response> {
      return citizenPost(hub, `/volunteer-needs/${needId}/responses`, body, idempotencyKey);
    },
    /** With a key of the organization holding `volunteer-responses:manage`: a region admin (the admin token) reads none. */
    responses(organizationId: string, key: string, query = '', accept = 'application/json'): Promise<Response> {
      return fetch(`${hub.baseUrl}/organizations/${organizationId}/volunteer-responses${query}`, {
        headers: { authorization: `Bearer ${key}`, accept },
      });
    },
    /** PATCH a decision, e.g. `{ status: 'accepted', message: '…' }`. */
    decide(organizationId: string, responseId: string, body: Record<string, unknown>, key: string): Promise<Response> {
      return fetch(`${hub.baseUrl}/organizations/${organizationId}/volunteer-responses/${responseId}`, {
        method: 'PATCH',
        headers: jsonWithKey(key),
        body: JSON.stringify(body),
      });
    },
    /** POST one shift or a series (`rule`) to the need, with the admin token unless a key is given. */
    createShifts(needId: string, body: unknown, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/volunteer-needs/${needId}/shifts`, {
        method: 'POST',
        headers: jsonWithKey(key),
        body: JSON.stringify(body),
      });
    },
    /** The shifts made, as the contract documents them. */
    async shiftsMade(needId: string, body: unknown): Promise<ShiftJson[]> {
      return (await expectDocumented(await this.createShifts(needId, body), 'createVolunteerShifts', 201)).items;
    },
    async shifts(needId: string): Promise<ShiftJson[]> {
      return (await expectDocumented(await fetch(`${hub.baseUrl}/volunteer-needs/${needId}/shifts`), 'listVolunteerShifts')).items;
    },
    patchShift(needId: string, shiftId: string, body: unknown, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/volunteer-needs/${needId}/shifts/${shiftId}`, {
        method: 'PATCH',
        headers: jsonWithKey(key),
        body: JSON.stringify(body),
      });
    },
    deleteShift(needId: string, shiftId: string, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/volunteer-needs/${needId}/shifts/${shiftId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${key}` },
      });
    },
    /** A shift's roster, with a key holding `volunteer-responses:manage`. */
    roster(organizationId: string, shiftId: string, key: string, accept = 'application/json'): Promise<Response> {
      return fetch(`${hub.baseUrl}/organizations/${organizationId}/volunteer-shifts/${shiftId}/signups`, {
        headers: { authorization: `Bearer ${key}`, accept },
      });
    },
    attend(organizationId: string, signupId: string, attended: boolean | null, key: string): Promise<Response> {
      return fetch(`${hub.baseUrl}/organizations/${organizationId}/volunteer-signups/${signupId}`, {
        method: 'PATCH',
        headers: jsonWithKey(key),
        body: JSON.stringify({ attended }),
      });
    },
    message(organizationId: string, shiftId: string, message: string, key: string): Promise<Response> {
      return fetch(`${hub.baseUrl}/organizations/${organizationId}/volunteer-shifts/${shiftId}/messages`, {
        method: 'POST',
        headers: jsonWithKey(key),
        body: JSON.stringify({ message }),
      });
    },
    remove(organizationId: string, responseId: string, key: string): Promise<Response> {
      return fetch(`${hub.baseUrl}/organizations/${organizationId}/volunteer-responses/${responseId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${key}` },
      });
    },
  };
}
