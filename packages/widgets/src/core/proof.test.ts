import { expect, fixture, html } from '@open-wc/testing';
import { createHubClient, HubError, type HubClient } from '@smart-region/sdk';
import { LitElement } from 'lit';
import type { Poll, PollResults } from '../poll/results.js';
import { hubJson } from '../../test/helpers.js';
import { testServers } from '../../test/test-servers.js';
import { defineElement } from './define.js';
import { errorMessage, isHubError } from './errors.js';
import { formats } from './format.js';
import { CitizenWrite, notSentFailure, type WriteCredentials } from './proof.js';

defineElement('sr-write-host', class extends LitElement {});

/** An open poll of the seeded Hub (each vote takes a proof of work), and its organizer's count of online votes. */
async function openPoll(): Promise<{ poll: Poll; online: () => Promise<number> }> {
  const { items } = await hubJson<{ items: Poll[] }>('/polls?limit=100');
  const poll = items.find((item) => item.status === 'open' && item.participation === 'open')!;
  const { adminToken } = await testServers();
  const online = async () =>
    (await hubJson<PollResults>(`/polls/${poll.id}/results`, { headers: { Authorization: `Bearer ${adminToken}` } })).participants!.online;
  return { poll, online };
}

function voteWrite(host: LitElement, client: HubClient): CitizenWrite<unknown> {
  return new CitizenWrite(host, {
    challenge: (pollId) => client.GET('/polls/{pollId}/challenge', { params: { path: { pollId } } }),
    failure: (error) => ({
      ...notSentFailure(errorMessage(error, formats('de')), 'Nicht gesendet.', ''),
      sent: isHubError(error) && error.type.endsWith('/idempotency-key-reused'),
    }),
  });
}

describe('CitizenWrite (core/proof.ts)', () => {
  it('stores a write once when its answer was lost: the retry carries the same idempotency key', async () => {
    const { hubUrl } = await testServers();
    const client = createHubClient({ baseUrl: hubUrl });
    const host = await fixture<LitElement>(html`<sr-write-host></sr-write-host>`);
    const { poll, online } = await openPoll();
    const before = await online();
    const write = voteWrite(host, client);
    const sent: WriteCredentials[] = [];
    const vote = async (credentials: WriteCredentials) => {
      sent.push(credentials);
      const receipt = await client.POST('/polls/{pollId}/votes', {
        params: { path: { pollId: poll.id }, header: { 'Idempotency-Key': credentials.idempotencyKey } },
        body: { choices: [poll.options[0]!.id], proof: credentials.proof! },
      });
      // The Hub counted the first vote; its answer never reached the reader.
      if (sent.length === 1) throw HubError.network(new TypeError('Failed to fetch'));
      return receipt;
    };

    expect(await write.send(poll.id, vote)).to.equal(false);
    expect(write.failure?.canRetry).to.equal(true);
    expect(write.sent(poll.id)).to.equal(false);
    await write.send(poll.id, vote);

    expect(sent.length).to.be.greaterThan(1);
    expect(new Set(sent.map(({ idempotencyKey }) => idempotencyKey)).size).to.equal(1);
    expect(sent.every(({ proof }) => proof !== undefined)).to.equal(true);
    expect(write.sent(poll.id)).to.equal(true);
    expect(write.failure).to.equal(undefined);
    expect(write.sending).to.equal(false);
    expect(await online()).to.equal(before + 1);
    // Another widget on the page knows it too, for the rest of the visit.
    expect(voteWrite(host, client).sent(poll.id)).to.equal(true);
  });

  it('sends once at a time, and takes a new key for the next write and for another target', async () => {
    const host = await fixture<LitElement>(html`<sr-write-host></sr-write-host>`);
    const { hubUrl } = await testServers();
    const write = voteWrite(host, createHubClient({ baseUrl: hubUrl }));
    const keys: string[] = [];
    let answer!: () => void;
    const slow = ({ idempotencyKey }: WriteCredentials) => {
      keys.push(idempotencyKey);
      return new Promise<unknown>((resolve) => (answer = () => resolve({})));
    };
    const first = write.send('target-a', slow, { proof: false });
    expect(write.sending).to.equal(true);
    expect(await write.send('target-a', slow, { proof: false })).to.equal(false);
    answer();
    expect(await first).to.equal(true);
    expect(write.result('target-a')).to.deep.equal({});
    const next = write.send('target-a', slow, { proof: false });
    answer();
    await next;
    const other = write.send('target-b', slow, { proof: false });
    answer();
    await other;
    expect(keys).to.have.length(3);
    expect(new Set(keys).size).to.equal(3);
  });
});
