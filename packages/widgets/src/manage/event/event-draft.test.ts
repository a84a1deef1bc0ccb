import { expect } from '@open-wc/testing';
import type { Schema } from '@smart-region/sdk';
import { bodyOf, checkDraft, draftOf, emptyDraft, fieldOfPointer, type EventDraft } from './event-draft.js';

const rehearsal = (changes: Partial<EventDraft> = {}): EventDraft => {
  const draft = emptyDraft('2026-12-03');
  return {
    ...draft,
    title: 'Chorprobe',
    startTime: '19:30',
    endTime: '21:00',
    repeat: { ...draft.repeat, frequency: 'weekly', weekdays: ['TU', 'TH'], ends: 'until', until: '2027-06-30' },
    skipped: ['2026-12-08'],
    moves: [{ from: '2026-12-17', date: '2026-12-18', startTime: '18:00', endTime: '20:00' }],
    ...changes,
  };
};

describe('the event form’s draft', () => {
  it('becomes the contract’s body: local times, the rule, days left out and moves at the start’s time', () => {
    const body = bodyOf(rehearsal(), true, undefined);
    expect(body).to.deep.include({
      title: 'Chorprobe',
      start: '2026-12-03T19:30:00',
      end: '2026-12-03T21:00:00',
      allDay: false,
      location: null,
    });
    expect(body.recurrence).to.deep.equal({
      rule: 'FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270630',
      rdates: [],
      exdates: ['2026-12-08T19:30:00'],
    });
    expect(body.overrides).to.deep.equal([
      { recurrenceId: '2026-12-17T19:30:00', start: '2026-12-18T18:00:00', end: '2026-12-18T20:00:00' },
    ]);
  });

  it('keeps cancelled dates and a rule it cannot show, and reads back what it wrote', () => {
    const saved = {
      ...bodyOf(rehearsal(), true, undefined),
      recurrence: { rule: 'FREQ=DAILY;COUNT=3', rdates: [], exdates: [], summary: { de: 'täglich, 3-mal', en: 'daily, 3 times' } },
      overrides: [{ recurrenceId: '2026-12-04T19:30:00', status: 'cancelled' as const }],
    } as unknown as Schema<'Event'>;
    const draft = draftOf(saved);
    expect(draft.keptRule).to.equal('FREQ=DAILY;COUNT=3');
    const body = bodyOf(draft, true, saved);
    expect(body.recurrence?.rule).to.equal('FREQ=DAILY;COUNT=3');
    expect(body.overrides).to.deep.equal([{ recurrenceId: '2026-12-04T19:30:00', status: 'cancelled' }]);
    // No repeat: no exceptions either (the Hub allows overrides only on a recurring event).
    expect(bodyOf(rehearsal({ repeat: { ...rehearsal().repeat, frequency: 'none' } }), false, undefined)).to.deep.include({
      recurrence: null,
      overrides: [],
      published: false,
    });
  });

  it('says what is wrong at each field before sending', () => {
    expect(checkDraft(rehearsal())).to.deep.equal({});
    const errors = checkDraft(
      rehearsal({ title: ' ', endTime: '19:00', repeat: { ...rehearsal().repeat, until: '2026-11-30', weekdays: [] } }),
    );
    expect(Object.keys(errors)).to.have.members(['title', 'end', 'weekdays', 'until']);
    expect(checkDraft(rehearsal({ allDay: true, multiDay: true, endDate: '2026-12-02' }))).to.have.keys(['end']);
  });

  it('names the field of each of the Hub’s pointers', () => {
    expect(fieldOfPointer('/title')).to.equal('title');
    expect(fieldOfPointer('/recurrence/rule')).to.equal('repeat');
    expect(fieldOfPointer('/recurrence/exdates/0')).to.equal('skipped');
    expect(fieldOfPointer('/overrides/0/recurrenceId')).to.equal('moves');
    expect(fieldOfPointer('/location/municipalityId')).to.equal('municipality');
    expect(fieldOfPointer('/published')).to.equal(undefined);
  });
});
