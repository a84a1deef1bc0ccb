import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { assetUrl } from '../assets.js';
import type { Database } from '../db/schema.js';
import { escapeHtml } from '../http/html.js';
import { ProblemError } from '../http/problems.js';
import {
  embeddableWidgets,
  embedParameters,
  isEmbeddable,
  type EmbeddableWidget,
  type EmbedParameters,
  type Language,
} from './embed-parameters.js';
import { examplesPolicy, renderExample } from './examples.js';
import { pageLanguage } from './manage.js';
import { cdnDir } from './static-files.js';

const pagesDir = assetUrl('pages');

export interface EmbedOptions {
  /**
   * The sites that may frame the embed pages (`EMBED_FRAME_ANCESTORS`), as origins such as
   * `https://www.randersacker.de`; any site when absent.
   */
  frameAncestors?: string[] | undefined;
}

/** The example pages' policy with some directives replaced. */
function policy(directives: Record<string, string>): string {
  return examplesPolicy
    .split('; ')
    .map((directive) => {
      const name = directive.split(' ', 1)[0]!;
      return directives[name] ?? directive;
    })
    .join('; ');
}

/**
 * The theme's custom properties as a `<style>` element; the CSP allows exactly it by its hash. A
 * widget page takes the theme's colour scheme as a whole; an embed page leaves it to the widget
 * (its `theme` attribute): a frame whose scheme differs from the site's gets an opaque background,
 * a dark edge around the widget on a light site.
 */
function themeStyle(kind: Kind, { properties, theme }: EmbedParameters): { element: string; hash: string } | undefined {
  const declarations = Object.entries(properties).map(([property, value]) => `${property}:${value}`);
  if (theme && kind === 'page') declarations.push(`color-scheme:${theme}`);
  if (declarations.length === 0) return undefined;
  const css = `:root{${declarations.join(';')}}`;
  return { element: `  <style>${css}</style>`, hash: `'sha256-${createHash('sha256').update(css).digest('base64')}'` };
}

const widgetScript = (file: string) =>
  `  <script type="module" src="/widgets/{{version}}/${file}" integrity="{{integrity}}" crossorigin="anonymous"></script>`;

type Kind = 'embed' | 'page';

/**
 * The pages that show one widget alone, from the Hub's own widget files (with their integrity),
 * under the example pages' strict policy:
 * - `/embed/<widget>?…` for iframes on other sites: any site may frame it, or those of
 *   `EMBED_FRAME_ANCESTORS`; its script reports its height to the parent page (`sr-embed.js` sizes
 *   the iframe with it) and lets the help finder's quick exit leave the parent page;
 * - `/w/<widget>?…`, the same widget as a page of its own to link or share, which no site may frame.
 * The query is the configurator's: see `embedParameters`. No cookies, nothing from other origins.
 */
export async function registerEmbed(app: FastifyInstance, db: Kysely<Database>, options: EmbedOptions = {}): Promise<void> {
  if (!existsSync(cdnDir)) return;
  const [template, css] = await Promise.all([
    readFile(new URL('embed.html', pagesDir), 'utf8'),
    readFile(new URL('embed.css', pagesDir), 'utf8'),
  ]);
  const frameAncestors = options.frameAncestors?.length ? options.frameAncestors.join(' ') : '*';

  const page = (kind: Kind) => async (request: FastifyRequest<{ Params: { widget: string } }>, reply: FastifyReply) => {
    const name = request.params.widget;
    if (!isEmbeddable(name)) {
      throw new ProblemError('not-found', `There is no widget "${name}". Widgets: ${Object.keys(embeddableWidgets).join(', ')}.`);
    }
    const parameters = embedParameters(name, request.query as Record<string, unknown>);
    const lang = parameters.lang ?? pageLanguage(request.headers['accept-language']);
    const style = themeStyle(kind, parameters);
    const html = await renderExample(fill(template, { kind, name, lang, parameters, style: style?.element }), db);
    if (kind === 'embed') reply.removeHeader('X-Frame-Options');
    return reply
      .type('text/html; charset=utf-8')
      .header(
        'Content-Security-Policy',
        policy({
          'style-src': style ? `style-src 'self' ${style.hash}` : "style-src 'self'",
          'frame-ancestors': `frame-ancestors ${kind === 'embed' ? frameAncestors : "'none'"}`,
        }),
      )
      .header('Cache-Control', 'no-cache')
      .header('Vary', 'Accept-Language')
      .send(html);
  };

  app.get('/embed/page.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'no-cache').send(css),
  );
  app.get('/embed/:widget', page('embed'));
  app.get('/w/:widget', page('page'));
}

interface Filling {
  kind: Kind;
  name: EmbeddableWidget;
  lang: Language;
  parameters: EmbedParameters;
  style: string | undefined;
}

/** The page template with the widget, its scripts and theme; every value from the query escaped. */
function fill(template: string, { kind, name, lang, parameters, style }: Filling): string {
  const title = embeddableWidgets[name].title[lang];
  const attributes = Object.entries(parameters.attributes)
    .map(([attribute, value]) => (value === '' ? ` ${attribute}` : ` ${attribute}="${escapeHtml(value)}"`))
    .join('');
  const scripts = ['sr-hub.js', `sr-${name}.js`, ...(kind === 'embed' ? ['sr-embed-frame.js'] : [])].map(widgetScript);
  const values: Record<string, string> = {
    lang,
    title,
    kind,
    theme: style ?? '',
    scripts: scripts.join('\n'),
    heading: kind === 'page' ? `    <h1>${title}</h1>` : '',
    widget: `<sr-${name}${attributes}></sr-${name}>`,
  };
  // One pass: a value never becomes a placeholder itself. A line left empty goes.
  return template.replace(/\{\{(lang|title|kind|theme|scripts|heading|widget)\}\}/g, (_, key: string) => values[key]!).replace(/^\n/gm, '');
}
