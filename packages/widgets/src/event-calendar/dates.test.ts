import { expect } from '@open-wc/testing';
import { addDays, addMonths, daysFrom, startOfWeek, step, visibleRange, weekday } from './dates.js';

describe('calendar days', () => {
  it('count across months, years and daylight-saving changes', () => {
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2027-03-28', 1)).to.equal('2027-03-29');
    expect(addDays('2027-10-31', -1)).to.equal('2027-10-30');
    expect(daysFrom('2027-03-27', '2027-03-30')).to.deep.equal(['2027-03-27', '2027-03-28', '2027-03-29']);
  });

  it('keep the day of the month, or take the month’s last one', () => {
    expect(addMonths('2027-01-31', 1)).to.equal('2027-02-28');
    expect(addMonths('2028-01-31', 1)).to.equal('2028-02-29');
    expect(addMonths('2027-03-15', -3)).to.equal('2026-12-15');
  });

  it('start weeks on Monday', () => {
    expect(weekday('2027-03-08')).to.equal(0);
    expect(weekday('2027-03-14')).to.equal(6);
    expect(startOfWeek('2027-03-14')).to.equal('2027-03-08');
  });

  it('give each view its days', () => {
    // March 2027 begins on a Monday and ends on a Wednesday: five whole weeks.
    expect(visibleRange('month', '2027-03-17')).to.deep.equal({ from: '2027-03-01', to: '2027-04-05' });
    // February 2027 is exactly four weeks, Monday to Sunday.
    expect(visibleRange('month', '2027-02-10')).to.deep.equal({ from: '2027-02-01', to: '2027-03-01' });
    expect(visibleRange('week', '2027-03-17')).to.deep.equal({ from: '2027-03-15', to: '2027-03-22' });
    expect(visibleRange('list', '2027-03-17')).to.deep.equal({ from: '2027-03-17', to: '2027-03-31' });
    expect(step('month', '2027-03-17', 1)).to.equal('2027-04-17');
    expect(step('week', '2027-03-17', -1)).to.equal('2027-03-10');
    expect(step('list', '2027-03-17', 1)).to.equal('2027-03-31');
  });
});
