import { expect } from '@open-wc/testing';
import { defaultRepeat, repeatOf, ruleOf, weekdayOf, type Repeat } from './recurrence-rule.js';

// 2026-12-08 is the second Tuesday of December 2026; 2026-12-29 its last Tuesday.
const tuesday = '2026-12-08';
const repeat = (changes: Partial<Repeat>, day = tuesday): Repeat => ({ ...defaultRepeat(day), ...changes });

describe('the event form’s repeats as RRULEs', () => {
  it('offer the start’s own weekday and place in the month first', () => {
    expect(weekdayOf('2026-12-08')).to.equal('TU');
    expect(weekdayOf('2026-12-13')).to.equal('SU');
    expect(defaultRepeat(tuesday)).to.include({ frequency: 'none', weekday: 'TU', weekOfMonth: 2, monthDay: 8, ends: 'never' });
    expect(defaultRepeat('2026-12-29').weekOfMonth).to.equal(-1);
    expect(defaultRepeat('2026-12-22').weekOfMonth).to.equal(4);
  });

  it('write what people say', () => {
    expect(ruleOf(repeat({}))).to.equal(null);
    // Ticked Thursday first: the rule lists the days in the week's order.
    expect(ruleOf(repeat({ frequency: 'weekly', weekdays: ['TH', 'TU'] }))).to.equal('FREQ=WEEKLY;BYDAY=TU,TH');
    expect(ruleOf(repeat({ frequency: 'weekly', interval: 2, weekdays: ['MO'] }))).to.equal('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO');
    expect(ruleOf(repeat({ frequency: 'monthly-weekday', ends: 'until', until: '2027-06-30' }))).to.equal(
      'FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630',
    );
    expect(ruleOf(repeat({ frequency: 'monthly-weekday', weekOfMonth: -1, weekday: 'FR' }))).to.equal('FREQ=MONTHLY;BYDAY=-1FR');
    expect(ruleOf(repeat({ frequency: 'monthly-day', monthDay: 15, ends: 'count', count: 6 }))).to.equal(
      'FREQ=MONTHLY;BYMONTHDAY=15;COUNT=6',
    );
    expect(ruleOf(repeat({ frequency: 'yearly', interval: 2 }))).to.equal('FREQ=YEARLY;INTERVAL=2');
  });

  it('read back every rule they write', () => {
    const repeats: Partial<Repeat>[] = [
      { frequency: 'weekly', weekdays: ['TU', 'TH'], ends: 'count', count: 20 },
      { frequency: 'weekly', interval: 3, weekdays: ['SA'] },
      { frequency: 'monthly-weekday', weekOfMonth: -1, weekday: 'WE', ends: 'until', until: '2027-06-30' },
      { frequency: 'monthly-day', monthDay: 31 },
      { frequency: 'yearly' },
    ];
    for (const changes of repeats) {
      const rule = ruleOf(repeat(changes));
      expect(repeatOf(rule, tuesday), rule ?? 'none').to.deep.equal(repeat(changes));
    }
    expect(repeatOf(null, tuesday)).to.deep.equal(defaultRepeat(tuesday));
  });

  it('read rules from elsewhere in the form’s terms where they mean the same', () => {
    // Without BYDAY a weekly rule repeats on the start's weekday; without BYMONTHDAY a monthly one on its date.
    expect(repeatOf('FREQ=WEEKLY', tuesday)).to.deep.include({ frequency: 'weekly', weekdays: ['TU'] });
    expect(repeatOf('FREQ=MONTHLY', tuesday)).to.deep.include({ frequency: 'monthly-day', monthDay: 8 });
    expect(repeatOf('FREQ=WEEKLY;WKST=MO;BYDAY=FR;UNTIL=20270101T225959Z', tuesday)).to.deep.include({
      weekdays: ['FR'],
      ends: 'until',
      until: '2027-01-01',
    });
    expect(repeatOf('FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=8', tuesday)).to.deep.include({ frequency: 'yearly' });
  });

  it('leave rules the form cannot ask for to be shown and kept as they are', () => {
    for (const rule of [
      'FREQ=DAILY',
      'FREQ=WEEKLY;BYDAY=1TU',
      'FREQ=WEEKLY;WKST=SU;INTERVAL=2;BYDAY=TU',
      'FREQ=MONTHLY;BYDAY=TU,TH',
      'FREQ=MONTHLY;BYMONTHDAY=1,15',
      'FREQ=MONTHLY;BYDAY=2TU;BYSETPOS=1',
      'FREQ=YEARLY;BYMONTH=3',
      'FREQ=WEEKLY;COUNT=3;UNTIL=20270101',
      'FREQ=WEEKLY;BYDAY=TU;BYDAY=TH',
    ]) {
      expect(repeatOf(rule, tuesday), rule).to.equal(undefined);
    }
  });
});
