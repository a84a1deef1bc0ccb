import { createHash } from 'node:crypto';
import type { HelpTopicId } from '../../help/topics.js';

/*
 * The ids of the Hub's HSDS objects. Services and organizations keep the Hub's UUIDs; everything
 * else is a name-based UUID (version 5, RFC 9562), so the same data gives the same ids on every
 * export and an HSDS import of them can upsert by id. Stable: a change here changes every id a
 * mirror or an import has stored.
 */

/** The namespace of the Hub's own HSDS names (taxonomies), chosen once. */
export const HSDS_NAMESPACE = '46a1fb61-1ee9-4b99-abd3-0d13494ab8a3';

/** UUID version 5 of `name` in `namespace` (SHA-1, RFC 9562 section 5.5). */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The taxonomy of the Hub's help topics: a term per topic, `code` the topic id. */
export const HELP_TOPICS_TAXONOMY = 'smart-region-help-topics';
/** The taxonomy of the Hub's flags on its data (so far: example data). */
export const FLAGS_TAXONOMY = 'smart-region-flags';
/** The flag's term `code` on example data (organizations with `isExample`, and their offers). */
export const EXAMPLE_DATA_CODE = 'example-data';

export type HsdsTaxonomyName = typeof HELP_TOPICS_TAXONOMY | typeof FLAGS_TAXONOMY;

/** A taxonomy's id: its name in the Hub's namespace. */
export function taxonomyId(taxonomy: HsdsTaxonomyName): string {
  return uuidV5(taxonomy, HSDS_NAMESPACE);
}

/** A term's id: its `code` in the namespace of its taxonomy's id. */
export function termId(taxonomy: HsdsTaxonomyName, code: string): string {
  return uuidV5(code, taxonomyId(taxonomy));
}

/** The term id of a help topic (taxonomy `smart-region-help-topics`, code the topic id). */
export function topicTermId(topic: HelpTopicId): string {
  return termId(HELP_TOPICS_TAXONOMY, topic);
}

/** The term id of the example-data flag. */
export const EXAMPLE_DATA_TERM_ID = termId(FLAGS_TAXONOMY, EXAMPLE_DATA_CODE);

/** What an object holds below a service or organization, each kind numbered from 0. */
export type PartKind = 'phone' | 'schedule' | 'language' | 'cost_option' | 'attribute' | 'service_at_location' | 'location' | 'address';

/** The id of the `position`th part of a kind of the service or organization `ownerId`: in the owner's namespace. */
export function partId(ownerId: string, kind: PartKind, position: number): string {
  return uuidV5(`${kind}/${position}`, ownerId);
}
