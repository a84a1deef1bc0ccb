import { fixture, html, waitUntil } from '@open-wc/testing';
import type { Schema } from '@smart-region/sdk';
import { sendKeys } from '@web/test-runner-commands';
import { solveProof } from '../src/core/proof.js';
import type { SrVolunteerBoard } from '../src/volunteer-board/volunteer-board.js';
import { $, $$, hubJson, loaded } from './helpers.js';
import { organizerKey, testServers } from './test-servers.js';

export type VolunteerNeed = Schema<'VolunteerNeed'>;
export type VolunteerShift = Schema<'VolunteerShift'>;

/** `<sr-volunteer-board>` on the test Hub, once it shows needs. */
export async function showBoard(attributes: Record<string, string> = {}): Promise<SrVolunteerBoard> {
  const { hubUrl } = await testServers();
  const board = document.createElement('sr-volunteer-board');
  board.setAttribute('hub-url', hubUrl);
  for (const [name, value] of Object.entries(attributes)) board.setAttribute(name, value);
  await fixture(html`<div>${board}</div>`);
  await loaded(board);
  return board;
}

export const titles = (board: Element) => $$(board, '[part~="need-title"]').map((title) => title.textContent.trim());
export const dialogOf = (board: Element) => $<HTMLDialogElement>(board, 'dialog');

/** The card of the need with this title. */
export const cardOf = (board: Element, title: string) =>
  $$(board, '[part~="need"]').find((need) => need.querySelector('[part~="need-title"]')!.textContent.trim() === title)!;

/** Opens "Ich helfe mit" of the need with this title, by keyboard. */
export async function offerHelp(board: SrVolunteerBoard, title: string): Promise<void> {
  cardOf(board, title).querySelector<HTMLElement>('[part~="help-button"]')!.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => dialogOf(board).open, 'form not open');
}

export async function typeInto(board: Element, id: string, text: string): Promise<void> {
  $(board, `#${id}`).focus();
  await sendKeys({ type: text });
}

/** A shift `inHours` from the page's (pinned) now, `hours` long. */
export interface ShiftPlan {
  inHours: number;
  hours?: number;
  capacity: number;
  label?: string;
}

/** A need with shifts, posted by an organization that takes responses, with its key. */
export interface ShiftNeed {
  need: VolunteerNeed;
  shifts: VolunteerShift[];
  key: string;
}

const hour = 3_600_000;

/** Posts a need with these shifts (by start) through the API, as an organization's key does. */
export async function postShiftNeed(plans: ShiftPlan[], { approvalRequired = false } = {}): Promise<ShiftNeed> {
  const { items } = await hubJson<{ items: VolunteerNeed[] }>('/volunteer-needs?limit=100');
  const { organizationId } = items.find((item) => item.privacyNotice)!.organization;
  const key = await organizerKey(organizationId);
  const write = (path: string, body: unknown) =>
    hubJson<{ id: string }>(path, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const { id } = await write(`/organizations/${organizationId}/volunteer-needs`, {
    title: `Weinfest am Main ${Math.random().toString(36).slice(2, 8)}`,
    description: 'Ausschank und Abbau, in Schichten.',
    municipalityId: 'ochsenfurt',
    peopleNeeded: plans.reduce((sum, plan) => sum + plan.capacity, 0),
    approvalRequired,
  });
  for (const { inHours, hours = 3, capacity, label } of plans) {
    await write(`/volunteer-needs/${id}/shifts`, {
      startsAt: new Date(Date.now() + inHours * hour).toISOString(),
      endsAt: new Date(Date.now() + (inHours + hours) * hour).toISOString(),
      capacity,
      ...(label ? { label } : {}),
    });
  }
  const need = await hubJson<VolunteerNeed>(`/volunteer-needs/${id}`);
  return { need, shifts: need.shifts, key };
}

/** Someone else signs up for `shiftId` through the API, with a proof really solved. */
export async function signUpElsewhere(need: VolunteerNeed, shiftId: string): Promise<void> {
  const challenge = await hubJson<Schema<'ProofChallenge'>>(`/volunteer-needs/${need.id}/challenge`);
  await hubJson(`/volunteer-needs/${need.id}/responses`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({
      name: 'Schnelle Helferin',
      phone: '0931 555000',
      shiftIds: [shiftId],
      consent: { accepted: true, privacyNoticeVersion: need.privacyNotice!.version },
      proof: await solveProof(challenge),
    }),
  });
}

/** The organization cancels the shift, through the API. */
export async function cancelShift({ need, key }: ShiftNeed, shiftId: string): Promise<void> {
  await hubJson(`/volunteer-needs/${need.id}/shifts/${shiftId}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ cancelled: true }),
  });
}

/** The organization's responses to the need, by the volunteer's name, with their shifts. */
export async function responsesBy(shiftNeed: ShiftNeed, name: string): Promise<Schema<'VolunteerResponse'>[]> {
  const { organizationId } = shiftNeed.need.organization;
  const { items } = await hubJson<{ items: Schema<'VolunteerResponse'>[] }>(
    `/organizations/${organizationId}/volunteer-responses?need=${shiftNeed.need.id}&limit=100`,
    { headers: { Authorization: `Bearer ${shiftNeed.key}` } },
  );
  return items.filter((response) => response.name === name);
}
