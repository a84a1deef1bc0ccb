import type { Kysely } from 'kysely';
import * as clock from '../clock.js';
import type { Database } from '../db/schema.js';
import type { Handlers } from '../http/api.js';
import { ProblemError } from '../http/problems.js';
import type { FeedFetchOptions } from './subscription-fetch.js';
import { deleteSubscription, findSubscription, insertSubscription, listSubscriptions } from './subscription-queries.js';
import { refreshSubscription, toSubscription } from './subscriptions.js';

type SubscriptionOperations =
  'listCalendarSubscriptions' | 'createCalendarSubscription' | 'deleteCalendarSubscription' | 'refreshCalendarSubscription';

function notFound(id: string): ProblemError {
  return new ProblemError('not-found', `The organization has no calendar subscription "${id}".`);
}

/** The organization comes from the path, authorized for `events:write` before a handler runs. */
export function subscriptionHandlers(db: Kysely<Database>, options: FeedFetchOptions): Pick<Handlers, SubscriptionOperations> {
  return {
    async listCalendarSubscriptions(request) {
      return { items: (await listSubscriptions(db, request.params.organizationId)).map(toSubscription) };
    },

    async createCalendarSubscription(request, reply) {
      const { organizationId } = request.params;
      const url = request.body.url.trim();
      const row = await insertSubscription(db, organizationId, url, clock.now());
      if (!row) throw new ProblemError('conflict', `The organization subscribes to ${url} already.`);
      const checked = (await refreshSubscription(db, row, options)) ?? row;
      reply.code(201).header('Location', `/organizations/${organizationId}/calendar-subscriptions/${row.id}`);
      return toSubscription(checked);
    },

    async deleteCalendarSubscription(request, reply) {
      const { organizationId, subscriptionId } = request.params;
      if (!(await deleteSubscription(db, organizationId, subscriptionId))) throw notFound(subscriptionId);
      return reply.code(204).send();
    },

    async refreshCalendarSubscription(request) {
      const { organizationId, subscriptionId } = request.params;
      const row = await findSubscription(db, organizationId, subscriptionId);
      const checked = row && (await refreshSubscription(db, row, options));
      if (!checked) throw notFound(subscriptionId);
      return toSubscription(checked);
    },
  };
}
