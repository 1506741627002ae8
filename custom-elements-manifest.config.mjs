// custom-elements.json is generated from the elements' JSDoc (Shoelace style) and committed.
export default {
  // The base class is analysed too, so inherited properties, events and states are documented.
  globs: ['src/components/**/*.ts', 'src/internal/portal-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  // The freshness check writes to a temp folder instead (scripts/check-manifest.mjs).
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
};
