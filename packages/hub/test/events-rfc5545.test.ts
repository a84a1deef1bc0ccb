import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { eventClient, type Occurrence } from './support/events.js';
import { expectDocumented } from './support/contract.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { expectProblem } from './support/problems.js';

/**
 * The RFC 5545 corpus (test/fixtures/rfc5545): each file is a feed with what it must give, worked
 * out by hand from the RFC and written into the file itself, as X-TEST properties of its calendar:
 *   X-TEST-RANGE:<from>/<to>               the range asked for (UTC)
 *   X-TEST-OCCURRENCE[;STATUS=CANCELLED]:<start>/<end>   every occurrence in it: UTC instants, or
 *                                          dates (end inclusive) for all-day events
 *   X-TEST-EXPORT:<content line>           a line the Hub's iCalendar export must contain
 *   X-TEST-ERROR;LINE=<n>:<text>           the import is refused, with this problem at line n
 * Each file is imported through the API into an organization of its own; the occurrences of
 * GET /events, and those of its GET /events.ics export imported again elsewhere, must be exactly these.
 */

const directory = new URL('./fixtures/rfc5545/', import.meta.url);
const DAY_MS = 86_400_000;
/** The API's longest range is 366 days; longer ones are asked for in parts. */
const WINDOW_MS = 365 * DAY_MS;

interface Fixture {
  file: string;
  feed: string;
  lineCount: number;
  range?: [string, string];
  occurrences: string[];
  exports: string[];
  errors: { line: number; text: string }[];
}

function readFixture(file: string): Fixture {
  const feed = readFileSync(new URL(file, directory), 'utf8');
  const lines = feed.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const fixture: Fixture = {
    file,
    feed,
    lineCount: feed.split(/\r\n|\n|\r/).filter((line, index, all) => line !== '' || index < all.length - 1).length,
    occurrences: [],
    exports: [],
    errors: [],
  };
  for (const line of lines) {
    const match = /^X-TEST-([A-Z]+)((?:;[A-Z]+=[^:;]*)*):(.*)$/.exec(line);
    if (!match) continue;
    const [, kind, parameters, value] = match;
    const parameter = (name: string) => new RegExp(`;${name}=([^;]*)`).exec(parameters!)?.[1];
    if (kind === 'RANGE') fixture.range = value!.split('/') as [string, string];
    if (kind === 'OCCURRENCE') fixture.occurrences.push(`${value}${parameter('STATUS') === 'CANCELLED' ? ' cancelled' : ''}`);
    if (kind === 'EXPORT') fixture.exports.push(value!);
    if (kind === 'ERROR') fixture.errors.push({ line: Number(parameter('LINE')), text: value! });
  }
  return fixture;
}

const fixtures = readdirSync(directory)
  .filter((file) => file.endsWith('.ics'))
  .sort()
  .map(readFixture);

/** An occurrence as the fixtures write it. */
function shown(item: Occurrence): string {
  const instant = (text: string) => new Date(text).toISOString().replace('.000Z', 'Z');
  const span = item.allDay ? `${item.start}/${item.end}` : `${instant(item.start)}/${instant(item.end)}`;
  return `${span}${item.status === 'cancelled' ? ' cancelled' : ''}`;
}

/** Parts of at most 365 days covering [from, to). */
function windows([from, to]: [string, string]): [string, string][] {
  const parts: [string, string][] = [];
  for (let start = Date.parse(from); start < Date.parse(to); start += WINDOW_MS) {
    parts.push([new Date(start).toISOString(), new Date(Math.min(start + WINDOW_MS, Date.parse(to))).toISOString()]);
  }
  return parts;
}

describe('RFC 5545 corpus: imported feeds give the occurrences worked out from the RFC', () => {
  let hub: TestHub;
  let client: ReturnType<typeof eventClient>;

  /** Every occurrence of an organization's events in the range, each once. */
  async function occurrencesOf(organization: string, range: [string, string]): Promise<string[]> {
    const seen = new Map<string, string>();
    for (const [from, to] of windows(range)) {
      for (const item of await client.occurrences(from, to, `&organization=${organization}`)) {
        seen.set(`${item.eventId} ${item.recurrenceId} ${item.start}`, shown(item));
      }
    }
    return [...seen.values()].sort();
  }

  before(async () => {
    hub = await startTestHub();
    client = eventClient(hub);
  });
  after(() => hub.close());

  test('the corpus covers every case it is meant to', () => {
    assert.ok(fixtures.length >= 15, `${fixtures.length} files`);
    for (const fixture of fixtures) {
      assert.ok(fixture.range || fixture.errors.length > 0, `${fixture.file} says what it must give`);
    }
  });

  for (const fixture of fixtures) {
    test(fixture.file, async () => {
      const organization = await client.newOrganization(`Verein ${fixture.file}`);
      const response = await client.importFeed(organization, fixture.feed);

      if (fixture.errors.length > 0) {
        const problem = await expectProblem(response, 422, 'validation-failed');
        assert.match(problem.detail ?? '', /^Line \d+: .*Nothing was imported\.$/);
        const reported = (problem.errors ?? []).map((error) => {
          const match = /^line (\d+): (.*)$/s.exec(error.reason);
          assert.ok(match, `a line is named: ${error.reason}`);
          return { line: Number(match[1]), text: match[2]! };
        });
        for (const { line } of reported)
          assert.ok(line >= 1 && line <= fixture.lineCount, `line ${line} is in the file (${fixture.lineCount} lines)`);
        assert.deepEqual(
          reported.map(({ line }) => line).sort((a, b) => a - b),
          fixture.errors.map(({ line }) => line).sort((a, b) => a - b),
          JSON.stringify(reported),
        );
        for (const expected of fixture.errors) {
          assert.ok(
            reported.some(({ line, text }) => line === expected.line && text.includes(expected.text)),
            `line ${expected.line}: "${expected.text}" in ${JSON.stringify(reported)}`,
          );
        }
        const stored = await expectDocumented(await fetch(`${hub.baseUrl}/organizations/${organization}/events`), 'listOrganizationEvents');
        assert.deepEqual(stored.items, [], 'nothing was imported');
        return;
      }

      assert.equal(response.status, 200, await response.clone().text());
      const range = fixture.range!;
      const expected = [...fixture.occurrences].sort();
      assert.deepEqual(await occurrencesOf(organization, range), expected, 'GET /events');

      // The export keeps the instants: imported again elsewhere, it gives the same occurrences.
      const [from, to] = windows(range)[0]!;
      const exported = await fetch(`${hub.baseUrl}/events.ics?organization=${organization}&from=${from}&to=${to}`);
      assert.equal(exported.status, 200);
      const text = await exported.text();
      assert.doesNotThrow(() => ICAL.parse(text), 'the export is iCalendar');
      const unfolded = text.replace(/\r\n[ \t]/g, '').split('\r\n');
      for (const line of fixture.exports) assert.ok(unfolded.includes(line), `the export has ${line}`);
      const copy = await client.newOrganization(`Kopie ${fixture.file}`);
      const again = await client.importFeed(copy, text);
      assert.equal(again.status, 200, await again.clone().text());
      assert.deepEqual(await occurrencesOf(copy, range), expected, 'GET /events.ics, imported again');
    });
  }
});
