import { expect } from '@open-wc/testing';
import type { Schema } from '@smart-region/sdk';
import { refused } from '../shared/draft-preview.js';
import { answerPoll } from './poll-preview.js';

const preview = {
  poll: { id: '0b7e6a52-9f3c-4f1e-8a7d-2c1e5b9d4f60', shortCode: 'K7M3QP', question: 'Wohin mit dem Maibaum?' },
  results: { pollId: '0b7e6a52-9f3c-4f1e-8a7d-2c1e5b9d4f60', status: 'open', visible: true },
} as Schema<'PollPreview'>;

const read = (path: string, method = 'GET') => ({ method, url: new URL(`https://hub.example/hub${path}`) });

describe('the poll form’s preview, as the poll widget reads it', () => {
  it('answers the poll and its results, by id or short code (any case)', () => {
    expect(answerPoll(preview, read(`/polls/${preview.poll.id}`))).to.equal(preview.poll);
    expect(answerPoll(preview, read('/polls/k7m3qp'))).to.equal(preview.poll);
    expect(answerPoll(preview, read(`/polls/${preview.poll.id}/results`))).to.equal(preview.results);
  });

  it('keeps the proof-of-work challenge on the page, as the vote it serves', () => {
    expect(answerPoll(preview, read(`/polls/${preview.poll.id}/challenge`))).to.equal(refused);
  });

  it('passes other reads on to the Hub, and leaves the vote to the preview’s refusal', () => {
    expect(answerPoll(preview, read('/polls/ABCDEF'))).to.equal(undefined);
    expect(answerPoll(preview, read('/municipalities?limit=100'))).to.equal(undefined);
    expect(answerPoll(preview, read(`/polls/${preview.poll.id}/votes`, 'POST'))).to.equal(undefined);
  });
});
