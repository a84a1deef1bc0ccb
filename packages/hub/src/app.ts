import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import openapiGlue, { type FastifyOpenapiGlueOptions } from 'fastify-openapi-glue';
import { apiKeyHandlers } from './accounts/api-keys.js';
import { auditLogHandlers } from './accounts/audit-log.js';
import { scheduleAuditPurge, type AuditRetentionOptions } from './accounts/audit-retention.js';
import { memberHandlers } from './accounts/members.js';
import { registrationHandlers } from './accounts/registrations.js';
import { meHandlers } from './accounts/me.js';
import { scheduleSignInCleanup, type SignInCleanupOptions } from './accounts/sign-in-cleanup.js';
import { signInHandlers, signInRateLimits } from './accounts/sign-in.js';
import { auditAnswers } from './auth/audit.js';
import { authorize } from './auth/authorize.js';
import { oidcSignInOption, registerOidc, type OidcOptions } from './auth/oidc.js';
import type { HubDatabase } from './db/connection.js';
import type { Handlers } from './http/api.js';
import { resolveReferences } from './http/references.js';
import { loadContract, operationOf, type Contract, type OperationConfig } from './http/contract.js';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './http/errors.js';
import { checkBody, checkMediaType, registerBodyParsers } from './http/body.js';
import { registerAnswerCache, type AnswerCacheOptions } from './http/answer-cache.js';
import { followContentChanges } from './http/content-changes.js';
import { registerEtags } from './http/etag.js';
import { rateLimitStoreOption, type RateLimitStoreKind } from './http/rate-limit-store.js';
import { ProblemError } from './http/problems.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerValidation } from './http/validation.js';
import { MailOutbox, type MailOptions, type Outbox } from './mail/outbox.js';
import { eventHandlers } from './events/handlers.js';
import { subscriptionHandlers } from './events/subscription-handlers.js';
import { scheduleSubscriptionRefresh, type CalendarSubscriptionOptions } from './events/subscriptions.js';
import { scheduleOccurrenceHorizon } from './events/stored-occurrences.js';
import { helpHandlers } from './help/handlers.js';
import { HelpSearchIndex, type HelpSearchIndexOptions } from './help/search-index.js';
import { municipalityHandlers } from './orgs/municipalities.js';
import { organizationHandlers } from './orgs/organizations.js';
import { pollHandlers, type PollOptions } from './polls/handlers.js';
import { registerPrint } from './print/register.js';
import { healthHandlers } from './system/health.js';
import { registerEmbed, type EmbedOptions } from './system/embed.js';
import { registerConfigure } from './system/configure.js';
import { registerExamples } from './system/examples.js';
import { eventJsonLdHandlers } from './events/json-ld-feed.js';
import { catalogHandlers } from './opendata/catalog/handlers.js';
import { registerOpenDataPage } from './opendata/catalog/page.js';
import { deletionHandlers, scheduleDeletionsPurge, type DeletionsRetentionOptions } from './opendata/changes.js';
import { downloadHandlers } from './opendata/downloads/handlers.js';
import { hsdsImportHandlers } from './opendata/hsds-import/handlers.js';
import { hsdsHandlers } from './opendata/hsds/handlers.js';
import { openDataOptions, type OpenDataOptions } from './opendata/licence.js';
import { registerManage } from './system/manage.js';
import { registerPages } from './system/pages.js';
import { registerStaticFiles } from './system/static-files.js';
import { volunteering, type VolunteerOptions } from './volunteering/handlers.js';
import { DEFAULT_RETENTION_DAYS } from './volunteering/retention.js';
import { redactPersonalLink } from './volunteering/self-service/links.js';
import { registerSelfService } from './volunteering/self-service/register.js';

export interface HubOptions {
  database: HubDatabase;
  /** Grants an admin key's rights, for a fresh installation (`HUB_ADMIN_TOKEN`). */
  adminToken?: string | undefined;
  logger?: FastifyServerOptions['logger'];
  /**
   * Requests per client and window; `false` turns the limit off (benchmarks). `store`: where the
   * counters live — by default the database on PostgreSQL (shared by all processes), memory on PGlite.
   */
  rateLimit?: { max: number; timeWindowMs: number; store?: RateLimitStoreKind } | false;
  /** Largest request body in bytes. */
  bodyLimit?: number;
  /** Trust `X-Forwarded-For` from a load balancer, so limits apply per real client. */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** Proof-of-work secret and difficulty of participation polls. */
  polls?: PollOptions;
  /** Proof of work and retention of volunteer responses. */
  volunteering?: VolunteerOptions;
  /** Retention of the audit log. */
  audit?: AuditRetentionOptions;
  /** The mail server for every e-mail of the Hub (`SMTP_URL`, `MAIL_FROM`); without one, mails go to the log. */
  mail?: MailOptions;
  /**
   * The Hub's origin as people reach it (`PUBLIC_URL`, e.g. `https://hub.example.org`): links in
   * mails point there, never to what a request's Host header claims. Default `http://localhost:8080`.
   */
  publicUrl?: string | undefined;
  /** The cleanup of ended sign-in links and sessions. */
  signIn?: SignInCleanupOptions;
  /** Sign-in with a municipality's own identity provider (`OIDC_*`); off when absent. */
  oidc?: OidcOptions | undefined;
  /** The hourly fetch of subscribed calendars (`CALENDAR_FEEDS_ALLOW_PRIVATE_ADDRESSES`). */
  calendarSubscriptions?: CalendarSubscriptionOptions;
  /** Which sites may frame the embed pages (`EMBED_FRAME_ANCESTORS`). */
  embed?: EmbedOptions;
  /** Licence, publisher and contact of the open data (`OPEN_DATA_*`); the region's defaults when absent. */
  openData?: OpenDataOptions;
  /** How long tombstones of entries that left the public data are kept (`DELETIONS_RETENTION_DAYS`). */
  deletions?: DeletionsRetentionOptions;
  /** Public reads answered from memory until content changes (http/answer-cache.ts); `false` turns it off. */
  answerCache?: AnswerCacheOptions | false;
  /** Help searches answered from an index in memory (help/search-index.ts); `false` runs each in the database. */
  helpSearchIndex?: HelpSearchIndexOptions | false;
}

/**
 * Log lines name the route, never the client's address or query (it may say what someone searched
 * for), nor a volunteer's personal link (`/einsaetze/<token>`) when a path matched no route.
 */
const privacyPreservingSerializers = {
  req: (request: { method: string; url: string; routeOptions?: { url?: string } }) => ({
    method: request.method,
    route: request.routeOptions?.url ?? redactPersonalLink(request.url.split('?', 1)[0]!),
  }),
  res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
};

export const defaultLoggerOptions = { level: 'info', serializers: privacyPreservingSerializers };

function allHandlers(
  options: HubOptions,
  contract: Contract,
  volunteerHandlers: ReturnType<typeof volunteering>['handlers'],
  outbox: Outbox,
  searchIndex: HelpSearchIndex | undefined,
): Handlers {
  const db = options.database.db;
  // Links in mails point to where people reach the Hub (`PUBLIC_URL`), never to a request's Host.
  const mail = { outbox, publicUrl: options.publicUrl ?? 'http://localhost:8080' };
  const openData = { openData: options.openData ?? openDataOptions({}), publicUrl: mail.publicUrl };
  return {
    ...healthHandlers(db, contract.version),
    ...municipalityHandlers(db),
    ...organizationHandlers(db),
    ...eventHandlers(db, contract.version),
    ...subscriptionHandlers(db, options.calendarSubscriptions ?? {}),
    ...helpHandlers(db, searchIndex),
    ...pollHandlers(db, options.polls),
    ...volunteerHandlers,
    ...signInHandlers(db, { ...mail, oidc: oidcSignInOption(options.oidc) }),
    ...meHandlers(db),
    ...registrationHandlers(db, mail),
    ...memberHandlers(db, mail),
    ...apiKeyHandlers(db),
    ...auditLogHandlers(db),
    ...hsdsHandlers(db, openData),
    ...hsdsImportHandlers(db),
    ...downloadHandlers(db, openData),
    ...catalogHandlers(db, openData),
    ...deletionHandlers(db),
    ...eventJsonLdHandlers(db, openData),
  };
}

/** Builds the Hub: every API route comes from the contract, validated before a handler runs. */
export async function buildApp(options: HubOptions): Promise<FastifyInstance> {
  const contract = loadContract();
  const logger = options.logger === true ? defaultLoggerOptions : (options.logger ?? false);
  const app = Fastify({
    logger,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Requests still on an open connection are served while the Hub shuts down gracefully.
    return503OnClosing: false,
    // Errors before routing (a path that does not decode, a segment too long, a request head
    // Node refuses) are problems too.
    frameworkErrors,
    clientErrorHandler,
  });

  registerErrorHandling(app, contract);
  registerValidation(app);
  registerBodyParsers(app);
  registerSecurityHeaders(app, {
    // Widget bundles and the API are used from other sites.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept-Language', 'If-None-Match', 'If-Match', 'Idempotency-Key'],
    exposedHeaders: ['ETag', 'Retry-After', 'Location'],
    maxAge: 86_400,
  });
  // No parsing on every request: only auth/sessions.ts reads the session cookie, where an operation asks for it.
  await app.register(cookie, { hook: false });
  if (options.rateLimit !== false) {
    const { max, timeWindowMs, store } = options.rateLimit ?? { max: 600, timeWindowMs: 60_000 };
    await app.register(rateLimit, {
      max,
      timeWindow: timeWindowMs,
      // Counted in PostgreSQL, so all processes behind one balancer count a client's requests together.
      ...rateLimitStoreOption(app, options.database, store),
      // A monitor behind a busy NAT shares its address with the API's users; it must not see the Hub as down.
      allowList: (request) => operationOf(request)?.operationId === 'getHealth',
      errorResponseBuilder: (_request, context) =>
        new ProblemError('rate-limited', `Too many requests from this client. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`),
    });
  }
  registerEtags(app);
  // After the ETag hook, so an answer that became 304 is not recorded as a read.
  app.addHook('onSend', auditAnswers(options.database.db));
  // After the ETag hook too: an answer is kept with its ETag.
  const answerCache = options.answerCache === false ? undefined : registerAnswerCache(app, options.answerCache);
  app.decorate('answerCache', answerCache);
  const searchIndex = options.helpSearchIndex === false ? undefined : new HelpSearchIndex(options.database.db, options.helpSearchIndex);
  app.decorate('helpSearchIndex', searchIndex);
  await followContentChanges(
    app,
    options.database,
    [answerCache, searchIndex].filter((follower) => follower !== undefined),
  );

  const outbox = new MailOutbox(options.database.db, { publicUrl: options.publicUrl, ...options.mail }, app.log);
  const volunteer = volunteering(options.database.db, options.volunteering ?? {}, app.log, outbox);
  const auditPurge = scheduleAuditPurge(options.database.db, options.audit ?? {}, app.log);
  const deletionsPurge = scheduleDeletionsPurge(options.database.db, options.deletions ?? {}, app.log);
  const signInCleanup = scheduleSignInCleanup(options.database.db, options.signIn ?? {}, app.log);
  const subscriptionRefresh = scheduleSubscriptionRefresh(options.database.db, options.calendarSubscriptions ?? {}, app.log);
  const occurrenceHorizon = scheduleOccurrenceHorizon(options.database.db, app.log);
  // preClose: the jobs stop before the database closes (onClose).
  app.addHook('preClose', async () => {
    await volunteer.stop();
    await auditPurge.stop();
    await deletionsPurge.stop();
    await signInCleanup.stop();
    await subscriptionRefresh.stop();
    await occurrenceHorizon.stop();
    await outbox.stop();
  });
  const handlers = allHandlers(options, contract, volunteer.handlers, outbox, searchIndex);
  const references = resolveReferences(options.database.db);
  const operations = new Map(contract.operations.map((operation) => [operation.operationId, operation]));
  for (const operationId of operations.keys()) {
    if (!(operationId in handlers)) throw new Error(`The contract's operation ${operationId} has no handler.`);
  }
  await app.register(openapiGlue, {
    specification: contract.document,
    // The generator spreads what the resolver returns into its route options, so handler and
    // hooks suffice; its type asks for whole route options.
    operationResolver: ((operationId: string) => {
      const operation = operations.get(operationId)!;
      const config: OperationConfig & { rateLimit?: object } = { operation, rateLimit: signInRateLimits[operationId] };
      return {
        handler: handlers[operationId as keyof Handlers],
        config,
        preHandler: references,
        ...(operation.security.length > 0 ? { onRequest: authorize(options.database.db, operation, options.adminToken) } : {}),
        ...(operation.bodyTypes.length > 0 ? { preParsing: checkMediaType(operation), preValidation: checkBody(operation) } : {}),
      };
    }) as unknown as FastifyOpenapiGlueOptions['operationResolver'],
  });
  await registerPages(app, contract);
  registerOidc(app, options.database.db, options.oidc, options.publicUrl);
  await registerStaticFiles(app);
  await registerExamples(app, options.database.db);
  await registerEmbed(app, options.database.db, options.embed);
  await registerPrint(app, options.database.db, {
    publicUrl: options.publicUrl ?? 'http://localhost:8080',
    volunteerRetentionDays: options.volunteering?.retentionDays ?? DEFAULT_RETENTION_DAYS,
  });
  registerOpenDataPage(app, options.database.db, {
    openData: options.openData ?? openDataOptions({}),
    publicUrl: options.publicUrl ?? 'http://localhost:8080',
  });
  await registerSelfService(app, options.database.db, outbox);
  await registerManage(app);
  await registerConfigure(app);

  app.addHook('onClose', async () => {
    await options.database.close();
  });
  return app;
}
