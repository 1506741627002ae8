/**
 * Train the triage classifier's emergency model (`src/triage/model.ts`) from
 * every labelled set in `src/triage/dataset/` and write its weights to
 * `src/triage/model-weights.generated.ts`.
 *
 *   tsx scripts/train-triage-model.ts           train and write the weights
 *   tsx scripts/train-triage-model.ts --check   exit 1 if the committed weights are stale
 *   tsx scripts/train-triage-model.ts --cv      leave-one-set-out: each set scored by a model trained without it
 *   tsx scripts/train-triage-model.ts --cv a.json   also score these outside sets with a model trained on every set
 *
 * Logistic regression on hashed features, trained by plain SGD in a fixed
 * order (no randomness): the same data always gives the same file. Classes are
 * weighted to balance, then the weights are pruned to the strongest
 * `KEEP` buckets and quantised to signed bytes, so the shipped model is small.
 *
 * `--cv` is the honest number: in-sample scores of a model on its own training
 * data say little. Each set was written by a different person, so holding out
 * a whole set measures wording the model has not seen.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelViewForTriage, type TriageLevel } from '../src/triage/index.js';
import { SHORT_VIEW_WORDS, featureSet, modelWords, scoreWith } from '../src/triage/model.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATASET_DIR = resolve(ROOT, 'src/triage/dataset');
const OUT = resolve(ROOT, 'src/triage/model-weights.generated.ts');

/** Training settings, chosen by leave-one-set-out (`--cv`), never on a held-out set. */
const EPOCHS = 40;
const LEARNING_RATE = 0.3;
const L2 = 2e-5;
const KEEP = 6000;
/** Score from which the model calls a message an emergency… */
const THRESHOLD = 0.5;
/** …and from which it overrides the rules' own "urgent" (see `emergencyVerdict`). */
const UPGRADE_THRESHOLD = 0.8;

interface Row {
  text: string;
  locale?: string;
  label: TriageLevel;
}
interface Example {
  features: number[];
  emergency: boolean;
}
interface Model {
  weights: Map<number, number>;
  bias: number;
}

function loadSets(): { name: string; rows: Row[] }[] {
  return readdirSync(DATASET_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f, rows: JSON.parse(readFileSync(resolve(DATASET_DIR, f), 'utf8')) as Row[] }));
}

const toExample = (row: Row): Example => ({
  features: featureSet(modelViewForTriage(row.text, { locale: row.locale ?? 'en' }).text),
  emergency: row.label === 'emergency',
});

function train(examples: readonly Example[]): Model {
  const dense = new Float64Array(1 << 16);
  let bias = 0;
  const positives = examples.filter((e) => e.emergency).length;
  const weightOf = (e: Example) =>
    e.emergency ? examples.length / (2 * positives) : examples.length / (2 * (examples.length - positives));
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    // A fixed permutation per epoch (multiplicative stride), so the run is reproducible.
    const stride = 7919 + 2 * epoch * 104_729;
    const rate = LEARNING_RATE / (1 + epoch / 10);
    for (let k = 0; k < order.length; k++) {
      const e = examples[(k * stride) % order.length]!;
      const p = scoreWith(e.features, (id) => dense[id]!, bias);
      const gradient = (p - (e.emergency ? 1 : 0)) * weightOf(e);
      const norm = Math.sqrt(Math.max(1, e.features.length));
      for (const id of e.features) dense[id] = dense[id]! - rate * (gradient / norm + L2 * dense[id]!);
      bias -= rate * gradient * 0.1;
    }
  }
  return prune(dense, bias);
}

/** Keep the `KEEP` strongest buckets, quantised to signed bytes (what ships). */
function prune(dense: Float64Array, bias: number): Model {
  const ranked = [...dense.keys()].filter((i) => dense[i] !== 0).sort((a, b) => Math.abs(dense[b]!) - Math.abs(dense[a]!) || a - b);
  const kept = ranked.slice(0, KEEP).sort((a, b) => a - b);
  const scale = Math.max(...kept.map((i) => Math.abs(dense[i]!))) / 127;
  const weights = new Map<number, number>();
  for (const i of kept) {
    const q = Math.round(dense[i]! / scale);
    if (q !== 0) weights.set(i, q * scale);
  }
  return { weights, bias };
}

function encode(model: Model): { data: string; scale: number } {
  const values = [...model.weights.values()];
  const scale = Math.max(...values.map(Math.abs)) / 127;
  const bytes: number[] = [];
  let previous = 0;
  for (const [id, w] of [...model.weights].sort((a, b) => a[0] - b[0])) {
    let delta = id - previous;
    previous = id;
    while (delta >= 0x80) {
      bytes.push((delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    bytes.push(delta);
    bytes.push(Math.round(w / scale) & 0xff);
  }
  return { data: Buffer.from(bytes).toString('base64'), scale };
}

function render(model: Model, rows: number): string {
  const { data, scale } = encode(model);
  const lines = data.match(/.{1,100}/g) ?? [];
  return `// Generated by scripts/train-triage-model.ts from ${rows} labelled messages in src/triage/dataset/. Do not edit.
// Regenerate with \`npm run triage:train\`; \`npm test\` fails when this file is stale.
export const EMERGENCY_MODEL = {
  bias: ${model.bias},
  scale: ${scale},
  threshold: ${THRESHOLD},
  upgradeThreshold: ${UPGRADE_THRESHOLD},
  data:
${lines.map((l, i) => `    '${l}'${i < lines.length - 1 ? ' +' : ','}`).join('\n')}
} as const;
`;
}

function crossValidate(sets: { name: string; rows: Row[] }[], outside: { name: string; rows: Row[] }[]): void {
  const pct = (a: number, b: number) => (b === 0 ? '    –' : `${((100 * a) / b).toFixed(1)}%`.padStart(6));
  console.log('Leave-one-set-out: each set scored by a model trained on the others (as classifyMessage combines them).');
  console.log(
    `${'set'.padEnd(30)}${'emergency recall: rules'.padStart(24)}${'+model'.padStart(8)}${'routine flagged: rules'.padStart(24)}${'+model'.padStart(8)}${'urgent→emergency: +model'.padStart(26)}`,
  );
  type Tally = { emergency: number; rules: number; both: number; routine: number; routineRules: number; routineBoth: number; urgent: number; raised: number };
  const empty = (): Tally => ({ emergency: 0, rules: 0, both: 0, routine: 0, routineRules: 0, routineBoth: 0, urgent: 0, raised: 0 });
  const total = empty();
  const line = (name: string, t: Tally) =>
    console.log(
      `${name.padEnd(30)}${pct(t.rules, t.emergency).padStart(24)}${pct(t.both, t.emergency).padStart(8)}${pct(t.routineRules, t.routine).padStart(24)}${pct(t.routineBoth, t.routine).padStart(8)}${pct(t.raised, t.urgent).padStart(26)}`,
    );
  const everything = outside.length > 0 ? train(sets.flatMap((s) => s.rows.map(toExample))) : undefined;
  for (const held of [...sets, ...outside]) {
    const model = outside.includes(held) ? everything! : train(sets.filter((s) => s !== held).flatMap((s) => s.rows.map(toExample)));
    const t = empty();
    for (const row of held.rows) {
      const view = modelViewForTriage(row.text, { locale: row.locale ?? 'en' });
      const score = scoreWith(featureSet(view.text), (id) => model.weights.get(id) ?? 0, model.bias);
      const strict = view.rules === 'urgent' || modelWords(view.text).length < SHORT_VIEW_WORDS;
      const raised = view.rules !== 'emergency' && score >= (strict ? UPGRADE_THRESHOLD : THRESHOLD);
      const level = raised ? 'emergency' : view.rules;
      if (row.label === 'emergency') {
        t.emergency++;
        if (view.rules === 'emergency') t.rules++;
        if (level === 'emergency') t.both++;
      } else if (row.label === 'routine') {
        t.routine++;
        if (view.rules !== 'routine') t.routineRules++;
        if (level !== 'routine') t.routineBoth++;
      } else {
        t.urgent++;
        if (raised) t.raised++;
      }
    }
    for (const k of Object.keys(t) as (keyof Tally)[]) total[k] += t[k];
    line(held.name, t);
  }
  line('all', total);
}

const args = process.argv.slice(2);
const sets = loadSets();
if (args.includes('--cv')) {
  const outside = args
    .filter((a) => !a.startsWith('--'))
    .map((f) => ({ name: `${f.split('/').pop()} (outside)`, rows: JSON.parse(readFileSync(f, 'utf8')) as Row[] }));
  crossValidate(sets, outside);
} else {
  const rows = sets.flatMap((s) => s.rows);
  const text = render(train(rows.map(toExample)), rows.length);
  if (args.includes('--check')) {
    const current = readFileSync(OUT, 'utf8');
    if (current !== text) {
      console.error('src/triage/model-weights.generated.ts is stale: run `npm run triage:train` and commit it.');
      process.exit(1);
    }
    console.log('Triage model weights are up to date.');
  } else {
    writeFileSync(OUT, text);
    console.log(`Wrote ${OUT} (${rows.length} messages).`);
  }
}
