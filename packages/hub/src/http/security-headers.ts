import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** The headers helmet's middleware sets for `options`, recorded once. */
function helmetHeaders(options: Readonly<HelmetOptions>): [string, string][] {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    // Helmet removes `X-Powered-By`, which neither Node nor Fastify sets.
    removeHeader: () => {},
  };
  // Helmet throws on invalid options (since 8.1) rather than passing an error on.
  helmet(options)({} as never, recorder as unknown as ServerResponse, () => {});
  return headers;
}

/**
 * Helmet's security headers on every answer, pages, files and errors included. They depend on the
 * options only (the options hold no per-request directive such as a nonce), so they are worked out
 * once when the Hub starts: the Fastify plugin rebuilt helmet's middleware, parsing each policy
 * directive, for every request. A page with its own `Content-Security-Policy` sets it on its
 * reply, which replaces this one.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const headers = helmetHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}
