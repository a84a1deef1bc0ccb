// `npm run analyze`: the JSDoc of the elements → custom-elements.json (Storybook autodocs, IDEs).
export default {
  litelement: true,
  globs: ['src/**/*.ts'],
  // Not elements: tests, generated strings, the CDN autoloader, and the define helper (whose
  // generic `customElements.define(tag, …)` would be listed as an element named "tag").
  exclude: ['src/**/*.test.ts', 'src/generated/**', 'src/autoload/**', 'src/core/define.ts'],
  // package.json names the manifest itself; the analyzer would rewrite it for any --outdir.
  packagejson: false,
};
