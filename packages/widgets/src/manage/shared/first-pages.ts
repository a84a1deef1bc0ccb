import type { Page } from '@smart-region/sdk';

/** What a screen shows of a long list: its first pages, and whether there are more. */
export interface FirstPages<Item> {
  items: Item[];
  more: boolean;
}

/**
 * The first `count` pages of a list (`pages(…)` of the SDK): a screen shows one page and loads
 * the next on request, asking for all of them again so that what it shows is as of now.
 */
export async function firstPages<Item>(all: AsyncIterable<Page<Item>>, count: number): Promise<FirstPages<Item>> {
  const items: Item[] = [];
  let seen = 0;
  for await (const page of all) {
    items.push(...page.items);
    if (++seen === count) return { items, more: page.nextCursor !== null };
  }
  return { items, more: false };
}
