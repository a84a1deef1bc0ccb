import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { operationOf, type Contract } from './contract.js';
import { OutageLog } from './outage.js';
import {
  fieldError,
  invalidFields,
  problemContentType,
  ProblemError,
  type FieldError,
  type Problem,
  type RequestPart,
} from './problems.js';

/** Error codes of pg, PGlite and Node's sockets that mean "the database is not reachable". */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03', // admin/crash shutdown, cannot connect now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006', // connection exceptions
]);
// The last one: the Hub closed its database (it is shutting down) while a request still came in.
const unavailableMessages =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|PGlite is closed|driver has already been destroyed/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && unavailableCodes.has(code)) || unavailableMessages.test(error.message);
}

const validationPlace: Record<string, RequestPart> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

/** The contract's schema errors, relative to the part of the request they are in. */
function fieldErrors(error: FastifyError): FieldError[] {
  return (error.validation ?? []).map((issue) => {
    // `unevaluatedProperty`: schemas combined with allOf close themselves with unevaluatedProperties.
    const params = issue.params as { missingProperty?: string; additionalProperty?: string; unevaluatedProperty?: string; limit?: unknown };
    const unknown = params.additionalProperty ?? params.unevaluatedProperty;
    const field = params.missingProperty ?? unknown;
    const pointer = `${issue.instancePath}${field ? `/${field}` : ''}`;
    const reason = unknown ? 'is not a known field' : (issue.message ?? 'is not valid');
    // An unknown field is one rule for a client, whichever keyword closed the schema.
    const code = unknown ? 'additionalProperties' : issue.keyword;
    return fieldError(pointer, code, reason, typeof params.limit === 'number' ? params.limit : undefined);
  });
}

/** Maps any error to a problem. Only unexpected errors become 500s, and they say nothing internal. */
export function toProblem(error: FastifyError | ProblemError | Error): { problem: Problem; headers: Record<string, string> } {
  if (error instanceof ProblemError) return { problem: error.problem, headers: error.headers };
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const part = validationPlace[fastifyError.validationContext ?? 'body'] ?? 'body';
    const type = fastifyError.validationContext === 'body' ? 'validation-failed' : 'invalid-request';
    return toProblem(invalidFields(type, part, fieldErrors(fastifyError)));
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return toProblem(new ProblemError('payload-too-large', 'The request body is larger than this operation accepts.'));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return toProblem(
        new ProblemError('unsupported-media-type', 'Send the body with a content type this operation accepts (application/json).'),
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return toProblem(new ProblemError('invalid-request', 'The body is empty but the content type says JSON.'));
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return toProblem(new ProblemError('invalid-request', 'The body is not valid JSON.'));
    case 'FST_ERR_BAD_URL':
      return toProblem(new ProblemError('invalid-request', 'The path is not valid: a percent-escape in it does not decode to UTF-8.'));
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return toProblem(new ProblemError('uri-too-long', 'A part of the path is longer than any identifier of this Hub.'));
  }
  if (isDatabaseUnavailable(error)) {
    return toProblem(
      new ProblemError('service-unavailable', 'The database does not answer. Try again shortly.', { headers: { 'Retry-After': '5' } }),
    );
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    // Fastify's own client errors (malformed URL, bad JSON syntax, …): their message is safe to show.
    const type =
      status === 404
        ? 'not-found'
        : status === 413
          ? 'payload-too-large'
          : status === 414
            ? 'uri-too-long'
            : status === 415
              ? 'unsupported-media-type'
              : 'invalid-request';
    return toProblem(new ProblemError(type, fastifyError.message));
  }
  return toProblem(new ProblemError('internal-error', 'The error was logged. Please try again later.'));
}

function send(reply: FastifyReply, problem: Problem, headers: Record<string, string>): FastifyReply {
  return reply.code(problem.status).headers(headers).type(problemContentType).send(problem);
}

/**
 * Fastify's `frameworkErrors`: errors of the router before any route runs (a path that does not
 * decode, a path segment over `maxParamLength`), answered as problems like every other error.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const { problem, headers } = toProblem(error);
  send(reply, problem, headers);
}

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser refuses before Fastify sees them
 * (a request head over `maxHeaderSize`, a long URL included; malformed HTTP; a timeout). Only a
 * raw socket is left, so the problem is written by hand, and the connection closes.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new ProblemError('request-header-fields-too-large', 'The URL and headers together are longer than the Hub accepts (16 KiB).')
          .problem
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new ProblemError('request-timeout', 'The request did not arrive in time.').problem
        : new ProblemError('invalid-request', 'The request is not valid HTTP.').problem;
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\nContent-Type: ${problemContentType}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

export function registerErrorHandling(app: FastifyInstance, contract: Contract): void {
  const outage = new OutageLog();
  app.setErrorHandler((error, request, reply) => {
    const { problem, headers } = toProblem(error as FastifyError);
    if (isDatabaseUnavailable(error)) {
      outage.failed(request.log, error);
    } else if (problem.status >= 500) {
      // Only the error: request bodies may hold personal data and never go to the log.
      request.log.error({ err: error }, 'request failed');
    }
    return send(reply, problem, headers);
  });
  // Every operation of the contract reads or writes the database; one that succeeded ends an outage.
  app.addHook('onResponse', (request, reply, done) => {
    if (reply.statusCode < 300 && operationOf(request)) outage.answered(request.log);
    done();
  });

  app.setNotFoundHandler((request, reply) => {
    const allowed = contract.allowedMethods(request.url);
    if (allowed) {
      const detail = `${request.method} is not allowed on this path. Allowed: ${allowed.join(', ')}.`;
      return send(reply, new ProblemError('method-not-allowed', detail).problem, { Allow: allowed.join(', ') });
    }
    const path = request.url.split('?', 1)[0];
    return send(reply, new ProblemError('not-found', `There is nothing at ${path}.`).problem, {});
  });
}
