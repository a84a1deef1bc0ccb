import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type { Schemas } from '../http/api.js';

/**
 * Fetches a subscribed iCalendar feed the way a polite calendar client does: conditionally
 * (If-None-Match / If-Modified-Since), with a time limit and a size limit, and only from public
 * hosts. The address check runs where the connection is made (the socket's own DNS lookup), so a
 * host that resolves to a public address when asked and to a private one when connecting
 * (DNS rebinding) is refused as well, and so is every redirect's target.
 */

export type FeedErrorKind = Schemas['CalendarSubscriptionError']['kind'];

/** A fetch that brought nothing to import; `kind` and `detail` as the subscription shows them. */
export class FeedError extends Error {
  constructor(
    readonly kind: FeedErrorKind,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export interface FeedFetchOptions {
  /** Fetch from loopback, private and link-local addresses too: local development and tests only. */
  allowPrivateAddresses?: boolean | undefined;
  /** Milliseconds for the whole fetch, redirects included (default 15 s). */
  timeoutMs?: number | undefined;
}

/** What the feed's server said last time, sent back so that an unchanged feed answers 304. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchedFeed = { changed: false } | { changed: true; text: string; contentType: string; validators: Validators };

export const MAX_FEED_BYTES = 5 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_REDIRECTS = 5;

/** Addresses no feed of the region's organizations lives at: this machine, private networks, link-local, reserved ranges. */
const notPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv6');
}

/** Whether an address (IPv4, IPv6, or IPv4 inside IPv6) belongs to a public host. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return !notPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function refusedAddress(host: string, address: string): FeedError {
  return new FeedError(
    'unreachable',
    `${host} is at ${address}, a private or local address; the Hub only fetches feeds from public hosts.`,
  );
}

/** The socket's DNS lookup, refusing every answer that is not a public address. */
function publicOnlyLookup(host: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((entry) => !isPublicAddress(entry.address));
      if (refused) return callback(refusedAddress(host, refused.address), '', 0);
      if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function request(url: URL, validators: Validators, options: FeedFetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An address in the URL is not looked up, so the socket's lookup cannot check it.
  if (!options.allowPrivateAddresses && isIP(host) && !isPublicAddress(host)) {
    return Promise.reject(refusedAddress(host, host));
  }
  const headers: Record<string, string> = {
    accept: 'text/calendar, */*;q=0.5',
    'user-agent': 'Smart-Region-Hub (calendar subscription)',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.get(url, {
      headers,
      signal,
      ...(options.allowPrivateAddresses ? {} : { lookup: publicOnlyLookup(host) }),
    });
    outgoing.on('response', resolve);
    outgoing.on('error', reject);
  });
}

async function readBody(response: IncomingMessage): Promise<string> {
  const declared = Number(response.headers['content-length']);
  if (declared > MAX_FEED_BYTES) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FEED_BYTES) {
      response.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(): FeedError {
  return new FeedError('too-large', `The feed is larger than ${MAX_FEED_BYTES / 1024 / 1024} MiB.`);
}

/** A failure of the connection as the subscription says it. */
function unreachable(url: URL, error: unknown, signal: AbortSignal): FeedError {
  if (error instanceof FeedError) return error;
  if (signal.aborted) return new FeedError('unreachable', `${url.host} did not answer in time.`);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new FeedError('unreachable', `There is no host ${url.hostname}.`);
  if (code === 'ECONNREFUSED') return new FeedError('unreachable', `${url.host} refused the connection.`);
  return new FeedError('unreachable', `${url.host} could not be reached (${code ?? (error as Error).message}).`);
}

/** Fetches the feed at `address`; a FeedError when nothing can be imported from the answer. */
export async function fetchFeed(address: string, validators: Validators, options: FeedFetchOptions = {}): Promise<FetchedFeed> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let url = new URL(address);
  for (let redirects = 0; ; redirects++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new FeedError('unreachable', `Only http and https addresses are fetched, not ${url.protocol}`);
    }
    let response: IncomingMessage;
    try {
      response = await request(url, validators, options, signal);
    } catch (error) {
      throw unreachable(url, error, signal);
    }
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && status !== 304 && location && redirects < MAX_REDIRECTS) {
      response.resume();
      url = new URL(location, url);
      continue;
    }
    if (status === 304) {
      response.resume();
      return { changed: false };
    }
    if (status < 200 || status > 299) {
      response.resume();
      throw new FeedError('http-status', `${url.host} answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}.`);
    }
    let text: string;
    try {
      text = await readBody(response);
    } catch (error) {
      throw unreachable(url, error, signal);
    }
    return {
      changed: true,
      text,
      contentType: String(response.headers['content-type'] ?? ''),
      validators: { etag: header(response, 'etag'), lastModified: header(response, 'last-modified') },
    };
  }
}

function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return typeof value === 'string' && value !== '' ? value : null;
}
