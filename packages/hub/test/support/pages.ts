import type { operations } from '@smart-region/sdk';
import { expectDocumented, type DocumentedBody, type OperationId } from './contract.js';

/** An item of the page `operationId` answers with, as the SDK types it. */
export type PageItem<Op extends OperationId> =
  DocumentedBody<Op, 200 & keyof operations[Op]['responses']> extends { items: (infer Item)[] } ? Item : never;

/** Every item of a list, following `nextCursor` from `url` (which has a query already); each page as the contract documents it. */
export async function everyPage<Op extends OperationId>(url: string, operationId: Op): Promise<PageItem<Op>[]> {
  const items: PageItem<Op>[] = [];
  let cursor: string | null = null;
  do {
    const page = (await expectDocumented(await fetch(`${url}${cursor ? `&cursor=${cursor}` : ''}`), operationId)) as unknown as {
      items: PageItem<Op>[];
      nextCursor: string | null;
    };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
