import { expect } from '@open-wc/testing';
import type { Schema } from '@smart-region/sdk';
import {
  newShiftDraft,
  shiftDraftFrom,
  shiftFieldOf,
  shiftInputFrom,
  shiftPatchFrom,
  shiftProblems,
  type ShiftDraft,
} from './shift-draft.js';

const bar = (changes: Partial<ShiftDraft> = {}): ShiftDraft => ({
  ...newShiftDraft(),
  day: '2027-06-12',
  from: '16:00',
  to: '19:00',
  capacity: '4',
  label: ' Bar ',
  ...changes,
});

const stored: Schema<'VolunteerShift'> = {
  id: 's-1',
  volunteerNeedId: 'n-1',
  seriesId: null,
  startsAt: '2027-06-12T14:00:00.000Z',
  endsAt: '2027-06-12T17:00:00.000Z',
  capacity: 4,
  placesTaken: 2,
  placesFree: 2,
  label: 'Bar',
  skills: [],
  status: 'open',
};

describe('the shift form’s draft', () => {
  it('becomes a shift on the region’s clocks; an end before the start is on the next day', () => {
    expect(shiftInputFrom(bar())).to.deep.equal({
      startsAt: '2027-06-12T14:00:00.000Z',
      endsAt: '2027-06-12T17:00:00.000Z',
      capacity: 4,
      label: 'Bar',
    });
    expect(shiftInputFrom(bar({ from: '22:00', to: '02:00', label: '' }))).to.deep.include({
      startsAt: '2027-06-12T20:00:00.000Z',
      endsAt: '2027-06-13T00:00:00.000Z',
      label: null,
    });
  });

  it('makes a weekly series on the first day’s weekday up to its last day', () => {
    expect(shiftInputFrom(bar({ weekly: true, until: '2027-07-31' })).rule).to.equal('FREQ=WEEKLY;BYDAY=SA;UNTIL=20270731');
  });

  it('sends of a saved shift only what changed: a new time mails everyone on it', () => {
    expect(shiftDraftFrom(stored)).to.deep.equal(bar({ label: 'Bar' }));
    expect(shiftPatchFrom(bar({ capacity: '6' }), stored)).to.deep.equal({ capacity: 6 });
    expect(shiftPatchFrom(bar({ to: '20:00', label: '' }), stored)).to.deep.equal({
      startsAt: '2027-06-12T14:00:00.000Z',
      endsAt: '2027-06-12T18:00:00.000Z',
      label: null,
    });
  });

  it('says what is missing before anything is sent, and where the Hub’s problems belong', () => {
    const problems = shiftProblems(bar({ day: '', to: '16:00', capacity: '0', weekly: true, until: '' }));
    expect(Object.keys(problems).filter((field) => problems[field as keyof ShiftDraft])).to.deep.equal(['day', 'to', 'capacity', 'until']);
    expect(shiftProblems(bar({ weekly: true, until: '2027-06-01' })).until).to.equal('Der letzte Tag darf nicht vor dem ersten liegen.');
    expect([shiftFieldOf('/startsAt'), shiftFieldOf('/endsAt'), shiftFieldOf('/rule'), shiftFieldOf('/capacity')]).to.deep.equal([
      'day',
      'to',
      'until',
      'capacity',
    ]);
  });
});
