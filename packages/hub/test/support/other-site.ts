import { createServer, type Server } from 'node:http';

/** A website on another origin than the Hub (another port), as a municipality's would be. */
export interface OtherSite {
  /** e.g. `http://127.0.0.1:40124` */
  url: string;
  /** Its pages by path (query included), each served under its policy: HTML, or CSS for a path ending in `.css`. */
  pages: Map<string, string>;
  close(): Promise<void>;
}

/** A careful site's policy: its own files, the Hub's scripts and frames, nothing inline. */
export const otherSitePolicy = (hubUrl: string) =>
  [
    "default-src 'self'",
    `script-src 'self' ${hubUrl}`,
    "style-src 'self'",
    "img-src 'self' data:",
    `frame-src 'self' ${hubUrl}`,
    // The script snippet's widgets read from the Hub; framed ones read from their own page.
    `connect-src 'self' ${hubUrl}`,
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'self'",
    // Its own pages may frame each other; no other site may.
    "frame-ancestors 'self'",
  ].join('; ');

/** Starts the site on a free loopback port; its pages are added to `pages` before they are visited. */
export async function startOtherSite(hubUrl: string): Promise<OtherSite> {
  const pages = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    // Browsers ask for an icon; a site without one answers with nothing, not an error.
    if (request.url === '/favicon.ico') return void response.writeHead(204).end();
    const page = pages.get(request.url ?? '');
    if (page === undefined) return void response.writeHead(404).end();
    const type = request.url?.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/html; charset=utf-8';
    response.writeHead(200, { 'content-type': type, 'content-security-policy': otherSitePolicy(hubUrl) }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    pages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
