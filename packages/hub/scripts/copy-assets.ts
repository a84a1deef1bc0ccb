/**
 * The Hub's build after tsc: copies every file the Hub reads at run time into `dist/`, where
 * src/assets.ts looks for it in a build, so the package runs without the repository around it.
 */
import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { assets, type Asset } from '../src/assets.js';
import { exampleProjects } from '../src/system/examples.js';

const sources = new URL('../src/', import.meta.url);
const build = new URL('../dist/', import.meta.url);

const copies = (Object.entries(assets) as [string, Asset][]).map(([name, asset]) => ({
  name,
  asset,
  from: new URL(asset.source, sources),
  to: new URL(asset.built, build),
}));

const missing = copies.filter(({ from }) => !existsSync(from));
if (missing.length > 0) {
  for (const { name, asset, from } of missing) {
    const how = asset.builtBy ? `: run ${asset.builtBy} first (npm run build:hub does)` : '';
    console.error(`The Hub's ${name} (${fileURLToPath(from)}) is missing${how}.`);
  }
  process.exit(1);
}
// The example projects with their own tooling (and whatever a developer built or installed in them)
// are nothing the Hub serves, so they stay out of its package.
const examples = new URL(assets.examples.source, sources);
const projects = [...exampleProjects(examples)].map((name) => fileURLToPath(new URL(`${name}/`, examples)));
const outsideProjects = (path: string) => !projects.some((project) => `${path}/`.startsWith(project));
for (const { from, to } of copies) await cp(from, to, { recursive: true, filter: outsideProjects });
