import type { Schema } from '@smart-region/sdk';
import { refused, type WidgetRequest } from '../shared/draft-preview.js';

type PollPreview = Schema<'PollPreview'>;

/**
 * The poll widget's reads answered from a previewed poll: the poll and its results, by the id the
 * preview gave it (a new poll's id exists only in the preview) or its short code. Its
 * proof-of-work challenge stays on the page, as the vote it serves would.
 */
export function answerPoll(preview: PollPreview, { method, url }: WidgetRequest): unknown {
  const read = method === 'GET' ? /\/polls\/([^/]+)(\/results|\/challenge)?$/.exec(url.pathname) : null;
  const ref = read && decodeURIComponent(read[1]!);
  if (ref !== preview.poll.id && ref?.toUpperCase() !== preview.poll.shortCode) return undefined;
  if (read![2] === '/challenge') return refused;
  return read![2] === '/results' ? preview.results : preview.poll;
}
