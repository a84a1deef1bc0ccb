import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bavarianPublicHolidays, easterSunday, publicHoliday } from '../src/help/holidays.js';
import { checkOpeningHours, regionMoment } from '../src/help/opening-hours.js';

describe('Bavarian public holidays', () => {
  test('Easter Sunday, including the earliest and latest possible dates', () => {
    const known: Record<number, string> = {
      1818: '1818-03-22',
      1943: '1943-04-25',
      2000: '2000-04-23',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25',
      2285: '2285-03-22',
    };
    for (const [year, date] of Object.entries(known)) assert.equal(easterSunday(Number(year)), date, year);
  });

  test('2026: the thirteen holidays of Bavaria, movable ones from Easter', () => {
    assert.deepEqual([...bavarianPublicHolidays(2026)].sort(), [
      ['2026-01-01', 'Neujahr'],
      ['2026-01-06', 'Heilige Drei Könige'],
      ['2026-04-03', 'Karfreitag'],
      ['2026-04-06', 'Ostermontag'],
      ['2026-05-01', 'Tag der Arbeit'],
      ['2026-05-14', 'Christi Himmelfahrt'],
      ['2026-05-25', 'Pfingstmontag'],
      ['2026-06-04', 'Fronleichnam'],
      ['2026-08-15', 'Mariä Himmelfahrt'],
      ['2026-10-03', 'Tag der Deutschen Einheit'],
      ['2026-11-01', 'Allerheiligen'],
      ['2026-12-25', '1. Weihnachtstag'],
      ['2026-12-26', '2. Weihnachtstag'],
    ]);
    assert.equal(publicHoliday('2027-05-27'), 'Fronleichnam');
    // Buß- und Bettag, Heiligabend and Silvester are no public holidays in Bavaria.
    for (const date of ['2026-11-18', '2026-12-24', '2026-12-31']) assert.equal(publicHoliday(date), undefined, date);
  });
});

describe('the region clock (Europe/Berlin)', () => {
  test('wall-clock time across the spring and autumn daylight-saving changes', () => {
    assert.equal(regionMoment(new Date('2026-03-29T00:59:59Z')).time, '01:59:59');
    assert.equal(regionMoment(new Date('2026-03-29T01:00:00Z')).time, '03:00:00');
    assert.equal(regionMoment(new Date('2026-10-25T00:30:00Z')).time, '02:30:00');
    assert.equal(regionMoment(new Date('2026-10-25T01:30:00Z')).time, '02:30:00');
    assert.equal(regionMoment(new Date('2026-10-25T02:30:00Z')).time, '03:30:00');
  });

  test('today and yesterday, with weekday and holiday, across midnight and the turn of the year', () => {
    assert.deepEqual(regionMoment(new Date('2026-12-31T23:30:00Z')), {
      time: '00:30:00',
      today: { date: '2027-01-01', weekday: 5, holiday: true },
      yesterday: { date: '2026-12-31', weekday: 4, holiday: false },
    });
    assert.deepEqual(regionMoment(new Date('2026-03-29T12:00:00Z')).today, { date: '2026-03-29', weekday: 7, holiday: false });
  });
});

describe('opening hours checks', () => {
  test('a period needs different times; an exception both times or none, and not on a closed day', () => {
    assert.deepEqual(
      checkOpeningHours({
        schedules: [
          { byDay: ['MO'], opensAt: '09:00', closesAt: '09:00' },
          { byDay: ['TU'], opensAt: '22:00', closesAt: '02:00' },
        ],
        exceptions: [
          { date: '2026-12-24', opensAt: '10:00' },
          { date: '2026-12-31', opensAt: null, closesAt: null },
          { date: '2026-12-31', opensAt: '10:00', closesAt: '12:00' },
          { date: '2027-01-02', opensAt: '10:00', closesAt: '10:00' },
        ],
      }).map((error) => error.pointer),
      ['/schedules/0/closesAt', '/exceptions/0', '/exceptions/2', '/exceptions/3/closesAt'],
    );
  });
});
