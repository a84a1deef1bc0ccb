import { pageQuery, themeProperties, type Choices } from './url-state.js';

/** The CDN build's `manifest.json` (`/widgets/v1/manifest.json`), as far as snippets read it. */
export interface CdnManifest {
  /** The release: files are immutable under `/widgets/<version>/`. */
  version: string;
  /** Locale code → the chunk with that locale's texts (German is built in). */
  locales: Record<string, string>;
  files: Record<string, { integrity: string; imports: string[] }>;
}

/** The parent page's script that lets an embed frame take its content's height (built once the embed pages exist). */
export const embedScript = 'sr-embed.js';

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `file` and every chunk it imports, directly or through other chunks: chunks first, each once. */
export function importsOf(manifest: CdnManifest, file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  return [...(manifest.files[file]?.imports ?? []).flatMap((chunk) => importsOf(manifest, chunk, seen)), file];
}

const scriptTag = (url: string, integrity: string) =>
  `<script type="module" src="${escapeAttribute(url)}" integrity="${integrity}" crossorigin="anonymous"></script>`;

/**
 * Snippet (a): the widget's CDN file under the versioned path with its integrity, preceded by a
 * `modulepreload` with integrity for every chunk it loads up front (and for the English texts when
 * the widget is in English), so the browser checks every file before running it. Undefined when
 * this build has no file for the widget.
 */
export function scriptSnippet(manifest: CdnManifest, hubUrl: string, choices: Choices): string | undefined {
  const tag = `sr-${choices.widget}`;
  const entry = manifest.files[`${tag}.js`];
  if (!entry) return undefined;
  const base = `${hubUrl}/widgets/${manifest.version}/`;
  const seen = new Set<string>();
  const files = importsOf(manifest, `${tag}.js`, seen);
  const locale = choices.theme.lang && manifest.locales[choices.theme.lang];
  const localeFiles = locale ? importsOf(manifest, locale, seen) : [];
  const preloads = [...files.slice(0, -1), ...localeFiles].map(
    (file) =>
      `<link rel="modulepreload" href="${escapeAttribute(base + file)}" integrity="${manifest.files[file]!.integrity}" crossorigin="anonymous">`,
  );
  const attributes = [
    `hub-url="${escapeAttribute(hubUrl)}"`,
    ...Object.entries(choices.attributes).map(([name, value]) => (value === '' ? name : `${name}="${escapeAttribute(value)}"`)),
    ...(choices.theme.lang ? [`lang="${choices.theme.lang}"`] : []),
    ...(choices.theme.theme ? [`theme="${choices.theme.theme}"`] : []),
  ];
  return [...preloads, scriptTag(base + `${tag}.js`, entry.integrity), `<${tag} ${attributes.join(' ')}></${tag}>`].join('\n');
}

/**
 * The theme as CSS for the page's own stylesheet: a page with a strict Content Security Policy
 * allows no `style` attribute and no `<style>` of a snippet. Empty when nothing is set.
 */
export function themeCss(choices: Choices): string {
  const properties = Object.entries(themeProperties(choices.theme));
  if (properties.length === 0) return '';
  return `sr-${choices.widget} {\n${properties.map(([name, value]) => `  ${name}: ${value};`).join('\n')}\n}`;
}

/**
 * Snippet (b): the embed page in an iframe, with a title for screen readers, a fixed height that
 * works without any script, and `sr-embed.js` (with integrity) to follow the content's height when
 * this build has it. Width and height are attributes, not `style`: a site's strict policy blocks
 * inline styles (`sr-embed.js` takes the border off).
 */
export function iframeSnippet(manifest: CdnManifest, hubUrl: string, choices: Choices, title: string): string {
  const query = pageQuery(choices);
  const src = `${hubUrl}/embed/${choices.widget}${query ? `?${query}` : ''}`;
  const frame = `<iframe data-sr-embed src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" loading="lazy" width="100%" height="640"></iframe>`;
  const script = manifest.files[embedScript];
  return script ? `${frame}\n${scriptTag(`${hubUrl}/widgets/${manifest.version}/${embedScript}`, script.integrity)}` : frame;
}

/** The widget page's address (`/w/<widget>?…`): for a link, a QR code, a message. */
export function widgetPageUrl(hubUrl: string, choices: Choices): string {
  const query = pageQuery(choices);
  return `${hubUrl}/w/${choices.widget}${query ? `?${query}` : ''}`;
}

/** Snippet (c): a plain link to the widget's page, for places that allow neither scripts nor frames. */
export function linkSnippet(hubUrl: string, choices: Choices, text: string): string {
  return `<a href="${escapeAttribute(widgetPageUrl(hubUrl, choices))}">${escapeText(text)}</a>`;
}
