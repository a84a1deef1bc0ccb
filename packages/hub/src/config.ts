import { resolve } from 'node:path';
import { plainHttpAllowed, type OidcOptions } from './auth/oidc.js';
import { openDataOptions, type OpenDataOptions } from './opendata/licence.js';

/** Settings from the environment; every one has a default that works on a laptop. */
export interface HubConfig {
  port: number;
  host: string;
  /** PostgreSQL server; embedded PGlite in `dataDir` when absent. */
  databaseUrl: string | undefined;
  dataDir: string;
  adminToken: string | undefined;
  /** Signs the proof-of-work challenges of polls and volunteer responses; generated per process when absent. */
  pollProofSecret: string | undefined;
  /** Mail server for every e-mail of the Hub (nodemailer URL); when absent, e-mails are written to the log. */
  smtpUrl: string | undefined;
  /** Sender of the Hub's e-mails. */
  mailFrom: string | undefined;
  /** Days after a volunteer need ended until its responses are deleted. */
  volunteerRetentionDays: number;
  /** Days an entry of the audit log is kept. */
  auditRetentionDays: number;
  /** Days a mirror can learn that an entry left the public data (`GET /deletions`). */
  deletionsRetentionDays: number;
  /** Licence, publisher and contact of the open data (`OPEN_DATA_*`). */
  openData: OpenDataOptions;
  rateLimitMax: number;
  /** Mebibytes of public answers each process keeps in memory (`http/answer-cache.ts`); 0 keeps none. */
  answerCacheMb: number;
  /** Help searches from an index in memory (`help/search-index.ts`); `HELP_SEARCH_INDEX=false` runs each in the database. */
  helpSearchIndex: boolean;
  /**
   * How long a stopping Hub keeps answering (with `Connection: close`, `/health` 503) before it
   * stops accepting: longer than a load balancer's health-check interval when there is one.
   */
  shutdownDrainMs: number;
  trustProxy: boolean;
  /**
   * Calendar subscriptions may fetch feeds from loopback, private and link-local addresses: for
   * local development and tests only; otherwise only public hosts are fetched (no requests into
   * the Hub's own network on an organization's behalf).
   */
  calendarFeedsAllowPrivateAddresses: boolean;
  /**
   * The Hub's origin as people reach it, e.g. `https://hub.example.org`: sign-in and invitation
   * links in mails point there. A setting, not the request's Host header, which the client writes:
   * a link asked for with a forged Host must still lead to this Hub. Default `http://localhost:<PORT>`.
   */
  publicUrl: string;
  /** Sign-in with the municipality's own identity provider (`OIDC_*`); off when `OIDC_ISSUER` is unset. */
  oidc: OidcOptions | undefined;
  /** The only sites that may frame the embed pages (`/embed/…`), as origins; any site when unset. */
  embedFrameAncestors: string[] | undefined;
  logLevel: string;
}

/** `PUBLIC_URL` (or a site of `EMBED_FRAME_ANCESTORS`) as an origin: http(s), scheme, host and port only. */
function origin(name: string, raw: string, what = "the Hub's address like https://hub.example.org"): string {
  const url = URL.parse(raw);
  if (
    !url ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    (url.pathname !== '/' && url.pathname !== '') ||
    url.search ||
    url.hash
  ) {
    throw new Error(`${name} must be ${what} (no path), not "${raw}".`);
  }
  return url.origin;
}

/** `EMBED_FRAME_ANCESTORS`: origins separated by spaces or commas, or nothing. */
function origins(name: string, raw: string | undefined): string[] | undefined {
  const list = (raw ?? '').split(/[\s,]+/).filter(Boolean);
  return list.length > 0
    ? list.map((entry) => origin(name, entry, "a list of sites' addresses like https://www.randersacker.de"))
    : undefined;
}

/** `OIDC_ISSUER` with its client's id and secret at the provider, or nothing at all. */
function oidc(env: NodeJS.ProcessEnv): OidcOptions | undefined {
  const issuer = env.OIDC_ISSUER;
  if (!issuer) return undefined;
  const url = URL.parse(issuer);
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && plainHttpAllowed(url)))) {
    throw new Error(`OIDC_ISSUER must be the identity provider's issuer, an https address, not "${issuer}".`);
  }
  const clientId = env.OIDC_CLIENT_ID;
  const clientSecret = env.OIDC_CLIENT_SECRET;
  if (!clientId || !clientSecret)
    throw new Error("OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET: the Hub's client at the identity provider.");
  return { issuer, clientId, clientSecret, label: env.OIDC_LABEL || 'Mit dem Konto der Kommune anmelden' };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}".`);
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const port = integer(env, 'PORT', 8080);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.HUB_DATA_DIR || '.hub-data'),
    adminToken: env.HUB_ADMIN_TOKEN || undefined,
    pollProofSecret: env.POLL_PROOF_SECRET || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    volunteerRetentionDays: integer(env, 'VOLUNTEER_RETENTION_DAYS', 90),
    auditRetentionDays: integer(env, 'AUDIT_RETENTION_DAYS', 730),
    deletionsRetentionDays: integer(env, 'DELETIONS_RETENTION_DAYS', 90),
    openData: openDataOptions(env),
    rateLimitMax: integer(env, 'RATE_LIMIT_MAX', 600),
    answerCacheMb: integer(env, 'ANSWER_CACHE_MB', 32),
    helpSearchIndex: env.HELP_SEARCH_INDEX !== 'false',
    shutdownDrainMs: integer(env, 'SHUTDOWN_DRAIN_MS', 2_000),
    trustProxy: env.TRUST_PROXY === 'true',
    calendarFeedsAllowPrivateAddresses: env.CALENDAR_FEEDS_ALLOW_PRIVATE_ADDRESSES === 'true',
    publicUrl: origin('PUBLIC_URL', env.PUBLIC_URL || `http://localhost:${port}`),
    oidc: oidc(env),
    embedFrameAncestors: origins('EMBED_FRAME_ANCESTORS', env.EMBED_FRAME_ANCESTORS),
    logLevel: env.LOG_LEVEL || 'info',
  };
}
