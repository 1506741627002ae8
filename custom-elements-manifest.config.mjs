// custom-elements.json is generated from the elements' JSDoc (Shoelace style) and committed.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  // The freshness check writes to a temp folder instead (scripts/check-manifest.mjs).
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
};
