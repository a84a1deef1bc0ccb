import type { HubClient, operations, Schema } from '@smart-region/sdk';

/*
 * schema.org `Event` data of the visible occurrences, for search engines (the `seo` attribute).
 * The Hub maps them (`GET /events.jsonld`, the one mapping); this module only asks for it and
 * puts it into the page. Loaded only when a page asks for it, so the calendar's bundle does not
 * carry it.
 */

type EventsQuery = operations['getEventsJsonLd']['parameters']['query'];
export type EventGraph = Schema<'SchemaOrgEventGraph'>;

/** Puts the JSON-LD it was loaded with into the page the calendar (`host`) is on, at `pageUrl`. */
export type EventJsonLdWriter = (host: HTMLElement, pageUrl: string) => HTMLScriptElement;

/**
 * The Hub's JSON-LD of the occurrences `query` lists: the calendar's own query, so the same
 * occurrences it shows. One page of the most the Hub sends at once (100), more than a month of
 * the region's events; search engines gain nothing from a longer page.
 */
export async function loadEventJsonLd(hub: HubClient, query: EventsQuery, signal: AbortSignal): Promise<EventJsonLdWriter> {
  const graph = await hub.GET('/events.jsonld', { params: { query: { ...query, limit: 100 } }, signal });
  return (host, pageUrl) => writeEventJsonLd(host, graph, pageUrl);
}

/**
 * Puts the Hub's JSON-LD into `host`'s light DOM, replacing what it put there before: search
 * engines read the page's DOM, not shadow roots. An event without a link of its own is found at
 * `pageUrl`, the page the calendar is on. A data block, never run, so a strict
 * Content-Security-Policy allows it; `<` is escaped so no text can end the script element.
 */
export function writeEventJsonLd(host: HTMLElement, graph: EventGraph, pageUrl: string): HTMLScriptElement {
  let script = host.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]');
  if (!script) {
    script = document.createElement('script');
    script.type = 'application/ld+json';
    host.append(script);
  }
  const events = graph['@graph'].map((event) => ('url' in event ? event : { ...event, url: pageUrl }));
  script.textContent = JSON.stringify({ ...graph, '@graph': events }).replaceAll('<', '\\u003c');
  return script;
}
