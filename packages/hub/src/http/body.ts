import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ContractOperation } from './contract.js';
import { fieldError, invalidFields, ProblemError } from './problems.js';

/** Largest iCalendar feed an organization may import. */
export const CALENDAR_BODY_LIMIT = 5 * 1024 * 1024;

/** Largest HSDS dataset (JSON or datapackage zip) an organization may import. */
export const HSDS_IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

/**
 * The Hub takes JSON bodies (and, where the contract says so, other types with their own parser).
 * Fastify's built-in text/plain parser would let plain text reach handlers, so it goes.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  // The route generator checks every media type of the contract, error responses included, for a
  // parser. Problem details are JSON; `checkMediaType` still refuses them as request bodies.
  app.addContentTypeParser('application/problem+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  // iCalendar feeds are imported as text (ical.js parses them in the handler's module).
  app.addContentTypeParser('text/calendar', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  // HSDS datapackages are imported as bytes (unpacked in the handler's module, opendata/hsds-import).
  app.addContentTypeParser('application/zip', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  // Feeds and datasets are larger than JSON bodies. Fastify applies a route's limit over a parser's, so the
  // routes that take text/calendar or application/zip get theirs here, as the route generator registers them.
  app.addHook('onRoute', (route) => {
    const content = (route.schema?.body as { content?: Record<string, unknown> } | undefined)?.content;
    if (content && 'text/calendar' in content) route.bodyLimit = CALENDAR_BODY_LIMIT;
    if (content && 'application/zip' in content) route.bodyLimit = HSDS_IMPORT_BODY_LIMIT;
  });
}

/**
 * A `preParsing` hook for operations that take a body: its media type must be one the operation
 * lists. Checked before any parser reads the body, so that a feed sent as JSON is told 415, not
 * "not valid JSON". A request has a body when it says how long it is or sends it in chunks.
 */
export function checkMediaType({ bodyTypes }: ContractOperation): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const { 'content-length': length, 'transfer-encoding': encoding } = request.headers;
    if (encoding === undefined && (length === undefined || length === '0')) return;
    const type = (request.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
    if (!bodyTypes.includes(type)) {
      throw new ProblemError('unsupported-media-type', `Send the body as ${bodyTypes.join(' or ')}, not "${type || 'no content type'}".`);
    }
  };
}

/**
 * A `preValidation` hook for operations that take a body: it is there when the contract says
 * `requestBody.required` (Fastify validates a body only by its media type, so a request without
 * one would reach the handler).
 */
export function checkBody({ bodyTypes, bodyRequired }: ContractOperation): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    // An empty body of a text type the operation does not take arrives as '' (checkMediaType lets
    // empty bodies pass): that is no body either. An empty feed where one is taken is the handler's to judge.
    const type = (request.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
    const missing = request.body === undefined || (request.body === '' && !bodyTypes.includes(type));
    if (missing && bodyRequired) {
      // A missing body is a malformed request (400), not content that fails the rules (422).
      throw invalidFields(
        'invalid-request',
        'body',
        [fieldError('', 'required', 'is required')],
        `A request body is required: send it as ${bodyTypes.join(' or ')}.`,
      );
    }
  };
}
