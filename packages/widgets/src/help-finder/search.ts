import type { operations } from '@smart-region/sdk';

export type HelpOffersQuery = NonNullable<operations['listHelpOffers']['parameters']['query']>;

/** What the reader chose: the search words, a topic and the filters. Empty means "any". */
export interface Choices {
  q: string;
  topic: string;
  audience: string;
  language: string;
  municipality: string;
  /** `free` only free offers; `low` free or low-cost ones. */
  cost: '' | 'free' | 'low';
  anonymous: boolean;
  barrierFree: boolean;
  openNow: boolean;
  /** The reader's position as `lat,lon`, once they asked for offers near them. */
  near: string;
}

export type ChoiceName = keyof Choices;

export const noChoices: Choices = {
  q: '',
  topic: '',
  audience: '',
  language: '',
  municipality: '',
  cost: '',
  anonymous: false,
  barrierFree: false,
  openNow: false,
  near: '',
};

/** Offers per page: a phone screen holds two or three, so more would only slow the first answer. */
export const pageSize = 10;

/** The values of a preset attribute: `audience="youth children"`, commas allowed too. */
const valuesOf = (value: string): string[] => value.split(/[\s,]+/).filter(Boolean);

/** `GET /help-offers` parameters for the reader's choices. */
export function searchQuery(choices: Choices): HelpOffersQuery {
  const list = <T extends string>(value: string) => (value ? (valuesOf(value) as T[]) : undefined);
  const q = choices.q.trim();
  return {
    q: q || undefined,
    topic: list(choices.topic),
    audience: list(choices.audience),
    language: list(choices.language),
    municipality: list(choices.municipality),
    cost: choices.cost === 'free' ? ['free'] : choices.cost === 'low' ? ['free', 'low'] : undefined,
    anonymous: choices.anonymous || undefined,
    barrierFree: choices.barrierFree || undefined,
    openNow: choices.openNow || undefined,
    near: choices.near || undefined,
    // Near the reader, the nearest come first unless words were typed: then the best matches.
    sort: choices.near && !q ? 'distance' : undefined,
    limit: pageSize,
  };
}

/** How many filters (beyond words and topic) are in use, for the "Filter (2)" summary. */
export function filtersInUse(choices: Choices): number {
  const filters: ChoiceName[] = ['audience', 'language', 'municipality', 'cost', 'anonymous', 'barrierFree', 'openNow', 'near'];
  return filters.filter((name) => choices[name]).length;
}

/**
 * A position rounded to three decimals (about 100 m): enough to sort offers by distance, and
 * the Hub never learns exactly where the reader is.
 */
export function roundedPosition({ latitude, longitude }: { latitude: number; longitude: number }): string {
  return `${latitude.toFixed(3)},${longitude.toFixed(3)}`;
}
