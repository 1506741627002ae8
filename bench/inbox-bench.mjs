#!/usr/bin/env node
/**
 * <portal-inbox> at 100, 1,000 and 10,000 threads, in real Chromium.
 *
 *   node bench/inbox-bench.mjs [--runs 9] [--sizes 100,1000,10000] [--json out.json]
 *
 * 1. Builds bench/inbox-bench.html with Vite (production Lit, minified) into a
 *    temporary directory.
 * 2. Serves it on 127.0.0.1 and opens it in Chromium (playwright-core,
 *    /usr/bin/chromium or $CHROME_PATH).
 * 3. For every size, `runs` times in a fresh page: first render, scroll to the
 *    end, open a thread (see inbox-bench-page.ts for what each one covers).
 * 4. Prints medians, and the 10,000 ÷ 100 ratio for each; exits non-zero if a
 *    ratio is above 1.5 (render cost must follow what is visible, not the
 *    number of threads).
 */
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const RUNS = Number(option('runs', '9'));
const SIZES = option('sizes', '100,1000,10000').split(',').map(Number);
const JSON_OUT = option('json', undefined);
const MAX_RATIO = 1.5;
const METRICS = ['firstRender', 'scrollToEnd', 'openThread'];

const out = await mkdtemp(join(tmpdir(), 'inbox-bench-'));
let server;
let browser;
try {
  // ---- build
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    base: './',
    build: {
      outDir: out,
      emptyOutDir: true,
      target: 'es2022',
      copyPublicDir: false,
      rolldownOptions: { input: join(ROOT, 'bench/inbox-bench.html'), output: { minify: true } },
    },
  });

  // ---- serve
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };
  server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(out, path));
      response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${server.address().port}/bench/inbox-bench.html`;

  // ---- measure
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const results = Object.fromEntries(SIZES.map((n) => [n, []]));
  // Interleave sizes so drift (other processes, thermal) affects all of them alike.
  for (let run = 0; run < RUNS + 1; run++) {
    for (const n of SIZES) {
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      page.on('console', (m) => { if (process.env.BENCH_DEBUG) console.log(m.text()); });
      await page.goto(url);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      // Main-thread CPU time (thread ticks): far less sensitive to a busy machine than wall time.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      const cpu = async () => {
        const { metrics } = await cdp.send('Performance.getMetrics');
        return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
      };
      await page.evaluate((size) => window.bench.prepare(size), n);
      const result = { n };
      for (const step of METRICS) {
        await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
        const before = await cpu();
        result[step] = await page.evaluate((name) => window.bench[name](), step);
        result[`${step}Cpu`] = (await cpu()) - before;
      }
      Object.assign(result, await page.evaluate(() => window.bench.stats()));
      await page.close();
      if (run > 0) results[n].push(result); // run 0 warms up the browser and its caches
    }
  }

  // ---- report
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const summary = Object.fromEntries(
    SIZES.map((n) => [
      n,
      Object.fromEntries(
        [...METRICS, ...METRICS.map((m) => `${m}Cpu`), 'domNodes', 'pages'].map((key) => [
          key,
          median(results[n].map((r) => r[key])),
        ]),
      ),
    ]),
  );
  const fmt = (value) => value.toFixed(1);
  const row = (cells, widths) => cells.map((c, i) => String(c).padStart(widths[i])).join('');
  const widths = [8, 22, 22, 22, 11, 7];
  console.log(`\n<portal-inbox> benchmark — Chromium ${browser.version()}, median of ${RUNS} runs`);
  console.log('ms: main-thread CPU time (wall-clock time in brackets)\n');
  console.log(row(['threads', 'first render', 'scroll to end', 'open thread', 'DOM nodes', 'pages'], widths));
  for (const n of SIZES) {
    const s = summary[n];
    console.log(
      row(
        [
          n.toLocaleString('en'),
          ...METRICS.map((m) => `${fmt(s[`${m}Cpu`])} (${fmt(s[m])})`),
          s.domNodes,
          s.pages,
        ],
        widths,
      ),
    );
  }
  const small = summary[Math.min(...SIZES)];
  const large = summary[Math.max(...SIZES)];
  const ratios = Object.fromEntries(METRICS.map((m) => [m, large[`${m}Cpu`] / small[`${m}Cpu`]]));
  const wallRatios = Object.fromEntries(METRICS.map((m) => [m, large[m] / small[m]]));
  console.log(
    `\nratio ${Math.max(...SIZES).toLocaleString('en')} ÷ ${Math.min(...SIZES).toLocaleString('en')} (CPU): ` +
      METRICS.map((m) => `${m} ${ratios[m].toFixed(2)}×`).join(', ') +
      ` — limit ${MAX_RATIO}×`,
  );
  console.log(
    `ratio ${Math.max(...SIZES).toLocaleString('en')} ÷ ${Math.min(...SIZES).toLocaleString('en')} (wall): ` +
      METRICS.map((m) => `${m} ${wallRatios[m].toFixed(2)}×`).join(', '),
  );
  if (JSON_OUT) await writeFile(JSON_OUT, JSON.stringify({ runs: RUNS, summary, ratios, wallRatios, results }, null, 2));
  const failed = METRICS.filter((m) => ratios[m] > MAX_RATIO);
  if (failed.length) {
    console.error(`\nAbove ${MAX_RATIO}×: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  await browser?.close();
  server?.close();
  await rm(out, { recursive: true, force: true });
}
