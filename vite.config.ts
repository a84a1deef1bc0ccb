// Builds the widgets (`--mode npm`, `--mode cdn`) and the Hub's pages for organizations (`--mode manage`),
// and serves Storybook and the examples (any other mode).
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defaultClientConditions, defineConfig, type Plugin, type UserConfig } from 'vite';
import { widgetTags } from './packages/widgets/src/autoload/widgets.ts';

const widgets = fileURLToPath(new URL('./packages/widgets/', import.meta.url));
const source = (path: string) => join(widgets, 'src', path);
/** `sr-event-calendar` lives in `src/event-calendar/`. */
const folderOf = (tag: string) => tag.replace(/^sr-/, '');

const shared: UserConfig = {
  // Workspace packages resolve to their TypeScript sources (the `source` export condition),
  // so nothing has to be built before the widgets, Storybook or the examples.
  resolve: { conditions: ['source', ...defaultClientConditions] },
};

/**
 * Packages' production builds whatever NODE_ENV says: Vite otherwise picks the `development`
 * export condition when NODE_ENV is `development`, and Lit's development build (warnings,
 * unminified, about 4 KiB gzip more) would reach the CDN files.
 */
const productionConditions = [
  'source',
  ...defaultClientConditions.filter((condition) => condition !== 'development|production'),
  'production',
];

/** Browsers of the last years, and no more lowering than they need. */
const target = 'es2022';

/**
 * Fully minified output. In library mode Vite keeps the whitespace of ES output whatever
 * `build.minify` says; set on the output, minification is complete. Bundlers consuming the npm
 * build still drop unused modules, through `sideEffects` in package.json.
 */
const minified = { minify: true } as const;

/**
 * Lit's \`css\` templates as written: comments that explain the rules, and indentation. Readers'
 * browsers need neither, so the builds drop both (about a kilobyte gzip per widget). Safe for the
 * widgets' styles, whose interpolations are plain names (no nested template literals).
 */
function minifiedCss(): Plugin {
  const minify = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'sr-minified-css',
    apply: 'build',
    transform(code, id) {
      if (!id.startsWith(source(''))) return null;
      const minified = code.replace(/\bcss`([^`]*)`/g, (_, text: string) => `css\`${minify(text)}\``);
      return minified === code ? null : { code: minified, map: null };
    },
  };
}

/** The parts of a syntax tree this file reads: positions and the nodes below. */
interface SyntaxNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

function* syntaxNodes(node: unknown): Generator<SyntaxNode> {
  if (Array.isArray(node)) {
    for (const child of node) yield* syntaxNodes(child);
  } else if (node && typeof node === 'object') {
    if (typeof (node as SyntaxNode).type === 'string') yield node as SyntaxNode;
    for (const child of Object.values(node)) if (child && typeof child === 'object') yield* syntaxNodes(child);
  }
}

/**
 * Lit's `html` and `svg` templates as written: each line indented to match the code. A run of
 * whitespace that contains a line break renders the same as a single line break wherever the
 * widgets show text (`white-space` normal or `pre-line`, never `pre`), so the builds keep
 * only that. Found in the syntax tree, not by pattern, so code inside `${…}` stays untouched;
 * lines are kept, so positions in source maps still point to the right lines.
 */
function minifiedHtml(): Plugin {
  return {
    name: 'sr-minified-html',
    apply: 'build',
    transform(code, id) {
      if (!id.startsWith(source('')) || !/\b(html|svg)`/.test(code)) return null;
      const edits: { start: number; end: number; text: string }[] = [];
      for (const node of syntaxNodes(this.parse(code))) {
        const tag = node['tag'] as SyntaxNode | undefined;
        if (node.type !== 'TaggedTemplateExpression' || tag?.type !== 'Identifier' || !['html', 'svg'].includes(tag['name'] as string))
          continue;
        for (const quasi of (node['quasi'] as { quasis: SyntaxNode[] }).quasis) {
          const raw = code.slice(quasi.start, quasi.end);
          if (raw !== (quasi['value'] as { raw: string }).raw)
            throw new Error(`${id}: template text at ${quasi.start} not where the syntax tree says.`);
          const text = raw.replace(/[ \t]*\n\s*/g, '\n');
          if (text !== raw) edits.push({ start: quasi.start, end: quasi.end, text });
        }
      }
      if (edits.length === 0) return null;
      let minified = code;
      for (const { start, end, text } of edits.sort((a, b) => b.start - a.start))
        minified = minified.slice(0, start) + text + minified.slice(end);
      return { code: minified, map: null };
    },
  };
}

/** npm: one module per public entry, Lit and the SDK left to the page's bundler. */
function npmBuild(): UserConfig {
  const entries = widgetTags.flatMap((tag): [string, string][] => {
    const folder = folderOf(tag);
    return [
      [`${folder}/${folder}`, source(`${folder}/${folder}.ts`)],
      [`${folder}/define`, source(`${folder}/define.ts`)],
    ];
  });
  return {
    ...shared,
    build: {
      outDir: join(widgets, 'dist'),
      emptyOutDir: false,
      target,
      lib: { entry: Object.fromEntries(entries), formats: ['es'] },
      rolldownOptions: {
        external: [/^lit(\/|$)/, /^@lit\//, /^@smart-region\//],
        output: { ...minified, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
    plugins: [minifiedCss(), minifiedHtml()],
  };
}

/**
 * CDN: one file per widget with Lit and the SDK inside, the autoloader `sr-widgets.js`, and
 * `manifest.json` with each file's SRI hash and gzip size. Code that several widgets use goes
 * into one shared chunk, the SDK into its own: it is versioned and budgeted apart from the
 * widget core, and a page loads each once however many widgets it has.
 */
function cdnBuild(): UserConfig {
  const entries = widgetTags.map((tag): [string, string] => [tag, source(`${folderOf(tag)}/define.ts`)]);
  return {
    resolve: { conditions: productionConditions },
    build: {
      outDir: join(widgets, 'dist/cdn'),
      emptyOutDir: true,
      target,
      lib: {
        entry: {
          'sr-widgets': source('autoload/sr-widgets.ts'),
          ...Object.fromEntries(entries),
          // Iframe embeds: the parent page's script, and the one of the Hub's embed pages inside the frame.
          'sr-embed': source('embed/parent.ts'),
          'sr-embed-frame': source('embed/frame.ts'),
        },
        formats: ['es'],
      },
      rolldownOptions: {
        output: {
          ...minified,
          // Pure-call annotations guide a bundler; these files are past bundling.
          comments: false,
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          codeSplitting: {
            groups: [
              { name: 'sdk', test: /[\\/](packages[\\/]sdk|node_modules[\\/]openapi-fetch)[\\/]/ },
              // The proof of work of citizens' writes: only the poll and the volunteer board load it.
              { name: 'proof', test: /[\\/](node_modules[\\/]altcha-lib[\\/]|packages[\\/]widgets[\\/]src[\\/]core[\\/]proof\.ts)/ },
              { name: 'shared', minShareCount: 2 },
            ],
          },
        },
      },
    },
    plugins: [minifiedCss(), minifiedHtml(), cdnManifest(), thirdPartyLicenses()],
  };
}

/**
 * The Hub's pages for organizations (`/manage/`): one app, not a widget, so neither in the CDN files
 * nor in their size budgets. Written to `dist/manage/assets/`, which the Hub serves at
 * `/manage/assets/`: the entry `manage.js` under a fixed name (the Hub's page names it, and the Hub
 * has it revalidated), the chunks it loads (translations) named by their content.
 */
function manageBuild(): UserConfig {
  return {
    resolve: { conditions: productionConditions },
    base: '/manage/',
    publicDir: false,
    build: {
      outDir: join(widgets, 'dist/manage'),
      emptyOutDir: true,
      target,
      // The page loads one module; its chunks are found relative to it.
      modulePreload: false,
      rolldownOptions: {
        // The configurator (`/configure/`) is an entry of its own: it needs no sign-in and none of the workspace's screens.
        input: { manage: source('manage/define.ts'), configure: source('configure/define.ts') },
        preserveEntrySignatures: false,
        output: { ...minified, comments: false, entryFileNames: 'assets/[name].js', chunkFileNames: 'assets/[name]-[hash].js' },
      },
    },
    plugins: [minifiedCss(), minifiedHtml(), elementsManifestAttributes()],
  };
}

/**
 * The configurator reads the widgets' options from `custom-elements.json`; its bundle keeps only the
 * custom elements' tag names and attributes (a few KiB of the manifest's 270).
 */
function elementsManifestAttributes(): Plugin {
  return {
    name: 'sr-elements-manifest-attributes',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!id.startsWith(join(widgets, 'custom-elements.json'))) return null;
      type Declaration = {
        tagName?: string;
        customElement?: boolean;
        attributes?: { name: string; description?: string; type?: unknown }[];
      };
      const { modules } = JSON.parse(code) as { modules: { declarations?: Declaration[] }[] };
      const declarations = modules
        .flatMap((module) => module.declarations ?? [])
        .filter((declaration) => declaration.customElement && declaration.tagName)
        .map(({ tagName, customElement, attributes = [] }) => ({
          tagName,
          customElement,
          attributes: attributes.map(({ name, description, type }) => ({ name, description, type })),
        }));
      return { code: JSON.stringify({ modules: [{ declarations }] }), map: null };
    },
  };
}

const licensesFile = 'THIRD-PARTY-LICENSES.txt';

/** `/a/node_modules/@lit/task/x.js` → `/a/node_modules/@lit/task`; undefined for our own sources. */
function packageDirOf(id: string): string | undefined {
  const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id);
  return match?.[1];
}

/**
 * The CDN files bundle Lit and openapi-fetch, whose licenses (BSD-3-Clause, MIT) ask that
 * their notices travel with the code. Writes `THIRD-PARTY-LICENSES.txt` next to the files,
 * read from each bundled package at build time. (A banner pointing to it in each file would
 * cost about 30 bytes gzip per file, more than the core's size budget has to spare.)
 */
function thirdPartyLicenses(): Plugin {
  return {
    name: 'sr-third-party-licenses',
    apply: 'build',
    async writeBundle({ dir = '' }, bundle) {
      const packageDirs = new Set<string>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of output.moduleIds) {
          const packageDir = packageDirOf(id);
          if (packageDir) packageDirs.add(packageDir);
        }
      }
      const notices = await Promise.all(
        [...packageDirs].map(async (packageDir) => {
          const { name, version, license } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as Record<string, string>;
          const licenseFile = (await readdir(packageDir)).find((file) => /^(licen[cs]e|copying)(\.|$)/i.test(file));
          if (!licenseFile) throw new Error(`${name} is bundled into the CDN files but ships no license file to copy.`);
          const text = (await readFile(join(packageDir, licenseFile), 'utf8')).trim();
          return { name: name!, heading: `${name} ${version} — ${license}`, text };
        }),
      );
      const rule = '-'.repeat(72);
      const body = notices
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(({ heading, text }) => `${rule}\n${heading}\n${rule}\n\n${text}\n`)
        .join('\n');
      const intro =
        'The widget files in this folder are @smart-region/widgets and @smart-region/sdk (EUPL-1.2).\n' +
        'They include the following third-party packages, under these licenses:\n\n';
      await writeFile(join(dir, licensesFile), `${intro}${body}`);
    },
  };
}

/** A locale module of the widgets (`src/generated/locales/en.ts`): its locale code. */
const localeOf = (moduleId: string | null): string | undefined => /[\\/]generated[\\/]locales[\\/]([\w-]+)\.ts$/.exec(moduleId ?? '')?.[1];

/**
 * Writes `manifest.json` next to the CDN files, from the files as written (minified, final): the
 * release (`version`, the immutable path `/widgets/<version>/`), each file's integrity and size with
 * the chunks it imports and may load later, and the chunk of each locale besides German, so that a
 * snippet for an English page can name every file it loads with its integrity.
 */
function cdnManifest(): Plugin {
  return {
    name: 'sr-cdn-manifest',
    apply: 'build',
    async writeBundle({ dir = '' }, bundle) {
      const files: Record<string, { integrity: string; bytes: number; gzip: number; imports: string[]; dynamicImports: string[] }> = {};
      const locales: Record<string, string> = {};
      for (const output of Object.values(bundle).sort((a, b) => a.fileName.localeCompare(b.fileName))) {
        const content = await readFile(join(dir, output.fileName));
        const chunk = output.type === 'chunk' ? output : undefined;
        files[output.fileName] = {
          integrity: `sha384-${createHash('sha384').update(content).digest('base64')}`,
          bytes: content.length,
          gzip: gzipSync(content, { level: 9 }).length,
          // Chunks a file imports statically: a page may preload them with their integrity.
          imports: chunk?.imports ?? [],
          // Chunks it loads when needed (a locale, the proof of work, JSON-LD).
          dynamicImports: chunk?.dynamicImports ?? [],
        };
        const locale = chunk && localeOf(chunk.facadeModuleId);
        if (locale) locales[locale] = output.fileName;
      }
      const { version } = JSON.parse(await readFile(join(widgets, 'package.json'), 'utf8')) as { version: string };
      await writeFile(join(dir, 'manifest.json'), `${JSON.stringify({ version, locales, files }, null, 2)}\n`);
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'npm') return npmBuild();
  if (mode === 'cdn') return cdnBuild();
  if (mode === 'manage') return manageBuild();
  return shared;
});
