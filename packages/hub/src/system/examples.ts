import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { assetUrl } from '../assets.js';
import type { Database } from '../db/schema.js';
import { ProblemError } from '../http/problems.js';
import { cdnDir, widgetsVersion } from './static-files.js';

const examplesDir = assetUrl('examples');

/**
 * The policy a careful municipal site would send: everything from its own origin, nothing
 * inline, no eval. The widgets must work under it unchanged.
 */
export const examplesPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** What the pages load besides their HTML: their style sheets, fonts, pictures, font licenses. */
const assetPattern = /\.(css|woff2|svg|png|txt)$/;

/**
 * The folders of `examples/` with a package.json of their own (`vite/`): projects that their own
 * tools build and serve, not pages of the Hub. The Hub serves nothing of them, so neither their
 * sources nor a build output or node_modules left there by a developer reach a browser.
 */
export function exampleProjects(dir: URL): Set<string> {
  if (!existsSync(dir)) return new Set();
  return new Set(
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/package.json`, dir)))
      .map((entry) => entry.name),
  );
}

interface CdnManifest {
  files: Record<string, { integrity: string; imports: string[] }>;
}

/** The manifest as built now: the widget files (and so their hashes) change with every build. */
async function readManifest(): Promise<CdnManifest> {
  try {
    return JSON.parse(await readFile(new URL('manifest.json', cdnDir), 'utf8')) as CdnManifest;
  } catch {
    throw new ProblemError('service-unavailable', 'The widget files are not built yet (npm run build:cdn).');
  }
}

/** `file` and the chunks it imports, directly or through other chunks, chunks first. */
function withImports(manifest: CdnManifest, file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const imports = manifest.files[file]?.imports ?? [];
  return [...imports.flatMap((chunk) => withImports(manifest, chunk, seen)), file];
}

// <script type="module" src="/widgets/{{version}}/sr-event-calendar.js" integrity="{{integrity}}" crossorigin="anonymous"></script>
const widgetScript = /<script\b[^>]*\bsrc="\/widgets\/\{\{version\}\}\/([^"]+)"[^>]*><\/script>/g;
const organizationPlaceholder = /\{\{organization:([^}]+)\}\}/g;

/**
 * Fills in what changes between builds and installations, so the page is exactly what a
 * webmaster would paste:
 * - each widget `<script>` gets the built file's SRI hash, preceded by `<link rel="modulepreload">`
 *   with the hashes of the chunks it imports, so every file it loads up front is checked;
 *   a widget this build lacks becomes an HTML comment (the element then stays undefined);
 * - `{{organization:Name}}` becomes the id this Hub gave the organization.
 */
export async function renderExample(html: string, db: Kysely<Database>): Promise<string> {
  const manifest = await readManifest();
  const version = widgetsVersion();
  const preloaded = new Set<string>();
  const withScripts = html.replace(widgetScript, (script, file: string, offset: number) => {
    const entry = manifest.files[file];
    if (!entry) return `<!-- ${file} is not part of this Hub's widget build. -->`;
    const chunks = withImports(manifest, file).filter((chunk) => chunk !== file && !preloaded.has(chunk));
    chunks.forEach((chunk) => preloaded.add(chunk));
    const indent = html.slice(html.lastIndexOf('\n', offset) + 1, offset);
    const preloads = chunks.map(
      (chunk) =>
        `<link rel="modulepreload" href="/widgets/${version}/${chunk}" integrity="${manifest.files[chunk]!.integrity}" crossorigin="anonymous">\n${indent}`,
    );
    return `${preloads.join('')}${script.replace('{{version}}', version).replace('{{integrity}}', entry.integrity)}`;
  });

  const names = [...withScripts.matchAll(organizationPlaceholder)].map(([, name]) => name!);
  if (names.length === 0) return withScripts;
  const rows = await db.selectFrom('organizations').select(['id', 'name']).where('name', 'in', names).execute();
  const ids = new Map(rows.map((row) => [row.name, row.id]));
  return withScripts.replace(organizationPlaceholder, (_, name: string) => {
    const id = ids.get(name);
    if (!id)
      throw new ProblemError(
        'not-found',
        `This example shows the organization "${name}", which this Hub does not have. Add the demo data: sr-hub seed.`,
      );
    return id;
  });
}

/**
 * The example pages of a municipality and a club at `/examples/`, each `examples/<name>/index.html`
 * rendered per request (see `renderExample`), with their style sheets and fonts, under a strict
 * Content Security Policy. Registered when the examples and the widget files are there.
 */
export async function registerExamples(app: FastifyInstance, db: Kysely<Database>): Promise<void> {
  if (!existsSync(examplesDir) || !existsSync(cdnDir)) return;
  const projects = exampleProjects(examplesDir);
  const pages = readdirSync(examplesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !projects.has(entry.name) && existsSync(new URL(`${entry.name}/index.html`, examplesDir)))
    .map((entry) => entry.name);
  const inProject = (path: string) => projects.has(path.replace(/^\//, '').split('/')[0]!);

  const servePage = (file: URL) => async (_request: unknown, reply: FastifyReply) => {
    const html = await renderExample(await readFile(file, 'utf8'), db);
    return reply
      .type('text/html; charset=utf-8')
      .header('Content-Security-Policy', examplesPolicy)
      .header('Cache-Control', 'no-cache')
      .send(html);
  };

  app.get('/examples', async (_request, reply) => reply.redirect('/examples/', 301));
  app.get('/examples/', servePage(new URL('index.html', examplesDir)));
  for (const page of pages) {
    app.get(`/examples/${page}`, async (_request, reply) => reply.redirect(`/examples/${page}/`, 301));
    app.get(`/examples/${page}/`, servePage(new URL(`${page}/index.html`, examplesDir)));
  }
  await app.register(fastifyStatic, {
    root: fileURLToPath(examplesDir),
    prefix: '/examples/',
    decorateReply: false,
    index: false,
    // The HTML goes through renderExample; the README and anything else stays unserved.
    allowedPath: (path) => assetPattern.test(path) && !inProject(path),
    setHeaders: (reply) => {
      reply.header('Content-Security-Policy', examplesPolicy);
    },
  });
}
