import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { openDatabase } from '../src/db/connection.js';
import { migrate } from '../src/db/migrate.js';
import { seed } from '../src/orgs/seed/seed.js';
import { expectDocumented } from './support/contract.js';
import { eventBody, eventClient, type Occurrence } from './support/events.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { exited } from './support/processes.js';
import { expectProblem } from './support/problems.js';

const CRLF = '\r\n';
const ics = (...lines: string[]) => `${lines.join(CRLF)}${CRLF}`;
const calendar = (...events: string[][]) =>
  ics('BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Feed//DE', ...events.flat(), 'END:VCALENDAR');

/**
 * ical.js's `occurrenceDetails` as its documentation states it: its own types.d.ts imports `./time`
 * and `./event` without an extension, which NodeNext resolution cannot follow, so the fields
 * would arrive untyped.
 */
interface OccurrenceDetails {
  startDate: ICAL.Time;
  endDate: ICAL.Time;
  item: ICAL.Event;
}

/** What a calendar app would show: occurrences as ical.js itself expands the file. */
function expandWithIcalJs(text: string, fromMs: number, toMs: number): string[] {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const masters = new Map<string, ICAL.Event>();
  const exceptions: ICAL.Event[] = [];
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    if (event.isRecurrenceException()) exceptions.push(event);
    else masters.set(event.uid, event);
  }
  for (const exception of exceptions) masters.get(exception.uid)!.relateException(exception);
  const shown: string[] = [];
  const add = (start: ICAL.Time, end: ICAL.Time, item: ICAL.Event) => {
    const startMs = start.toUnixTime() * 1000;
    const endMs = end.toUnixTime() * 1000;
    if (startMs >= toMs || endMs <= fromMs) return;
    const status = item.component.getFirstPropertyValue('status') === 'CANCELLED' ? 'cancelled' : 'scheduled';
    const lastDay = end.clone();
    lastDay.adjust(-1, 0, 0, 0);
    const span = start.isDate
      ? `${start.toString()}..${lastDay.toString()}`
      : `${new Date(startMs).toISOString()}..${new Date(endMs).toISOString()}`;
    shown.push(`${span} ${item.summary} ${status}`);
  };
  for (const event of masters.values()) {
    if (!event.isRecurring()) {
      add(event.startDate, event.endDate, event);
      continue;
    }
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details: OccurrenceDetails = event.getOccurrenceDetails(next);
      add(details.startDate, details.endDate, details.item);
      if (next.toUnixTime() * 1000 > toMs + 7 * 86_400_000) break;
    }
  }
  return shown.sort();
}

/** The same view of the Hub's occurrences. */
function shownByHub(items: Occurrence[]): string[] {
  return items
    .map((item) => {
      const span = item.allDay
        ? `${item.start}..${item.end}`
        : `${new Date(item.start).toISOString()}..${new Date(item.end).toISOString()}`;
      return `${span} ${item.title} ${item.status}`;
    })
    .sort();
}

describe('iCalendar export and import', () => {
  let hub: TestHub;
  let client: ReturnType<typeof eventClient>;
  let exporter: string;
  let importer: string;

  /** The first page of an organization's events, as the contract documents it. */
  const eventsOf = async (organizationId: string) =>
    (await expectDocumented(await fetch(`${hub.baseUrl}/organizations/${organizationId}/events`), 'listOrganizationEvents')).items;

  before(async () => {
    hub = await startTestHub();
    client = eventClient(hub);
    exporter = await client.newOrganization('Gesangverein Randersacker');
    importer = await client.newOrganization('Heimatverein Randersacker');
    await client.created(
      exporter,
      eventBody({
        title: 'Chorprobe; Sopran, Alt\nund Männerstimmen',
        description: `Probe für das Adventskonzert – ${'Neue Stimmen sind willkommen, Noten werden gestellt. '.repeat(4)}`,
        start: '2026-03-03T19:30',
        end: '2026-03-03T21:00',
        recurrence: { rule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20261110T225959Z', exdates: ['2026-04-07T19:30'], rdates: ['2026-04-09T19:30'] },
        overrides: [
          { recurrenceId: '2026-03-24T19:30', status: 'cancelled' },
          { recurrenceId: '2026-10-27T19:30', start: '2026-10-28T18:00', end: '2026-10-28T20:00', title: 'Chorprobe (Mittwoch)' },
        ],
        link: 'https://gv-randersacker.example/chor',
      }),
    );
    await client.created(
      exporter,
      eventBody({ title: 'Weinfest', allDay: true, start: '2026-03-27', end: '2026-03-29', categories: ['market', 'culture'] }),
    );
    await client.created(
      exporter,
      eventBody({ title: 'Kirchweihtanz', start: '2026-10-24T20:00', end: '2026-10-25T03:00', status: 'cancelled' }),
    );
    await client.created(
      exporter,
      eventBody({
        title: 'Stammtisch',
        start: '2026-01-08T19:00',
        end: '2026-01-08T22:00',
        recurrence: { rule: 'FREQ=MONTHLY;BYDAY=2TH' },
      }),
    );
  });
  after(() => hub.close());

  test('the feed is valid iCalendar: CRLF, folded at 75 octets, VTIMEZONE, UID and DTSTAMP, escaped text', async () => {
    const response = await fetch(`${hub.baseUrl}/events.ics?organization=${exporter}&from=2026-01-01&to=2026-12-31`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
    const text = await response.text();
    assert.ok(text.startsWith(`BEGIN:VCALENDAR${CRLF}VERSION:2.0${CRLF}`));
    assert.ok(text.endsWith(`END:VCALENDAR${CRLF}`));
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'every line ends with CRLF');
    const lines = text.split(CRLF).slice(0, -1);
    assert.ok(
      lines.every((line) => Buffer.byteLength(line) <= 75),
      'no line over 75 octets',
    );
    assert.ok(
      lines.some((line) => line.startsWith(' ')),
      'long lines are folded',
    );
    assert.match(text, /BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin\r\n/);
    const unfolded = text.replace(/\r\n /g, '');
    assert.match(unfolded, /SUMMARY:Chorprobe\\; Sopran\\, Alt\\nund Männerstimmen\r\n/);
    assert.match(unfolded, /DTSTART;TZID=Europe\/Berlin:20260303T193000\r\n/);
    assert.match(unfolded, /RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20261110T225959Z\r\n/);
    assert.match(unfolded, /EXDATE;TZID=Europe\/Berlin:20260407T193000\r\n/);
    assert.match(unfolded, /RDATE;TZID=Europe\/Berlin:20260409T193000\r\n/);
    assert.match(unfolded, /RECURRENCE-ID;TZID=Europe\/Berlin:20260324T193000\r\n/);
    assert.match(unfolded, /DTSTART;VALUE=DATE:20260327\r\nDTEND;VALUE=DATE:20260330\r\n/, 'all-day DTEND is exclusive');
    assert.match(unfolded, /CATEGORIES:Markt und Feste,Kultur\r\n/);
    const vevents = unfolded.split('BEGIN:VEVENT').slice(1);
    assert.equal(vevents.length, 6);
    for (const vevent of vevents) {
      assert.match(vevent, /\r\nUID:[^\r]+\r\n/);
      assert.match(vevent, /\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    }
    // Unchanged data, unchanged feed: calendar apps revalidate cheaply.
    const etag = response.headers.get('etag')!;
    const again = await fetch(`${hub.baseUrl}/events.ics?organization=${exporter}&from=2026-01-01&to=2026-12-31`, {
      headers: { 'if-none-match': etag },
    });
    assert.equal(again.status, 304);
  });

  test('round trip: ical.js expands the exported feed to the same occurrences as GET /events', async () => {
    const from = '2026-01-01';
    const to = '2026-12-31';
    const text = await (await fetch(`${hub.baseUrl}/events.ics?organization=${exporter}&from=${from}&to=${to}`)).text();
    const items = await client.occurrences(from, to, `&organization=${exporter}`);
    const byHub = shownByHub(items);
    assert.ok(byHub.length > 40);
    assert.deepEqual(expandWithIcalJs(text, Date.parse('2026-01-01T00:00:00+01:00'), Date.parse('2026-12-31T00:00:00+01:00')), byHub);
  });

  test('one event as .ics, with its recurrence and overrides', async () => {
    const [chor] = (await client.occurrences('2026-03-01', '2026-03-04', `&organization=${exporter}`)).filter((item) =>
      item.title.startsWith('Chorprobe'),
    );
    const response = await fetch(`${hub.baseUrl}/events/${chor!.eventId}.ics`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="chorprobe-sopran-alt-und-mannerstimmen\.ics"$/);
    const text = (await response.text()).replace(/\r\n /g, '');
    assert.equal(text.match(/BEGIN:VEVENT/g)?.length, 3);
    assert.equal(new Set(text.match(/UID:.*/g)).size, 1);
    assert.match(text, /URL:https:\/\/gv-randersacker\.example\/chor/);
    assert.doesNotMatch(text, /Weinfest/);
  });

  test('an exported feed imported into another organization gives the same occurrences', async () => {
    const text = await (await fetch(`${hub.baseUrl}/events.ics?organization=${exporter}&from=2026-01-01&to=2026-12-31`)).text();
    const response = await client.importFeed(importer, text);
    assert.equal(response.status, 200, await response.clone().text());
    assert.deepEqual(await response.json(), { created: 4, updated: 0, unchanged: 0, removed: 0 });
    const original = shownByHub(await client.occurrences('2026-01-01', '2026-12-31', `&organization=${exporter}`));
    const imported = await client.occurrences('2026-01-01', '2026-12-31', `&organization=${importer}`);
    assert.deepEqual(shownByHub(imported), original);
    assert.ok(
      imported.every((item) => item.location?.municipalityId === 'randersacker'),
      'municipality found in LOCATION',
    );
    const events = await eventsOf(importer);
    const chor = events.find((event) => event.title.startsWith('Chorprobe'));
    assert.ok(chor);
    assert.equal(chor.imported, true);
    assert.deepEqual(
      chor.overrides.map((override) => override.recurrenceId),
      ['2026-03-24T19:30:00', '2026-10-27T19:30:00'],
    );
    assert.deepEqual(chor.overrides[0], { recurrenceId: '2026-03-24T19:30:00', status: 'cancelled' });
    assert.deepEqual(events.find((event) => event.title === 'Weinfest')?.categories, ['market', 'culture']);
  });

  describe('importing a feed again', () => {
    let org: string;
    const weekly = (title: string) => [
      'BEGIN:VEVENT',
      'UID:probe@verein.example',
      'DTSTAMP:20260101T000000Z',
      'DTSTART;TZID=Europe/Berlin:20260106T190000',
      'DTEND;TZID=Europe/Berlin:20260106T203000',
      'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=10',
      'EXDATE;TZID=Europe/Berlin:20260113T190000,20260120T190000',
      `SUMMARY:${title}`,
      'LOCATION:Sportheim\\, Am Sportplatz 1\\, 97199 Ochsenfurt',
      'GEO:49.66;10.07',
      'CATEGORIES:Sport,Familie,Unbekannt',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:probe@verein.example',
      'DTSTAMP:20260101T000000Z',
      'RECURRENCE-ID;TZID=Europe/Berlin:20260203T190000',
      'STATUS:CANCELLED',
      'DTSTART;TZID=Europe/Berlin:20260203T190000',
      'DTEND;TZID=Europe/Berlin:20260203T203000',
      `SUMMARY:${title}`,
      'LOCATION:Sportheim\\, Am Sportplatz 1\\, 97199 Ochsenfurt',
      'GEO:49.66;10.07',
      'END:VEVENT',
    ];
    const utcEvent = [
      'BEGIN:VEVENT',
      'UID:versammlung@verein.example',
      'DTSTAMP:20260101T000000Z',
      'DTSTART:20260315T180000Z',
      'DURATION:PT2H',
      'SUMMARY:Jahreshauptversammlung',
      'URL:webcal://intern.example/x',
      'END:VEVENT',
    ];
    const allDay = [
      'BEGIN:VEVENT',
      'UID:fest@verein.example',
      'DTSTAMP:20260101T000000Z',
      'DTSTART;VALUE=DATE:20260328',
      'DTEND;VALUE=DATE:20260330',
      'SUMMARY:Vereinsfest',
      'END:VEVENT',
    ];
    const outlook = [
      'BEGIN:VTIMEZONE',
      'TZID:W. Europe Standard Time',
      'BEGIN:STANDARD',
      'DTSTART:16010101T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:16010101T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:outlook@verein.example',
      'DTSTAMP:20260101T000000Z',
      'DTSTART;TZID=W. Europe Standard Time:20260701T180000',
      'DTEND;TZID=W. Europe Standard Time:20260701T190000',
      'SUMMARY:Sommertraining',
      'END:VEVENT',
    ];

    before(async () => {
      org = await client.newOrganization('Sportfreunde Ochsenfurt');
    });

    test('creates, then changes nothing, then updates and removes by UID; API events stay', async () => {
      const own = await client.created(org, eventBody({ title: 'Eigener Termin' }));
      const first = await client.importFeed(org, calendar(weekly('Training'), utcEvent, allDay, outlook));
      assert.equal(first.status, 200, await first.clone().text());
      assert.deepEqual(await first.json(), { created: 4, updated: 0, unchanged: 0, removed: 0 });
      const training = (await client.occurrences('2026-01-01', '2026-04-01', `&organization=${org}`)).filter(
        (item) => item.title === 'Training',
      );
      assert.deepEqual(
        training.map((item) => [item.start.slice(0, 10), item.status]),
        [
          ['2026-01-06', 'scheduled'],
          ['2026-01-27', 'scheduled'],
          ['2026-02-03', 'cancelled'],
          ['2026-02-10', 'scheduled'],
          ['2026-02-17', 'scheduled'],
          ['2026-02-24', 'scheduled'],
          ['2026-03-03', 'scheduled'],
          ['2026-03-10', 'scheduled'],
        ],
      );
      assert.equal(training[0]!.location?.municipalityId, 'ochsenfurt');
      const all = await client.occurrences('2026-01-01', '2026-12-31', `&organization=${org}`);
      const find = (title: string) => all.find((item) => item.title === title)!;
      // Given in UTC, kept in UTC: the same instants as 19:00–21:00 in Würzburg.
      assert.equal(find('Jahreshauptversammlung').start, '2026-03-15T18:00:00+00:00');
      assert.equal(find('Jahreshauptversammlung').end, '2026-03-15T20:00:00+00:00');
      assert.deepEqual([find('Vereinsfest').start, find('Vereinsfest').end], ['2026-03-28', '2026-03-29']);
      assert.equal(find('Sommertraining').start, '2026-07-01T18:00:00+02:00');

      const again = await client.importFeed(org, calendar(weekly('Training'), utcEvent, allDay, outlook));
      assert.deepEqual(await again.json(), { created: 0, updated: 0, unchanged: 4, removed: 0 });
      const count = async () => (await eventsOf(org)).length;
      assert.equal(await count(), 5);

      const changed = await client.importFeed(org, calendar(weekly('Training (neue Zeit)'), allDay, outlook));
      assert.deepEqual(await changed.json(), { created: 0, updated: 1, unchanged: 2, removed: 1 });
      const titles = (await eventsOf(org)).map((event) => event.title).sort();
      assert.deepEqual(titles, ['Eigener Termin', 'Sommertraining', 'Training (neue Zeit)', 'Vereinsfest']);
      assert.equal((await fetch(`${hub.baseUrl}/events/${own.id}`)).status, 200);
      const renamed = (await eventsOf(org)).find((event) => event.title.startsWith('Training'));
      assert.ok(renamed);
      assert.equal(renamed.overrides[0]?.status, 'cancelled', 'overrides survive the update');
      assert.match(await (await fetch(`${hub.baseUrl}/events/${renamed.id}.ics`)).text(), /SEQUENCE:1\r\n/);
    });

    test('all or nothing: a broken file → 422 naming the line, and nothing changes', async () => {
      const before = await (await fetch(`${hub.baseUrl}/organizations/${org}/events`)).text();
      const valid = calendar(weekly('Training'), utcEvent);
      const lines = valid.split(CRLF);
      const cases: [string, number, RegExp][] = [];
      const withLine = (index: number, line: string) => [...lines.slice(0, index), line, ...lines.slice(index + 1)].join(CRLF);
      const summary = lines.findIndex((line) => line.startsWith('SUMMARY:Jahres'));
      cases.push([
        withLine(summary, 'SUMMARY Jahreshauptversammlung'),
        summary + 1,
        /is not a property line of the form NAME:value \("SUMMARY Jahreshauptversammlung"\)/,
      ]);
      const dtend = lines.findIndex((line) => line.startsWith('DTEND;'));
      cases.push([withLine(dtend, 'DTEND;TZID=Europe/Berlin:20260105T100000'), dtend + 1, /end must not be before start/]);
      const rrule = lines.findIndex((line) => line.startsWith('RRULE:'));
      cases.push([withLine(rrule, 'RRULE:FREQ=SOMETIMES'), rrule + 1, /invalid frequency/]);
      cases.push([withLine(rrule, 'RRULE:FREQ=MINUTELY'), rrule + 1, /recurrence\/rule must match pattern/]);
      const location = lines.findIndex((line) => line.startsWith('DTSTART:2026'));
      cases.push([withLine(location, 'DTSTART;TZID=Mars/Olympus:20260315T180000'), location + 1, /unknown time zone "Mars\/Olympus"/]);
      const uid = lines.findIndex((line) => line === 'UID:versammlung@verein.example');
      cases.push([withLine(uid, 'UID:probe@verein.example'), uid + 1, /used by two events/]);
      cases.push([lines.slice(0, -3).join(CRLF), lines.length - 3, /the file ends inside VEVENT \(line \d+\): END:VEVENT is missing/]);
      cases.push(['', 1, /empty/]);
      cases.push([calendar(['BEGIN:VEVENT', 'UID:x', 'DTSTART:20260101T100000Z', 'END:VEVENT']), 4, /title is missing/]);
      for (const [feed, line, reason] of cases) {
        const problem = await expectProblem(await client.importFeed(org, feed), 422, 'validation-failed');
        assert.match(problem.detail ?? '', new RegExp(`^Line ${line}: `), `${reason}: ${problem.detail}`);
        assert.match(problem.detail ?? '', reason);
        assert.match(problem.detail ?? '', /Nothing was imported/);
        assert.equal(problem.errors?.[0]?.pointer, '/body');
        assert.match(problem.errors?.[0]?.reason ?? '', new RegExp(`^line ${line}: `));
      }
      assert.equal(await (await fetch(`${hub.baseUrl}/organizations/${org}/events`)).text(), before);
    });

    test('wrong content type → 415, a feed over 5 MiB → 413, unknown organization → 404', async () => {
      const json = await fetch(`${hub.baseUrl}/organizations/${org}/calendar-imports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${hub.adminToken}` },
        body: '{}',
      });
      await expectProblem(json, 415, 'unsupported-media-type');
      // A feed sent with the wrong type is refused for its type before any parser reads it (not "not valid JSON").
      for (const type of ['application/json', 'text/plain', 'application/octet-stream']) {
        const feed = await fetch(`${hub.baseUrl}/organizations/${org}/calendar-imports`, {
          method: 'POST',
          headers: { 'content-type': type, authorization: `Bearer ${hub.adminToken}` },
          body: calendar(allDay),
        });
        const problem = await expectProblem(feed, 415, 'unsupported-media-type');
        assert.equal(problem.detail, `Send the body as text/calendar, not "${type}".`);
      }
      const huge = calendar([
        'BEGIN:VEVENT',
        'UID:gross',
        'DTSTART:20260101T100000Z',
        `DESCRIPTION:${'x'.repeat(5 * 1024 * 1024)}`,
        'SUMMARY:Gross',
        'END:VEVENT',
      ]);
      await expectProblem(await client.importFeed(org, huge), 413, 'payload-too-large');
      // A feed larger than the JSON limit (1 MiB) but within 5 MiB is fine.
      const large = calendar(
        ['BEGIN:VEVENT', 'UID:lang', 'DTSTART:20260101T100000Z', 'SUMMARY:Lang', 'END:VEVENT'],
        ...Array.from({ length: 9000 }, (_, index) => [
          'BEGIN:VEVENT',
          `UID:termin-${index}@verein.example`,
          'DTSTAMP:20260101T000000Z',
          `DTSTART:2026${String((index % 12) + 1).padStart(2, '0')}10T100000Z`,
          'DURATION:PT1H',
          `SUMMARY:Termin Nummer ${index} des Vereins`,
          'END:VEVENT',
        ]),
      );
      assert.ok(large.length > 1024 * 1024);
      const response = await client.importFeed(org, large);
      assert.equal((await expectDocumented(response, 'importCalendar')).created, 9001);
      await expectProblem(await client.importFeed('3f0b7a52-5c1e-4b7e-9a39-2d1f0c6e8a11', calendar()), 404, 'not-found');
    });
  });
});

describe('sr-hub import-ics', () => {
  let dataDir: string;
  let organizationId: string;
  const cli = new URL('../src/cli.ts', import.meta.url).pathname;

  async function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
    const { DATABASE_URL: _serverMode, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
      env: { ...env, HUB_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    const { code } = await exited(child);
    return { code, out, err };
  }

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sr-hub-ics-'));
    const database = await openDatabase({ dataDir });
    await migrate(database);
    await seed(database.db);
    organizationId = (
      await database.db.selectFrom('organizations').select('id').where('name', '=', 'TSV Ochsenfurt 1862 e.V.').executeTakeFirstOrThrow()
    ).id;
    await database.close();
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  test('imports a file with the same rules as the API, and names the line of a broken one', async () => {
    const file = join(dataDir, 'feed.ics');
    await writeFile(
      file,
      calendar(['BEGIN:VEVENT', 'UID:cli@verein.example', 'DTSTART;VALUE=DATE:20270101', 'SUMMARY:Neujahrsempfang', 'END:VEVENT']),
    );
    const imported = await run(['import-ics', '--organization', organizationId, file]);
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /1 created, 0 updated, 0 unchanged, 0 removed/);
    await writeFile(
      file,
      calendar(['BEGIN:VEVENT', 'UID:cli@verein.example', 'DTSTART;VALUE=DATE:20270101', 'SUMMARY Neujahrsempfang', 'END:VEVENT']),
    );
    const broken = await run(['import-ics', '--organization', organizationId, file]);
    assert.equal(broken.code, 2);
    assert.match(broken.err, /^Line 7: is not a property line/);
    const missing = await run(['import-ics', '--organization', organizationId]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /Usage: sr-hub import-ics/);
  });
});
