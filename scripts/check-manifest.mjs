// Fails when custom-elements.json does not match what the JSDoc generates now.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer resolves outdir against the working directory, so the temp folder lives here.
const outdir = mkdtempSync('.cem-check-');
try {
  execFileSync(
    process.execPath,
    ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-manifest.config.mjs'],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CEM_OUTDIR: outdir } },
  );
  const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  if (fresh !== committed) {
    console.error('custom-elements.json is stale: run `npm run manifest` and commit the result.');
    process.exitCode = 1; // not process.exit(): the temp folder below must still be removed
  } else {
    console.log('custom-elements.json is current.');
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
