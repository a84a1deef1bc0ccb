import type { Occurrence } from './occurrences.js';

/*
 * schema.org `Event` data of the visible occurrences, for search engines (the `seo` attribute).
 * Loaded only when a page asks for it, so the calendar's bundle does not carry it.
 */

const schema = 'https://schema.org/';

/** "Kirchplatz 2, 97236 Randersacker" as a PostalAddress; text that does not end in a German postcode and place stays whole. */
function postalAddress(text: string) {
  const match = /^(.*?),?\s*(\d{5})\s+([^,]+)$/.exec(text.trim());
  const address = match
    ? { streetAddress: match[1] || undefined, postalCode: match[2], addressLocality: match[3] }
    : { streetAddress: text };
  return { '@type': 'PostalAddress', ...address, addressCountry: 'DE' };
}

function place(location: NonNullable<Occurrence['location']>) {
  const { coordinates } = location;
  return {
    '@type': 'Place',
    name: location.name,
    address: location.address ? postalAddress(location.address) : undefined,
    geo: coordinates ? { '@type': 'GeoCoordinates', latitude: coordinates.lat, longitude: coordinates.lon } : undefined,
  };
}

/** The Offer: a stated price as its description, or free admission at 0 €. */
function offer({ isFree, price }: Occurrence, url: string) {
  if (price) return { '@type': 'Offer', description: price, url };
  return isFree ? { '@type': 'Offer', price: 0, priceCurrency: 'EUR', url } : undefined;
}

/**
 * One `Event` per occurrence: times as the Hub sends them (with offset, or dates for all-day
 * events), place, organizer, status and price. `pageUrl` stands in for events without a link.
 */
export function eventJsonLd(items: readonly Occurrence[], pageUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@graph': items.map((item) => {
      const url = item.link && /^https?:\/\//i.test(item.link) ? item.link : pageUrl;
      return {
        '@type': 'Event',
        name: item.title,
        description: item.description ?? undefined,
        startDate: item.start,
        endDate: item.end,
        eventStatus: `${schema}${item.status === 'cancelled' ? 'EventCancelled' : 'EventScheduled'}`,
        eventAttendanceMode: `${schema}OfflineEventAttendanceMode`,
        location: item.location ? place(item.location) : undefined,
        organizer: { '@type': 'Organization', name: item.organizer.name },
        isAccessibleForFree: item.isFree ?? undefined,
        offers: offer(item, url),
        url,
      };
    }),
  };
}

/**
 * Puts the occurrences' JSON-LD into `host`'s light DOM, replacing what it put there before:
 * search engines read the page's DOM, not shadow roots. A data block, never run, so a strict
 * Content-Security-Policy allows it; `<` is escaped so no text can end the script element.
 */
export function writeEventJsonLd(host: HTMLElement, items: readonly Occurrence[], pageUrl: string): HTMLScriptElement {
  let script = host.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]');
  if (!script) {
    script = document.createElement('script');
    script.type = 'application/ld+json';
    host.append(script);
  }
  script.textContent = JSON.stringify(eventJsonLd(items, pageUrl)).replaceAll('<', '\\u003c');
  return script;
}
