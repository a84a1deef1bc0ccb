import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SrPoll } from '../src/poll/poll.js';
import type { Poll, PollResults } from '../src/poll/results.js';
import { $$, hasPart, hubJson, part, textOf } from './helpers.js';
import { organizerKey, testServers } from './test-servers.js';

/** A demo poll of the seeded Hub, found by how it takes part. */
export async function demoPoll(match: (poll: Poll) => boolean): Promise<Poll> {
  const { items } = await hubJson<{ items: Poll[] }>('/polls?limit=100');
  const poll = items.find(match);
  if (!poll) throw new Error('no such demo poll');
  return poll;
}

export const openPoll = () => demoPoll((poll) => poll.status === 'open' && poll.participation === 'open');
export const codePoll = () => demoPoll((poll) => poll.status === 'open' && poll.participation === 'codes');
export const closedPoll = () => demoPoll((poll) => poll.status === 'closed');

/** A poll's results as its organizer sees them: always, also while the public waits for the closing. */
export async function organizerResults(pollId: string): Promise<PollResults> {
  const { adminToken } = await testServers();
  return hubJson<PollResults>(`/polls/${pollId}/results`, { headers: { Authorization: `Bearer ${adminToken}` } });
}

/** Fresh participation codes of a code poll, as an organizer prints them. */
export async function printCodes(pollId: string, count: number): Promise<string[]> {
  const { organizer } = await hubJson<Poll>(`/polls/${pollId}`);
  const key = await organizerKey(organizer.organizationId);
  const { codes } = await hubJson<{ codes: string[] }>(`/polls/${pollId}/codes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ count }),
  });
  return codes;
}

/** `<sr-poll>` on the test Hub, once it shows the poll. */
export async function showPoll(pollId: string, attributes: Record<string, string> = {}): Promise<SrPoll> {
  const { hubUrl } = await testServers();
  const poll = document.createElement('sr-poll');
  poll.setAttribute('hub-url', hubUrl);
  poll.setAttribute('poll-id', pollId);
  for (const [name, value] of Object.entries(attributes)) poll.setAttribute(name, value);
  await fixture(html`<div>${poll}</div>`);
  await waitUntil(() => hasPart(poll, 'status'), `<sr-poll> shows no poll: ${textOf(poll).slice(0, 200)}`, { timeout: 8000 });
  return poll;
}

export const options = (poll: Element) => $$<HTMLInputElement>(poll, '[part~="option"] input');

/** Chooses the option at `index` the way a keyboard user does, and submits. */
export async function chooseAndVote(poll: SrPoll, index: number): Promise<void> {
  const input = options(poll)[index]!;
  input.focus();
  await sendKeys({ press: 'Space' });
  if (input.type === 'radio' && !input.checked) input.click();
  (await part(poll, 'submit-button')).click();
}

export const votesFor = (results: PollResults, optionId: string) => results.options!.find((option) => option.optionId === optionId)!;
