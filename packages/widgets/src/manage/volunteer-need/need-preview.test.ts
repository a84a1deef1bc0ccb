import { expect } from '@open-wc/testing';
import type { Schema } from '@smart-region/sdk';
import { refused } from '../shared/draft-preview.js';
import { answerBoard } from './need-preview.js';

const need = { id: 'n1', title: 'Kuchenbuffet beim Winterfest', urgent: false } as Schema<'VolunteerNeed'>;

const read = (path: string, method = 'GET') => ({ method, url: new URL(`https://hub.example/hub${path}`) });

describe('the need form’s preview, as the volunteer board reads it', () => {
  it('answers every list of needs with one page of just the previewed need, whatever the board filters', () => {
    const page = { items: [need], nextCursor: null };
    expect(answerBoard(need, read('/volunteer-needs?limit=100&sort=date'))).to.deep.equal(page);
    expect(answerBoard(need, read('/volunteer-needs?limit=100&urgent=true&q=xyz'))).to.deep.equal(page);
  });

  it('keeps the proof-of-work challenge on the page, as the response it serves', () => {
    expect(answerBoard(need, read('/volunteer-needs/n1/challenge'))).to.equal(refused);
  });

  it('passes the municipalities on to the Hub, and leaves a write to the preview’s refusal', () => {
    expect(answerBoard(need, read('/municipalities?limit=100'))).to.equal(undefined);
    expect(answerBoard(need, read('/volunteer-needs/n1/responses', 'POST'))).to.equal(undefined);
  });
});
