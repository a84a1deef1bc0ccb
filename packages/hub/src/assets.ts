/**
 * Every file the Hub reads at run time, found one way whether it runs from its sources (tsx: in the
 * repository, in development and in the tests) or from its build (`dist/`, also inside the packed
 * package).
 *
 * From the sources a file is where the repository keeps it, several of them outside this package.
 * The build copies each one into `dist/` (scripts/copy-assets.ts walks this same table), so a built
 * Hub reads nothing outside its own package and runs wherever the package is installed.
 */
export interface Asset {
  /** Where the repository keeps it, relative to `src/`; a directory ends in `/`. */
  source: string;
  /** Where the build puts it, relative to `dist/`. */
  built: string;
  /**
   * The command that makes it, for files no repository keeps. A Hub from the sources runs without
   * them and leaves out what they would serve; a build needs them (`npm run build:hub` runs these).
   */
  builtBy?: string;
}

export const assets = {
  contract: { source: '../../../openapi/hub.yaml', built: 'openapi/hub.yaml' },
  migrations: { source: 'db/migrations/', built: 'db/migrations/' },
  pages: { source: 'system/pages/', built: 'system/pages/' },
  municipalities: { source: 'orgs/seed/municipalities.json', built: 'orgs/seed/municipalities.json' },
  widgetBundles: { source: '../../widgets/dist/cdn/', built: 'widgets/', builtBy: 'npm run build:cdn' },
  storybook: { source: '../../widgets/dist/storybook/', built: 'storybook/', builtBy: 'npm run build:storybook' },
  manage: { source: '../../widgets/dist/manage/', built: 'manage/', builtBy: 'npm run build:manage' },
  examples: { source: '../../../examples/', built: 'examples/' },
} as const satisfies Record<string, Asset>;

export type AssetName = keyof typeof assets;

/** tsc turns this module into `dist/assets.js`; only the sources run as `.ts`. */
const runningFromSources = import.meta.url.endsWith('.ts');

/** The file or directory of `name` for the Hub that is running now. */
export function assetUrl(name: AssetName): URL {
  const asset: Asset = assets[name];
  return new URL(runningFromSources ? asset.source : asset.built, import.meta.url);
}
