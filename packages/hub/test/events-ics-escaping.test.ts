import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { eventBody, eventClient } from './support/events.js';
import { startTestHub, type TestHub } from './support/hub.js';

/**
 * Text the Hub writes into iCalendar cannot add lines to it (RFC 5545 §3.3.11): line breaks of
 * every kind, `;`, `,` and `\` in titles, descriptions, places and organizer names are escaped,
 * in the single-event download and in the feed. Each file is read back line by line, and by
 * ical.js: nothing was added, and every text reads as it was entered (line breaks as LF, the one
 * line break iCalendar text knows).
 */

const hostile = [
  'Fest\r\nBEGIN:VEVENT\r\nUID:injected\r\nSUMMARY:Eingeschleust\r\nEND:VEVENT',
  'Fest\nX-INJECTED:lf',
  'Fest\rX-INJECTED:cr',
  'Fest\r\nX-INJECTED:crlf',
  'Fest; Sommer, Herbst \\ Winter \\n kein Umbruch',
  'Fest\r\n END:VCALENDAR',
];

/** Text as iCalendar gives it back: every line break a LF. */
const asRead = (text: string) => text.replace(/\r\n|\r/g, '\n');

function checkLines(text: string): string[] {
  assert.ok(text.endsWith('\r\n'));
  assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'no bare CR or LF: every line ends with CRLF');
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(0, -1);
  assert.ok(!lines.some((line) => /^(X-INJECTED|UID:injected)/.test(line)), 'no property was added');
  assert.equal(lines.filter((line) => line === 'END:VCALENDAR').length, 1);
  return lines;
}

describe('iCalendar export: escaped text, nothing injected', () => {
  let hub: TestHub;
  let client: ReturnType<typeof eventClient>;

  before(async () => {
    hub = await startTestHub();
    client = eventClient(hub);
  });
  after(() => hub.close());

  for (const [index, value] of hostile.entries()) {
    test(`text ${JSON.stringify(value)}`, async () => {
      const organization = await client.newOrganization(`Verein ${index} ${value}`);
      const event = await client.created(
        organization,
        eventBody({
          title: value,
          description: `Beschreibung: ${value}`,
          location: { name: `Ort ${value}`, address: `Straße ${value}`, municipalityId: 'randersacker' },
          start: '2027-06-05T14:00',
          end: '2027-06-05T18:00',
        }),
      );
      const single = await fetch(`${hub.baseUrl}/events/${event.id}.ics`);
      assert.equal(single.status, 200);
      const feed = await fetch(`${hub.baseUrl}/events.ics?organization=${organization}&from=2027-06-01&to=2027-07-01`);
      assert.equal(feed.status, 200);
      for (const text of [await single.text(), await feed.text()]) {
        const lines = checkLines(text);
        assert.equal(lines.filter((line) => line === 'BEGIN:VEVENT').length, 1, 'one event');
        const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
        const [vevent, ...more] = calendar.getAllSubcomponents('vevent');
        assert.equal(more.length, 0);
        assert.equal(vevent!.getFirstPropertyValue('summary'), asRead(value));
        assert.equal(vevent!.getFirstPropertyValue('description'), asRead(`Beschreibung: ${value}`));
        assert.equal(vevent!.getFirstPropertyValue('location'), asRead(`Ort ${value}, Straße ${value}`));
        assert.equal(vevent!.getFirstPropertyValue('contact'), asRead(`Verein ${index} ${value}`));
        assert.equal(vevent!.getAllProperties().filter((property) => property.name.startsWith('x-')).length, 0);
      }
      // The calendar's name in the single-event download is the title, escaped like any text.
      const download = (await (await fetch(`${hub.baseUrl}/events/${event.id}.ics`)).text()).replace(/\r\n[ \t]/g, '');
      const name = /^NAME:(.*)$/m.exec(download)?.[1];
      assert.equal(
        name,
        asRead(value)
          .replace(/[\\;,]/g, (char) => `\\${char}`)
          .replace(/\n/g, '\\n'),
      );
      assert.match(download, new RegExp(`^X-WR-CALNAME:${name.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}\r$`, 'm'));

      // Imported again, the texts are what was entered.
      const copy = await client.newOrganization(`Kopie ${index}`);
      const imported = await client.importFeed(copy, await (await fetch(`${hub.baseUrl}/events/${event.id}.ics`)).text());
      assert.equal(imported.status, 200, await imported.clone().text());
      const [occurrence] = await client.occurrences('2027-06-01', '2027-07-01', `&organization=${copy}`);
      assert.equal(occurrence!.title, asRead(value));
    });
  }
});
