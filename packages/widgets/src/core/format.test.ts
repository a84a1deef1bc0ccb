import { expect } from '@open-wc/testing';
import { formats } from './format.js';
import { isTimeZone } from './time-zone.js';

// 2026-07-01 is summer time in Berlin (UTC+2), 2026-01-15 winter time (UTC+1).
const summerNoonUtc = new Date('2026-07-01T10:00:00Z');
const winterNoonUtc = new Date('2026-01-15T10:00:00Z');

describe('formats', () => {
  it('shows times in Europe/Berlin by default, summer and winter time included', () => {
    expect(formats('de').time(summerNoonUtc)).to.equal('12:00');
    expect(formats('de').time(winterNoonUtc)).to.equal('11:00');
  });

  it('shows times in another time zone when one is set', () => {
    expect(formats('de', 'Europe/London').time(summerNoonUtc)).to.equal('11:00');
  });

  it('writes dates the way German and English readers do', () => {
    expect(formats('de').date(summerNoonUtc)).to.equal('01.07.2026');
    expect(formats('en').date(summerNoonUtc)).to.equal('Jul 1, 2026');
    expect(formats('de').date(summerNoonUtc, { weekday: 'long', day: 'numeric', month: 'long' })).to.equal('Mittwoch, 1. Juli');
    expect(formats('de').dateTime(summerNoonUtc)).to.equal('01.07.2026, 12:00');
  });

  it('says "Uhr" after a time of day in German running text, once', () => {
    expect(formats('de').date(summerNoonUtc, { dateStyle: 'long', timeStyle: 'short' })).to.equal('1. Juli 2026 um 12:00\u00a0Uhr');
    expect(
      formats('de').date(summerNoonUtc, { weekday: 'short', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' }),
    ).to.equal('Mi., 1. Juli um 12:00\u00a0Uhr');
    // Without a time, and in the compact forms, no "Uhr".
    expect(formats('de').date(summerNoonUtc, { dateStyle: 'long' })).to.equal('1. Juli 2026');
    expect(formats('de').time(summerNoonUtc)).to.equal('12:00');
    expect(formats('en').date(summerNoonUtc, { dateStyle: 'long', timeStyle: 'short' })).to.equal('July 1, 2026 at 12:00');
  });

  it('writes 24-hour times on English pages too: the times are of a place in Germany', () => {
    const afternoon = new Date('2026-07-01T12:30:00Z');
    expect(formats('en').time(afternoon)).to.equal('14:30');
    expect(formats('en').dateTime(afternoon)).to.equal('Jul 1, 2026, 14:30');
    expect(formats('en').dateRange(summerNoonUtc, afternoon, { hour: 'numeric', minute: '2-digit' })).to.equal('12:00 – 14:30');
    expect(formats('en').date(afternoon, { weekday: 'short', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' })).to.equal(
      'Wed, July 1 at 14:30',
    );
  });

  it('writes Leichte Sprache (de-x-ls) the way German is written: Intl takes the private-use tag as German', () => {
    expect(formats('de-x-ls').date(summerNoonUtc, { dateStyle: 'long', timeStyle: 'short' })).to.equal('1. Juli 2026 um 12:00\u00a0Uhr');
    expect(formats('de-x-ls').number(1234.5)).to.equal('1.234,5');
    expect(formats('de-x-ls').relative(new Date('2026-07-02T10:00:00Z'), summerNoonUtc)).to.equal('morgen');
  });

  it('writes the shared parts of a date range once', () => {
    const end = new Date('2026-07-01T14:30:00Z');
    expect(formats('de').dateRange(summerNoonUtc, end)).to.equal('01.07.2026, 12:00–16:30 Uhr');
    const days = formats('de').dateRange(summerNoonUtc, new Date('2026-07-03T10:00:00Z'), { dateStyle: 'long' });
    expect(days).to.equal('1.–3. Juli 2026');
  });

  it('writes numbers with the reader’s separators', () => {
    expect(formats('de').number(1234.5)).to.equal('1.234,5');
    expect(formats('en').number(1234.5)).to.equal('1,234.5');
    // A no-break space between number and sign, as German typography wants.
    expect(formats('de').number(0.42, { style: 'percent' })).to.equal('42\u00a0%');
  });

  it('tells relative times in the largest fitting unit', () => {
    const now = new Date('2026-07-01T10:00:00Z');
    const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    expect(formats('de').relative(later(-300), now)).to.equal('vor 5 Minuten');
    expect(formats('de').relative(later(30), now)).to.equal('in 30 Sekunden');
    expect(formats('de').relative(later(24 * 3600), now)).to.equal('morgen');
    expect(formats('en').relative(later(-2 * 3600), now)).to.equal('2 hours ago');
    expect(formats('de').relative(now, now)).to.equal('jetzt');
  });

  it('writes calendar days as they are, in any time zone', () => {
    // Auckland is 13 hours ahead in December, Honolulu 10 hours behind: the day stays the 24th.
    for (const zone of ['Pacific/Auckland', 'Pacific/Honolulu', 'Europe/Berlin']) {
      expect(formats('de', zone).calendarDate('2026-12-24', { dateStyle: 'full' })).to.equal('Donnerstag, 24. Dezember 2026');
      expect(formats('en', zone).calendarDateRange('2026-12-24', '2026-12-26', { dateStyle: 'long' })).to.equal('December 24 – 26, 2026');
    }
  });

  it('tells the calendar day of a moment in the time zone', () => {
    // 23:30 UTC is already the next day in Berlin, still the same day in New York.
    const lateEvening = new Date('2026-03-28T23:30:00Z');
    expect(formats('de').day(lateEvening)).to.equal('2026-03-29');
    expect(formats('en', 'America/New_York').day(lateEvening)).to.equal('2026-03-28');
  });

  it('finds the moment a day begins, on both sides of a daylight-saving change', () => {
    expect(formats('de').startOfDay('2026-03-29').toISOString()).to.equal('2026-03-28T23:00:00.000Z');
    expect(formats('de').startOfDay('2026-03-30').toISOString()).to.equal('2026-03-29T22:00:00.000Z');
    expect(formats('de').startOfDay('2026-10-25').toISOString()).to.equal('2026-10-24T22:00:00.000Z');
    expect(formats('de').startOfDay('2026-10-26').toISOString()).to.equal('2026-10-25T23:00:00.000Z');
    expect(formats('en', 'America/New_York').startOfDay('2026-07-01').toISOString()).to.equal('2026-07-01T04:00:00.000Z');
  });

  it('knows which time zones exist', () => {
    expect(isTimeZone('Europe/Berlin')).to.equal(true);
    expect(isTimeZone('Mars/Olympus_Mons')).to.equal(false);
  });
});
