// Module hooks (registered by shipped-hub.ts): a module of the Hub's sources resolves to its
// built counterpart in packages/hub/dist, so that the bench and the tests' helpers it uses share
// one copy of each module.
import { existsSync } from 'node:fs';
import type { ResolveHook } from 'node:module';
import { fileURLToPath } from 'node:url';

const sources = new URL('../../packages/hub/src/', import.meta.url).href;
const built = new URL('../../packages/hub/dist/', import.meta.url).href;

export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  const resolved = await nextResolve(specifier, context);
  if (!resolved.url.startsWith(sources)) return resolved;
  const url = built + resolved.url.slice(sources.length).replace(/\.ts$/, '.js');
  if (!existsSync(fileURLToPath(url))) throw new Error(`${url} is missing: build the Hub first (npm run build:hub).`);
  return { ...resolved, url, format: resolved.url.endsWith('.json') ? 'json' : 'module' };
};
