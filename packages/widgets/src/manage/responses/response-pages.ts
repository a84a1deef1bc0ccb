import type { HubClient, Schema } from '@smart-region/sdk';

type VolunteerResponse = Schema<'VolunteerResponse'>;
type ResponsePage = Schema<'VolunteerResponsePage'>;
type ResponseStatus = Schema<'VolunteerResponseStatus'>;

/** Responses per page: a screen of them, more on request. */
const pageSize = 25;

/** What the list shows, and its CSV holds: one need or all, one status or all. */
export interface ResponseFilter {
  need: string;
  status: ResponseStatus | '';
}

/** The query of the list and of its CSV. */
export const responsesQuery = ({ need, status }: ResponseFilter) => ({
  ...(need ? { need: [need] } : {}),
  ...(status ? { status: [status] } : {}),
});

/**
 * One page of the organization's responses, from `cursor` on. Not through the SDK's `pages`: the
 * operation also answers CSV, so its data is typed page-or-text, which `pages` does not take.
 */
export async function responsePage(
  hub: HubClient,
  organizationId: string,
  filter: ResponseFilter,
  cursor?: string,
  signal?: AbortSignal,
  limit = pageSize,
): Promise<ResponsePage> {
  // JSON: only the download asks for the CSV form (Accept: text/csv).
  return (await hub.GET('/organizations/{organizationId}/volunteer-responses', {
    params: { path: { organizationId }, query: { ...responsesQuery(filter), limit, cursor } },
    signal,
  })) as ResponsePage;
}

/**
 * Every response matching `filter`, page after page, for counts (the needs list's new responses);
 * a list for people shows one page and more on request.
 */
export async function allResponses(
  hub: HubClient,
  organizationId: string,
  filter: ResponseFilter,
  signal?: AbortSignal,
): Promise<VolunteerResponse[]> {
  const responses: VolunteerResponse[] = [];
  let cursor: string | undefined;
  do {
    const page = await responsePage(hub, organizationId, filter, cursor, signal, 100);
    responses.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return responses;
}
