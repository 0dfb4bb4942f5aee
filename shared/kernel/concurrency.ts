/** Runs `work` on every item with at most `limit` in flight; results in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The version a writer read (the `version` attribute of a student, a mentor's contact item): a write
 * that is conditional on it fails when anyone changed the item in between. Items stored before
 * versions existed count as version 0.
 */
export const sameVersion = (version: number | undefined) =>
  version
    ? { condition: '#version = :version', names: { '#version': 'version' }, values: { ':version': version } }
    : { condition: 'attribute_not_exists(#version)', names: { '#version': 'version' }, values: {} };
