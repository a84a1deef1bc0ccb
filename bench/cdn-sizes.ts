import { cdnFiles, kib, withImports } from './bundles.js';

/**
 * Gzip size of every file of the CDN build, and for each the total a page downloads for it:
 * the file and the chunks it imports statically (chunks shared by widgets count once per page).
 * Chunks that no file imports statically are loaded on demand (e.g. the English strings).
 */
export async function cdnSizes(): Promise<string> {
  const files = await cdnFiles();
  const imported = new Set([...files.values()].flatMap((file) => file.imports));
  const lines = [...files.values()].map((file) => {
    const loaded = withImports(files, file.name);
    const chunks = loaded.slice(1).map((chunk) => `\`${chunk.name}\``);
    const total = loaded.reduce((sum, chunk) => sum + chunk.gzip, 0);
    const when = file.name.startsWith('chunks/')
      ? imported.has(file.name)
        ? 'with the files that import it'
        : 'on demand'
      : 'by the page';
    return `| \`${file.name}\` | ${kib(file.gzip)} | ${when} | ${chunks.join(', ') || '–'} | ${kib(total)} |`;
  });
  return [
    '| CDN file (packages/widgets/dist/cdn) | Gzip | Loaded | Chunks it loads | Gzip with its chunks |',
    '|---|---|---|---|---|',
    ...lines,
  ].join('\n');
}
