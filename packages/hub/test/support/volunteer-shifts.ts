import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import type { HubOptions } from '../../src/app.js';
import { fromNow, now } from './clock.js';
import { startMailedHub, type MailedHub } from './mailed-hub.js';
import type { ReceivedMail } from './mail.js';
import { needBody, volunteerClient, type NeedJson } from './volunteering.js';
import { jsonWithKey } from './writes.js';

const HOUR = 3_600_000;

export interface ShiftJson {
  id: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  placesTaken: number;
  placesFree: number;
  status: string;
}

/**
 * A mailed test Hub with the helpers of the volunteer's side of shifts: a need of a demo club,
 * its shifts, sign-ups through the API as the board sends them, the personal link in a mail.
 */
export async function startShiftsHub(options: Partial<Omit<HubOptions, 'database'>> = {}) {
  const mailed: MailedHub = await startMailedHub(options);
  const { hub } = mailed;
  const client = volunteerClient(hub);
  const club = await client.organizationId('TSV Ochsenfurt 1862 e.V.');
  const admin = jsonWithKey(hub.adminToken);

  return {
    ...mailed,
    client,
    club,
    /** A need of the club, running from now for 30 days. */
    async need(overrides: Record<string, unknown> = {}): Promise<NeedJson> {
      return client.created(club, needBody({ startsAt: fromNow(HOUR), endsAt: fromNow(30 * 24 * HOUR), ...overrides }));
    },
    /** One shift three hours long, starting on the full hour at least `inHours` from the Hub's now. */
    async shift(needId: string, inHours: number, capacity = 4, label?: string): Promise<ShiftJson> {
      const start = Math.ceil((now().getTime() + inHours * HOUR) / HOUR) * HOUR;
      const response = await fetch(`${hub.baseUrl}/volunteer-needs/${needId}/shifts`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({
          startsAt: new Date(start).toISOString(),
          endsAt: new Date(start + 3 * HOUR).toISOString(),
          capacity,
          ...(label ? { label } : {}),
        }),
      });
      assert.equal(response.status, 201, await response.clone().text());
      return ((await response.json()) as { items: ShiftJson[] }).items[0]!;
    },
    async shifts(needId: string): Promise<ShiftJson[]> {
      return ((await (await fetch(`${hub.baseUrl}/volunteer-needs/${needId}/shifts`)).json()) as { items: ShiftJson[] }).items;
    },
    patchShift(needId: string, shiftId: string, body: Record<string, unknown>): Promise<Response> {
      return fetch(`${hub.baseUrl}/volunteer-needs/${needId}/shifts/${shiftId}`, {
        method: 'PATCH',
        headers: admin,
        body: JSON.stringify(body),
      });
    },
    /** Signs `email` up for the shifts, as the volunteer board does; returns the response's id. */
    async signUp(need: NeedJson, shiftIds: string[], person: { name: string; email: string | null }): Promise<string> {
      const body = await client.responseBody(need, { ...person, shiftIds });
      if (person.email === null) delete body['email'];
      const response = await client.respond(need.id, body);
      assert.equal(response.status, 201, await response.clone().text());
      const row = await hub.database.db
        .selectFrom('volunteer_responses')
        .select('id')
        .where('need_id', '=', need.id)
        .where('name', '=', person.name)
        .executeTakeFirstOrThrow();
      return row.id;
    },
    /** The "Meine Einsätze" link in a mail, on the test Hub. */
    personalLink: (mail: ReceivedMail) => mailed.linkIn(mail, '/einsaetze/'),
  };
}

export type ShiftsHub = Awaited<ReturnType<typeof startShiftsHub>>;

/** The VEVENTs of an .ics file, as a calendar app reads them (ical.js). */
export function calendarEvents(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return { uid: event.uid, summary: event.summary, start: event.startDate.toJSDate(), end: event.endDate.toJSDate() };
  });
}

/** The .ics attached to a mail. */
export function calendarOf(mail: ReceivedMail): string {
  const file = mail.attachments.find((attachment) => attachment.filename.endsWith('.ics'));
  assert.ok(file, `an .ics attachment in "${mail.subject}"`);
  assert.match(file.contentType, /^text\/calendar/);
  return file.content;
}
