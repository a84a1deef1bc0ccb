import type { Schema } from '@smart-region/sdk';
import type { WidgetRequest } from '../shared/draft-preview.js';

type HelpOffer = Schema<'HelpOffer'>;
type HelpTopic = Schema<'HelpTopic'>;

/**
 * The help finder's reads answered from a previewed offer: every search (`GET /help-offers`) finds
 * just that offer, whatever was typed or filtered, so the editor sees it at once without
 * searching. The topics, emergency numbers and municipalities come from the Hub.
 */
export function answerFinder(offer: HelpOffer, topics: readonly HelpTopic[], { method, url }: WidgetRequest): unknown {
  if (method !== 'GET' || !url.pathname.endsWith('/help-offers')) return undefined;
  return searchPageOf(offer, topics);
}

/** A search page holding one offer, its counts as the Hub counts them (a parent topic counts its children's offers). */
function searchPageOf(offer: HelpOffer, topics: readonly HelpTopic[]): Schema<'HelpOfferSearchPage'> {
  const parents = new Map(topics.map((topic) => [topic.id, topic.parentId]));
  const counted = new Set(
    offer.topics.flatMap((id) => {
      const parent = parents.get(id);
      return parent ? [id, parent] : [id];
    }),
  );
  return {
    items: [{ ...offer, distanceKm: null }],
    nextCursor: null,
    total: 1,
    crisisDetected: false,
    facets: {
      topics: [...counted].map((id) => ({ id, count: 1 })),
      audiences: offer.audiences.map((id) => ({ id, count: 1 })),
    },
  };
}
