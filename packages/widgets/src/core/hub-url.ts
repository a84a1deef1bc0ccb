import { createHubClient, type HubClient } from '@smart-region/sdk';

export type ParsedHubUrl = { url: string } | { problem: string };

const example = 'e.g. hub-url="https://hub.example.org"';

/**
 * Checks a `hub-url` value. Accepted: an absolute http(s) address, or a path on this site
 * (`/`, `./hub`, `../api`) for a Hub that serves the page itself. Anything else is refused
 * with a `problem` for the console, because a bare `hub.example.org` would otherwise be taken
 * as a relative path and fail later with a puzzling 404.
 */
export function parseHubUrl(value: string | null | undefined): ParsedHubUrl {
  const text = value?.trim() ?? '';
  if (!text) return { problem: `hub-url is missing. Set it to the Hub's address (${example}).` };
  const hasScheme = /^[a-z][a-z\d+.-]*:/i.test(text);
  const isPath = /^\.{0,2}\//.test(text);
  if (!hasScheme && !isPath) return { problem: `hub-url="${text}" is not a URL. Did you mean hub-url="https://${text}"?` };
  let url: URL;
  try {
    url = new URL(text, document.baseURI);
  } catch {
    return { problem: `hub-url="${text}" is not a valid URL (${example}).` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: `hub-url="${text}" must be an https: or http: address (${example}).` };
  }
  return { url: url.href.replace(/\/+$/, '') };
}

// One client per Hub and language: widgets on a page share its ETag cache and connections.
const clients = new Map<string, HubClient>();

/** The shared client for a parsed `hub-url`, sending `locale` as `Accept-Language`. */
export function clientFor(url: string, locale: string): HubClient {
  const key = `${locale} ${url}`;
  let client = clients.get(key);
  if (!client) clients.set(key, (client = createHubClient({ baseUrl: url, locale })));
  return client;
}
