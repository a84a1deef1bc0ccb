import { expect } from '@open-wc/testing';
import { formats } from '../../core/format.js';
import { verificationLine, yearBefore } from './verification.js';

describe('"zuletzt geprüft" of a help offer (manage/help-offer/verification.ts)', () => {
  const format = formats('de');
  // 00:30 in Würzburg is still the day before in UTC: the region's day counts.
  const now = new Date('2026-12-01T23:30:00Z');

  it('warns when the details were checked more than twelve months ago, or never', () => {
    expect(verificationLine('2025-12-02', format, now)).to.deep.equal({ text: 'Zuletzt geprüft am 02.12.2025.', stale: false });
    expect(verificationLine('2025-12-01', format, now).stale).to.equal(true);
    expect(verificationLine(null, format, now)).to.deep.equal({ text: 'Noch nie als geprüft vermerkt.', stale: true });
  });

  it('counts twelve months back in calendar days', () => {
    expect(yearBefore('2026-12-02')).to.equal('2025-12-02');
    expect(yearBefore('2028-02-29')).to.equal('2027-03-01');
  });
});
