/**
 * Evaluate the message triage classifier on a labelled data set.
 *
 *   npx tsx scripts/triage-eval.ts [path-to-dataset.json]
 *
 * The data set is a JSON array of `{ text, locale, label, note? }` with label
 * `emergency | urgent | routine` (default: src/triage/dataset/messages.json).
 * Prints counts, recalls, the routine false-alarm rate, a confusion matrix,
 * timing and every misclassified message. Exits 1 when emergency recall < 98 %,
 * routine false alarms > 5 % or the mean time per message is ≥ 1 ms.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { TRIAGE_LEVELS, classifyMessage, type TriageLevel } from '../src/triage/index.js';

interface Row {
  text: string;
  locale?: string;
  label: TriageLevel;
  note?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const path = resolve(process.argv[2] ?? resolve(here, '../src/triage/dataset/messages.json'));
const rows = JSON.parse(readFileSync(path, 'utf8')) as Row[];
if (!Array.isArray(rows) || rows.length === 0) {
  console.error(`No rows in ${path}`);
  process.exit(2);
}
for (const [i, r] of rows.entries()) {
  if (typeof r.text !== 'string' || !TRIAGE_LEVELS.includes(r.label)) {
    console.error(`Row ${i} is malformed: ${JSON.stringify(r)}`);
    process.exit(2);
  }
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
const count = <K extends string>(keys: K[]): Record<string, number> =>
  keys.reduce<Record<string, number>>((acc, k) => ((acc[k] = (acc[k] ?? 0) + 1), acc), {});

// ── accuracy ──
const predicted = rows.map((r) => classifyMessage(r.text, r.locale ? { locale: r.locale } : undefined));
const matrix: Record<TriageLevel, Record<TriageLevel, number>> = {
  emergency: { emergency: 0, urgent: 0, routine: 0 },
  urgent: { emergency: 0, urgent: 0, routine: 0 },
  routine: { emergency: 0, urgent: 0, routine: 0 },
};
rows.forEach((r, i) => matrix[r.label][(predicted[i] as { level: TriageLevel }).level]++);
const total = (l: TriageLevel): number => matrix[l].emergency + matrix[l].urgent + matrix[l].routine;

const emergencyRecall = total('emergency') ? matrix.emergency.emergency / total('emergency') : 1;
const urgentCaught = matrix.urgent.urgent + matrix.urgent.emergency;
const routineFalseAlarm = total('routine') ? (matrix.routine.urgent + matrix.routine.emergency) / total('routine') : 0;
const correct = TRIAGE_LEVELS.reduce((n, l) => n + matrix[l][l], 0);

// ── timing: several passes, per-message times ──
const PASSES = 7;
for (let p = 0; p < 2; p++) for (const r of rows) classifyMessage(r.text, { locale: r.locale ?? 'en' }); // JIT warm-up
const times: number[] = [];
for (let p = 0; p < PASSES; p++) {
  for (const r of rows) {
    const t0 = performance.now();
    classifyMessage(r.text, r.locale ? { locale: r.locale } : undefined);
    times.push(performance.now() - t0);
  }
}
times.sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / times.length;
const p99 = times[Math.min(times.length - 1, Math.floor(times.length * 0.99))] ?? 0;

// ── report ──
console.log(`Data set: ${path}`);
console.log(`Messages: ${rows.length}`);
console.log(`  by label : ${JSON.stringify(count(rows.map((r) => r.label)))}`);
console.log(`  by locale: ${JSON.stringify(count(rows.map((r) => r.locale ?? '?')))}`);
console.log('');
console.log(`Accuracy (exact level):      ${pct(correct, rows.length)}`);
console.log(
  `Emergency recall:            ${pct(matrix.emergency.emergency, total('emergency'))}  (${matrix.emergency.emergency}/${total('emergency')})`,
);
console.log(`Urgent recall (≥ urgent):    ${pct(urgentCaught, total('urgent'))}  (${urgentCaught}/${total('urgent')})`);
console.log(
  `Urgent recall (strict):      ${pct(matrix.urgent.urgent, total('urgent'))}  (${matrix.urgent.urgent}/${total('urgent')})`,
);
console.log(
  `Routine false-alarm rate:    ${pct(matrix.routine.urgent + matrix.routine.emergency, total('routine'))}  (${matrix.routine.urgent + matrix.routine.emergency}/${total('routine')})`,
);
console.log('');
console.log('Confusion matrix (rows = label, columns = predicted):');
console.log(`  ${''.padEnd(10)}${TRIAGE_LEVELS.map((l) => l.padStart(10)).join('')}`);
for (const l of TRIAGE_LEVELS)
  console.log(`  ${l.padEnd(10)}${TRIAGE_LEVELS.map((p) => String(matrix[l][p]).padStart(10)).join('')}`);
console.log('');
console.log(`Timing over ${PASSES} passes: mean ${mean.toFixed(4)} ms/message, p99 ${p99.toFixed(4)} ms`);
const load = loadavg()[0] ?? 0;
if (load > availableParallelism()) {
  console.log(
    `  (note: load average ${load.toFixed(1)} on ${availableParallelism()} CPUs; wall-clock timings are inflated)`,
  );
}
console.log('');

const misses = rows
  .map((r, i) => ({ r, got: predicted[i] }))
  .filter(({ r, got }) => got !== undefined && got.level !== r.label);
console.log(`Misclassified: ${misses.length}`);
for (const { r, got } of misses) {
  const reasons = got?.reasons.map((x) => `${x.code}:"${x.match}"`).join(', ') || '-';
  console.log(
    `  [${r.locale ?? '?'}] expected ${r.label}, got ${got?.level}: ${JSON.stringify(r.text)}  <- ${reasons}${r.note ? `  (${r.note})` : ''}`,
  );
}

const failures: string[] = [];
if (emergencyRecall < 0.98)
  failures.push(`emergency recall ${pct(matrix.emergency.emergency, total('emergency'))} < 98%`);
if (routineFalseAlarm > 0.05) failures.push(`routine false-alarm rate ${(routineFalseAlarm * 100).toFixed(1)}% > 5%`);
if (mean >= 1) failures.push(`mean ${mean.toFixed(3)} ms ≥ 1 ms`);
console.log('');
if (failures.length) {
  console.log(`FAIL: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('PASS: emergency recall ≥ 98%, routine false alarms ≤ 5%, mean < 1 ms');
