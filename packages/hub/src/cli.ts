#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import closeWithGrace from 'close-with-grace';
import { purgeAuditLog } from './accounts/audit-retention.js';
import { findPersonByEmail, listApiKeys, makeRegionAdmin, personWithAddress, revokeApiKey } from './accounts/queries.js';
import { buildApp, defaultLoggerOptions } from './app.js';
import { createApiKey } from './auth/api-keys.js';
import { isUuid } from './auth/resource-owners.js';
import { apiKeyScopes, isApiKeyScope, type ApiKeyScope } from './auth/roles.js';
import { readConfig, type HubConfig } from './config.js';
import { openDatabase, type HubDatabase } from './db/connection.js';
import { claimDataDir, findDataDirOwner } from './db/data-dir-lock.js';
import { migrate } from './db/migrate.js';
import { sharedSecret } from './db/shared-secrets.js';
import { importCalendar } from './events/ics-import.js';
import { ProblemError } from './http/problems.js';
import { importHsds, reportText, servicesOf, type HsdsImportReport } from './opendata/hsds-import/import.js';
import { purgeDeletions } from './opendata/changes.js';
import { isEmpty, seed } from './orgs/seed/seed.js';
import { registerDraining } from './system/draining.js';
import { purgeResponses } from './volunteering/retention.js';

const usage = `sr-hub – the Smart Region Hub

Usage:
  sr-hub serve [--seed-if-empty]     start the Hub (PORT, HOST, DATABASE_URL, HUB_DATA_DIR, HUB_ADMIN_TOKEN,
                                     SHUTDOWN_DRAIN_MS)
  sr-hub migrate                     apply pending database migrations
  sr-hub seed                        add the demo data (real municipalities, example organizations and events)
  sr-hub create-api-key --organization <id> [--scope <scope>]... [--label <text>]
  sr-hub create-api-key --admin [--label <text>]
                                     create an API key; it is shown once and stored hashed
  sr-hub list-api-keys               the keys not revoked, admin keys too: id, prefix, organization,
                                     scopes, label, expiry, last use (never the keys themselves)
  sr-hub revoke-api-key <key-id>     revoke a key, an admin key too; it stops working at once
  sr-hub import-ics --organization <id> <file-or-url>
                                     import an iCalendar feed as the organization's events
                                     (same rules as POST /organizations/{id}/calendar-imports)
  sr-hub import-hsds --organization <id> [--dry-run] <file.json|file.zip>
                                     import an HSDS dataset (JSON or datapackage zip) as the
                                     organization's help offers (same rules as POST
                                     /organizations/{id}/hsds-imports); prints the report
  sr-hub add-region-admin <email> [--name <text>]
                                     make the person with this address a region admin (approves
                                     registrations); an address without an account needs --name
  sr-hub purge                       delete volunteer responses VOLUNTEER_RETENTION_DAYS (default 90)
                                     days after their need ended, and audit log entries older than
                                     AUDIT_RETENTION_DAYS (default 730), and tombstones of deleted
                                     entries older than DELETIONS_RETENTION_DAYS (default 90)
                                     (the running Hub does this too)

Scopes: ${apiKeyScopes.join(', ')} (default for organizations: organization:write)
Without DATABASE_URL the Hub uses embedded PGlite in HUB_DATA_DIR (default .hub-data/).
With SMTP_URL (and MAIL_FROM) the Hub sends its e-mails (sign-in links, invitations, volunteer responses);
without it, it writes them to its log.`;

class UsageError extends Error {}

/** Enough to catch a mix-up of arguments; the address proves itself when its sign-in link arrives. */
const plainAddress = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

const organizationIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The organization a command works on, as a UUID. */
function organizationArgument(organizationId: string): string {
  if (!organizationIdPattern.test(organizationId)) {
    throw new UsageError(`"${organizationId}" is not an organization id (a UUID). List them: GET /organizations.`);
  }
  return organizationId;
}

/** The same problems the API answers with (nothing was imported), as the command's error. */
function importProblem(error: unknown): unknown {
  if (!(error instanceof ProblemError)) return error;
  const report = error.problem['report'] as HsdsImportReport | undefined;
  const details = report ? [reportText(report)] : (error.problem.errors ?? []).map((entry) => `  ${entry.reason}`);
  return new UsageError([error.problem.detail, ...details].join('\n'));
}

/** An HSDS dataset from a file: a datapackage zip (by its signature) or JSON. */
async function readDataset(path: string): Promise<unknown> {
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (error) {
    throw new UsageError(`Cannot read "${path}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  if (content.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return new Uint8Array(content);
  try {
    return JSON.parse(content.toString('utf8')) as unknown;
  } catch (error) {
    throw new UsageError(`"${path}" is neither a zip nor JSON: ${(error as Error).message}`);
  }
}

/** The feed from a file, or from an http(s) URL (a webcal:// link is the same feed over https). */
async function readFeed(source: string): Promise<string> {
  const url = /^webcal:\/\//i.test(source) ? source.replace(/^webcal:/i, 'https:') : source;
  if (!/^https?:\/\//i.test(url)) {
    try {
      return await readFile(source, 'utf8');
    } catch (error) {
      throw new UsageError(`Cannot read "${source}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
  }
  const response = await fetch(url, { headers: { accept: 'text/calendar' }, signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new UsageError(`${url} answered ${response.status} ${response.statusText}.`);
  return response.text();
}

/** Opens the database for a CLI command, refusing clearly when a running Hub owns the PGlite directory. */
async function openForCommand(config: HubConfig, onConnectionError?: (error: Error) => void): Promise<HubDatabase> {
  if (!config.databaseUrl) {
    const owner = await findDataDirOwner(config.dataDir);
    if (owner) {
      throw new UsageError(
        `A Hub is running on this data directory (${config.dataDir}, pid ${owner.pid}, port ${owner.port}).\n` +
          'Embedded PGlite allows one process at a time: stop that Hub first, or do this through its API ' +
          `(http://localhost:${owner.port}/docs).`,
      );
    }
  }
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, onConnectionError });
  await migrate(database);
  return database;
}

async function serve(config: HubConfig, seedIfEmpty: boolean): Promise<void> {
  // Requests answer 503 while the database is away; the log says why, once per broken connection.
  const database = await openForCommand(config, (error) => console.warn(`Database connection lost: ${error.message}`));
  const releaseDataDir = config.databaseUrl ? async () => {} : await claimDataDir(config.dataDir, config.port);
  if (seedIfEmpty && (await isEmpty(database.db))) {
    const seeded = await seed(database.db);
    console.log(`Demo data added: ${seeded.municipalities} municipalities, ${seeded.organizations} example organizations.`);
  }
  // Set, it is the operator's; unset, the database keeps one for every process on it.
  const proofSecret = config.pollProofSecret ?? (await sharedSecret(database.db, 'proof-of-work'));
  const app = await buildApp({
    database,
    adminToken: config.adminToken,
    logger: { ...defaultLoggerOptions, level: config.logLevel },
    rateLimit: { max: config.rateLimitMax, timeWindowMs: 60_000 },
    answerCache: config.answerCacheMb > 0 && { maxBytes: config.answerCacheMb * 1024 * 1024 },
    helpSearchIndex: config.helpSearchIndex && {},
    trustProxy: config.trustProxy,
    polls: { proofSecret },
    volunteering: { proofSecret, retentionDays: config.volunteerRetentionDays },
    audit: { retentionDays: config.auditRetentionDays },
    mail: { smtpUrl: config.smtpUrl, from: config.mailFrom },
    publicUrl: config.publicUrl,
    oidc: config.oidc,
    calendarSubscriptions: { allowPrivateAddresses: config.calendarFeedsAllowPrivateAddresses },
    embed: { frameAncestors: config.embedFrameAncestors },
    openData: config.openData,
    deletions: { retentionDays: config.deletionsRetentionDays },
  });
  const drain = registerDraining(app);
  // SIGTERM/SIGINT: drain (answer with `Connection: close`, /health 503), then stop accepting,
  // let in-flight requests finish and close the database. A second signal stops at once.
  closeWithGrace({ delay: config.shutdownDrainMs + 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else {
      app.log.info({ signal, drainMs: config.shutdownDrainMs }, 'shutting down');
      await drain(config.shutdownDrainMs);
    }
    await app.close();
    await releaseDataDir();
  });
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  console.log(`Smart Region Hub on http://localhost:${config.port} (${where}) – API reference: http://localhost:${config.port}/docs`);
}

async function withDatabase<T>(config: HubConfig, work: (database: HubDatabase) => Promise<T>): Promise<T> {
  const database = await openForCommand(config);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'seed-if-empty': { type: 'boolean', default: false },
      organization: { type: 'string' },
      admin: { type: 'boolean', default: false },
      scope: { type: 'string', multiple: true },
      label: { type: 'string' },
      name: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(usage);
    return;
  }
  const config = readConfig();
  switch (command) {
    case 'serve':
      return serve(config, values['seed-if-empty']);
    case 'migrate':
      return withDatabase(config, async () => {
        console.log('Database is up to date.');
      });
    case 'seed':
      return withDatabase(config, async (database) => {
        const seeded = await seed(database.db);
        console.log(`Demo data: ${seeded.municipalities} municipalities, ${seeded.organizations} example organizations added.`);
      });
    case 'create-api-key':
      return withDatabase(config, async (database) => {
        // An admin key holds `admin`, which is no scope an organization's key may hold.
        const scopes = values.scope ?? (values.admin ? [] : ['organization:write']);
        const unknown = scopes.filter((scope) => !isApiKeyScope(scope));
        if (unknown.length > 0) throw new UsageError(`Unknown scope ${unknown.join(', ')}. Scopes: ${apiKeyScopes.join(', ')}.`);
        if (!values.admin && !values.organization)
          throw new UsageError('Name the organization (--organization <id>) or make an admin key (--admin).');
        if (values.admin && values.organization) throw new UsageError('An admin key acts for the whole region: leave out --organization.');
        if (values.organization) {
          if (!organizationIdPattern.test(values.organization)) {
            throw new UsageError(`"${values.organization}" is not an organization id (a UUID). List them: GET /organizations.`);
          }
          const found = await database.db
            .selectFrom('organizations')
            .select('name')
            .where('id', '=', values.organization)
            .executeTakeFirst();
          if (!found) throw new UsageError(`There is no organization "${values.organization}". List them: GET /organizations.`);
        }
        const created = await createApiKey(database.db, {
          organizationId: values.admin ? null : (values.organization ?? null),
          scopes: values.admin ? ['admin'] : (scopes as ApiKeyScope[]),
          label: values.label,
        });
        console.log(`API key (shown once, store it safely):\n${created.key}\n\nscopes: ${created.scopes.join(', ')}`);
      });
    case 'list-api-keys':
      return withDatabase(config, async (database) => {
        const minute = (moment: Date | null) => (moment ? `${moment.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'never');
        for (const key of await listApiKeys(database.db)) {
          console.log(
            [
              key.id,
              `${key.prefix}…`,
              key.organization_id ?? 'admin',
              key.scopes.join(','),
              JSON.stringify(key.label ?? ''),
              `expires ${minute(key.expires_at)}`,
              `last used ${minute(key.last_used_at)}`,
            ].join('  '),
          );
        }
      });
    case 'revoke-api-key': {
      const keyId = positionals[1];
      if (!keyId || !isUuid(keyId)) throw new UsageError('Usage: sr-hub revoke-api-key <key-id> (a UUID, see sr-hub list-api-keys)');
      return withDatabase(config, async (database) => {
        if (!(await revokeApiKey(database.db, keyId)))
          throw new UsageError(`There is no API key "${keyId}" that works (see sr-hub list-api-keys).`);
        console.log(`API key ${keyId} revoked.`);
      });
    }
    case 'import-ics': {
      const organizationId = values.organization;
      const source = positionals[1];
      if (!organizationId || !source) throw new UsageError('Usage: sr-hub import-ics --organization <id> <file-or-url>');
      organizationArgument(organizationId);
      const feed = await readFeed(source);
      return withDatabase(config, async (database) => {
        try {
          const result = await importCalendar(database.db, organizationId, feed);
          console.log(
            `Imported: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.removed} removed.`,
          );
        } catch (error) {
          throw importProblem(error);
        }
      });
    }
    case 'import-hsds': {
      const organizationId = values.organization;
      const path = positionals[1];
      if (!organizationId || !path) throw new UsageError('Usage: sr-hub import-hsds --organization <id> [--dry-run] <file.json|file.zip>');
      organizationArgument(organizationId);
      const dataset = await readDataset(path);
      return withDatabase(config, async (database) => {
        try {
          const services = servicesOf(dataset);
          console.log(reportText(await importHsds(database.db, organizationId, services, { dryRun: values['dry-run'] })));
        } catch (error) {
          throw importProblem(error);
        }
      });
    }
    case 'add-region-admin': {
      const email = positionals[1];
      if (!email) throw new UsageError('Usage: sr-hub add-region-admin <email> [--name <text>]');
      if (!plainAddress.test(email)) throw new UsageError(`"${email}" is not an e-mail address.`);
      const name = values.name?.trim();
      return withDatabase(config, async (database) => {
        const existing = await findPersonByEmail(database.db, email);
        if (!existing && !name) throw new UsageError(`${email} has no account yet: give the person's name too (--name "…").`);
        const person = existing ?? (await personWithAddress(database.db, email, name!));
        await makeRegionAdmin(database.db, person.id);
        console.log(
          `${person.display_name} <${person.email}> is a region admin: they sign in on the Hub's /manage/ page with this address.`,
        );
      });
    }
    case 'purge':
      return withDatabase(config, async (database) => {
        const deleted = await purgeResponses(database.db, config.volunteerRetentionDays);
        console.log(`Deleted ${deleted} volunteer responses of needs that ended more than ${config.volunteerRetentionDays} days ago.`);
        const entries = await purgeAuditLog(database.db, config.auditRetentionDays);
        console.log(`Deleted ${entries} audit log entries older than ${config.auditRetentionDays} days.`);
        const tombstones = await purgeDeletions(database.db, config.deletionsRetentionDays);
        console.log(`Deleted ${tombstones} tombstones of deleted entries older than ${config.deletionsRetentionDays} days.`);
      });
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${usage}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error((error as Error).message);
    process.exitCode = 2;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
});
