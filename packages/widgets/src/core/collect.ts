/** Every item of an async iteration, e.g. of all pages of a list (the SDK's `paginate`). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
