// `npm run analyze`: the JSDoc of the elements → custom-elements.json (Storybook autodocs, IDEs).
export default {
  litelement: true,
  globs: ['src/**/*.ts'],
  // Not elements: tests, generated strings, the CDN autoloader, and the define helper (whose
  // generic `customElements.define(tag, …)` would be listed as an element named "tag"). Not for
  // webmasters: the Hub's own pages — for organizations (src/manage/, at /manage/) and the
  // configurator (src/configure/, at /configure/, which reads this manifest) — and the embed pages'
  // scripts (src/embed/).
  exclude: [
    'src/**/*.test.ts',
    'src/generated/**',
    'src/autoload/**',
    'src/core/define.ts',
    'src/manage/**',
    'src/configure/**',
    'src/embed/**',
  ],
  // package.json names the manifest itself; the analyzer would rewrite it for any --outdir.
  packagejson: false,
  plugins: [
    {
      // The analyzer lists modules in the order its file search finds them, which varies from
      // run to run on a busy machine; sorted, the manifest only changes when the JSDoc does.
      name: 'sr-sorted-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
