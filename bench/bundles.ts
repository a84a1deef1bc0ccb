import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
export const cdnDir = join(root, 'packages/widgets/dist/cdn');

/** Gzip at the level CDNs and the build's manifest use. */
export function gzipBytes(content: Buffer | string): number {
  return gzipSync(content, { level: 9 }).length;
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** Builds the CDN bundles from the current sources, so the sizes are those of this commit. */
export async function buildCdn(): Promise<void> {
  await run('npm', ['run', 'build:cdn', '--silent'], { cwd: root });
}

export interface CdnFile {
  /** Path below dist/cdn, e.g. `chunks/shared-KlKt3ZOD.js`. */
  name: string;
  gzip: number;
  /** Chunks it imports statically: the browser loads them with it. */
  imports: string[];
}

/** Every JavaScript file of the CDN build with its gzip size and static imports (from the build's manifest). */
export async function cdnFiles(): Promise<Map<string, CdnFile>> {
  const manifest = JSON.parse(await readFile(join(cdnDir, 'manifest.json'), 'utf8')) as { files: Record<string, { imports: string[] }> };
  const files = new Map<string, CdnFile>();
  for (const [name, { imports }] of Object.entries(manifest.files)) {
    files.set(name, { name, gzip: gzipBytes(await readFile(join(cdnDir, name))), imports });
  }
  return files;
}

/** A file and every chunk it loads statically, each once. */
export function withImports(files: Map<string, CdnFile>, name: string): CdnFile[] {
  const seen = new Map<string, CdnFile>();
  const visit = (next: string) => {
    const file = files.get(next);
    if (!file) throw new Error(`${next} is not in the CDN manifest`);
    if (seen.has(next)) return;
    seen.set(next, file);
    file.imports.forEach(visit);
  };
  visit(name);
  return [...seen.values()];
}

/**
 * A peer library in its own package under bench/peers/<name>/ (peers may need conflicting
 * versions of one dependency, so they are not root devDependencies), installed from its lock
 * file when missing, and its `calendar.js` bundled for production like a site would ship it.
 * Returns the written files (JavaScript and CSS) with their gzip sizes.
 */
export async function bundlePeer(name: string): Promise<{ dir: string; files: { name: string; gzip: number }[] }> {
  const dir = join(root, 'bench/peers', name);
  if (!existsSync(join(dir, 'node_modules'))) {
    console.log(`installing the bench peer ${name} (npm ci)`);
    await run('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund'], { cwd: root });
  }
  const outDir = join(dir, 'dist');
  await build({
    configFile: false,
    root: dir,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      cssMinify: true,
      lib: { entry: join(dir, 'calendar.js'), formats: ['es'], fileName: 'calendar', cssFileName: 'calendar' },
      // Library mode keeps whitespace unless the output minifies (as in the widgets' CDN build).
      rolldownOptions: { output: { minify: true, comments: false } },
    },
  });
  const files = [];
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.push({ name: relative(outDir, path), gzip: gzipBytes(await readFile(path)) });
  }
  return { dir: outDir, files };
}
