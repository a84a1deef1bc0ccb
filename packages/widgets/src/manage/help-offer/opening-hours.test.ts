import { expect } from '@open-wc/testing';
import {
  daysLabel,
  emptyException,
  endsNextDay,
  hoursDraftFrom,
  hoursFieldOf,
  hoursInputFrom,
  hoursProblems,
  hoursSummary,
  periodLabel,
  type HoursDraft,
} from './opening-hours.js';

const draft = (changes: Partial<HoursDraft> = {}): HoursDraft => ({
  alwaysOpen: false,
  openOnPublicHolidays: false,
  periods: [],
  exceptions: [],
  description: '',
  ...changes,
});

describe('the opening-hours editor’s conversions (manage/help-offer/opening-hours.ts)', () => {
  it('reads the contract’s hours and writes them back unchanged, midnight as 24:00', () => {
    const stored = {
      alwaysOpen: false,
      openOnPublicHolidays: true,
      schedules: [
        { byDay: ['MO', 'TU', 'WE', 'TH', 'FR'] as const, opensAt: '09:00', closesAt: '12:00' },
        { byDay: ['TU', 'TH'] as const, opensAt: '14:00', closesAt: '18:00' },
        { byDay: ['FR'] as const, opensAt: '22:00', closesAt: '02:00' },
        { byDay: ['SA'] as const, opensAt: '18:00', closesAt: '24:00' },
      ].map((schedule) => ({ ...schedule, byDay: [...schedule.byDay] })),
      exceptions: [
        { date: '2026-12-24', opensAt: null, closesAt: null, description: 'Heiligabend' },
        { date: '2026-12-31', opensAt: '09:00', closesAt: '12:00', description: null },
      ],
      description: 'Termine nach Vereinbarung',
    };
    const editing = hoursDraftFrom(stored);
    expect(editing.periods[3]).to.deep.equal({ days: ['SA'], opensAt: '18:00', closesAt: '00:00' });
    expect(editing.exceptions[0]).to.include({ closed: true, opensAt: '', description: 'Heiligabend' });
    expect(hoursInputFrom(editing)).to.deep.equal(stored);
  });

  it('sends no weekly periods around the clock, and trims empty texts to null', () => {
    const input = hoursInputFrom(
      draft({ alwaysOpen: true, periods: [{ days: ['MO'], opensAt: '09:00', closesAt: '12:00' }], description: '  ' }),
    );
    expect(input.schedules).to.deep.equal([]);
    expect(input.description).to.equal(null);
  });

  it('names weekday sets as people write them', () => {
    expect(daysLabel(['MO', 'TU', 'WE', 'TH', 'FR'])).to.equal('Mo–Fr');
    expect(daysLabel(['TU', 'TH'])).to.equal('Di, Do');
    expect(daysLabel(['MO', 'TU', 'WE', 'FR', 'SU'])).to.equal('Mo–Mi, Fr, So');
    expect(daysLabel(['SA', 'SU'])).to.equal('Sa, So');
    expect(
      hoursSummary(
        draft({
          periods: [
            { days: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '12:00' },
            { days: ['TU', 'TH'], opensAt: '14:00', closesAt: '00:00' },
          ],
        }),
      ),
    ).to.equal('Mo–Fr 09:00–12:00; Di, Do 14:00–24:00');
    expect(hoursSummary(draft({ alwaysOpen: true }))).to.equal('rund um die Uhr (24/7)');
    // A line being entered is named by what it has so far.
    expect(periodLabel({ days: ['WE'], opensAt: '09:00', closesAt: '' })).to.equal('Mi');
    expect(periodLabel({ days: [], opensAt: '', closesAt: '' })).to.equal('');
  });

  it('knows a period past midnight: it closes before it opens, on the next day', () => {
    expect(endsNextDay('22:00', '02:00')).to.equal(true);
    expect(endsNextDay('09:00', '12:00')).to.equal(false);
    expect(endsNextDay('18:00', '00:00')).to.equal(false);
  });

  it('says at each field what the Hub would refuse', () => {
    const problems = hoursProblems(
      draft({
        periods: [
          { days: [], opensAt: '09:00', closesAt: '09:00' },
          { days: ['MO'], opensAt: '22:00', closesAt: '02:00' },
        ],
        exceptions: [
          emptyException(),
          { date: '2026-12-24', closed: true, opensAt: '', closesAt: '', description: '' },
          { date: '2026-12-24', closed: false, opensAt: '10:00', closesAt: '', description: '' },
        ],
      }),
    );
    expect(Object.keys(problems).sort()).to.deep.equal(
      ['exceptions-0-date', 'exceptions-2-closesAt', 'exceptions-2-date', 'periods-0-closesAt', 'periods-0-days'].sort(),
    );
    expect(hoursProblems(draft({ alwaysOpen: true, periods: [{ days: [], opensAt: '', closesAt: '' }] }))).to.deep.equal({});
  });

  it('maps the Hub’s pointers to the editor’s fields', () => {
    expect(hoursFieldOf('/schedules/2/closesAt')).to.equal('periods-2-closesAt');
    expect(hoursFieldOf('/schedules/0/byDay')).to.equal('periods-0-days');
    expect(hoursFieldOf('/exceptions/1')).to.equal('exceptions-1-date');
    expect(hoursFieldOf('/description')).to.equal(undefined);
  });
});
