/**
 * The organisation-or-programme decision over ORG/MISC spans: a multinomial logistic regression over
 * the features of span-features.ts, trained by `npm run train` (import/type/train-span-types.ts) on
 * one annotated magazine. The weights are a data file (import/type/model/span-types.json), read once
 * per process.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SPAN_CLASSES = ['ORGANISATION', 'PROGRAMME', 'NONE'] as const;
export type SpanClass = (typeof SPAN_CLASSES)[number];

export interface SpanModelFile {
  classes: readonly SpanClass[];
  /** feature -> one weight per class */
  weights: Record<string, number[]>;
  provenance: Record<string, unknown>;
}

export class SpanModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpanModelError';
  }
}

export const SPAN_MODEL_PATH = fileURLToPath(new URL('./model/span-types.json', import.meta.url));

export class SpanClassifier {
  private readonly weights: Map<string, number[]>;

  constructor(readonly file: SpanModelFile) {
    if (!Array.isArray(file.classes) || file.classes.join() !== SPAN_CLASSES.join() || typeof file.weights !== 'object' || !file.weights) {
      throw new SpanModelError('not a span-type model (classes or weights missing)');
    }
    this.weights = new Map(Object.entries(file.weights));
  }

  /** Probabilities per class, in SPAN_CLASSES order. */
  probabilities(features: readonly string[]): number[] {
    const z = [0, 0, 0];
    for (const f of features) {
      const w = this.weights.get(f);
      if (w) for (let c = 0; c < 3; c++) z[c] += w[c];
    }
    const max = Math.max(...z);
    const e = z.map((x) => Math.exp(x - max));
    const sum = e[0] + e[1] + e[2];
    return e.map((x) => x / sum);
  }

  classify(features: readonly string[]): { type: SpanClass; p: number } {
    const p = this.probabilities(features);
    let best = 0;
    for (let c = 1; c < 3; c++) if (p[c] > p[best]) best = c;
    return { type: SPAN_CLASSES[best], p: p[best] };
  }
}

const loaded = new Map<string, SpanClassifier>();

export function loadSpanClassifier(path: string = SPAN_MODEL_PATH): SpanClassifier {
  const cached = loaded.get(path);
  if (cached) return cached;
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw new SpanModelError(`span-type model ${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): run \`npm run train\``);
  }
  let model: SpanClassifier;
  try {
    model = new SpanClassifier(JSON.parse(raw) as SpanModelFile);
  } catch (err) {
    throw new SpanModelError(`span-type model ${path} is unusable: ${(err as Error).message}`);
  }
  loaded.set(path, model);
  return model;
}

/** Deterministic training: softmax regression by SGD in the order given, fixed epochs, L2. */
export function trainSpanClassifier(
  examples: { features: string[]; label: SpanClass }[],
  options: { epochs?: number; rate?: number; l2?: number } = {},
): Record<string, number[]> {
  const epochs = options.epochs ?? 40;
  const rate = options.rate ?? 0.1;
  const l2 = options.l2 ?? 1e-3;
  const weights = new Map<string, number[]>();
  const model = new SpanClassifier({ classes: SPAN_CLASSES, weights: {}, provenance: {} });
  // the classifier reads the live map while training
  (model as unknown as { weights: Map<string, number[]> }).weights = weights;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const lr = rate / (1 + epoch * 0.1);
    for (const ex of examples) {
      const p = model.probabilities(ex.features);
      const gold = SPAN_CLASSES.indexOf(ex.label);
      for (const f of ex.features) {
        let w = weights.get(f);
        if (!w) weights.set(f, (w = [0, 0, 0]));
        for (let c = 0; c < 3; c++) w[c] += lr * ((c === gold ? 1 : 0) - p[c]) - lr * l2 * w[c];
      }
    }
  }
  const out: Record<string, number[]> = {};
  for (const f of [...weights.keys()].sort()) {
    const w = weights.get(f)!.map((x) => Math.round(x * 1e4) / 1e4);
    if (w.some((x) => x !== 0)) out[f] = w;
  }
  return out;
}
