import type { Schema } from '@smart-region/sdk';
import { refused, type WidgetRequest } from '../shared/draft-preview.js';

type VolunteerNeed = Schema<'VolunteerNeed'>;

/**
 * The volunteer board's reads answered from a previewed need: every list (`GET /volunteer-needs`,
 * whatever the board filters) is one page holding just that need, so the editor sees it at once;
 * its proof-of-work challenge stays on the page, as the response it serves would. The
 * municipalities come from the Hub.
 */
export function answerBoard(need: VolunteerNeed, { method, url }: WidgetRequest): unknown {
  if (method !== 'GET') return undefined;
  if (url.pathname.endsWith('/challenge')) return refused;
  if (url.pathname.endsWith('/volunteer-needs')) return { items: [need], nextCursor: null } satisfies Schema<'VolunteerNeedPage'>;
  return undefined;
}
