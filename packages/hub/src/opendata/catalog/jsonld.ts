import type { Quad, Term } from 'n3';
import { PREFIXES } from './graph.js';

/**
 * The catalogue's triples as JSON-LD: a compact `@context` of the prefixes (no context to fetch
 * from the network, which harvesters may not do) and one node object per subject in `@graph`.
 */

type JsonLdValue = string | { '@id': string } | { '@value': string; '@language'?: string; '@type'?: string };
type NodeObject = { '@id': string; '@type'?: string[] } & Record<string, JsonLdValue[] | string[] | string>;

const RDF_TYPE = `${PREFIXES.rdf}type`;
const XSD_STRING = `${PREFIXES.xsd}string`;

/** `dcat:Dataset` for a term under one of the prefixes, else the IRI as it is. */
function compact(iri: string): string {
  for (const [prefix, namespace] of Object.entries(PREFIXES)) {
    if (iri.startsWith(namespace) && iri.length > namespace.length) return `${prefix}:${iri.slice(namespace.length)}`;
  }
  return iri;
}

function value(object: Term): JsonLdValue {
  if (object.termType !== 'Literal') return { '@id': object.value };
  if (object.language) return { '@value': object.value, '@language': object.language };
  if (object.datatype.value === XSD_STRING) return object.value;
  return { '@value': object.value, '@type': compact(object.datatype.value) };
}

export function toJsonLd(quads: readonly Quad[]): { '@context': Record<string, string>; '@graph': NodeObject[] } {
  const nodes = new Map<string, NodeObject>();
  for (const { subject, predicate, object } of quads) {
    let node = nodes.get(subject.value);
    if (!node) nodes.set(subject.value, (node = { '@id': subject.value }));
    if (predicate.value === RDF_TYPE) {
      (node['@type'] ??= []).push(compact(object.value));
      continue;
    }
    const key = compact(predicate.value);
    ((node[key] ??= []) as JsonLdValue[]).push(value(object));
  }
  return { '@context': { ...PREFIXES }, '@graph': [...nodes.values()] };
}
