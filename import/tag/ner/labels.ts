/** Entity labels: BIO outside (CoNLL), BILOU inside the model (better boundaries for a linear model). */
export type NerLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const ENTITY_TYPES: readonly NerLabel[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** Model labels: index 0 is O, then B, I, L, U for each entity type. */
export const MODEL_LABELS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];
export const LABEL_COUNT = MODEL_LABELS.length;
const LABEL_INDEX = new Map(MODEL_LABELS.map((l, i) => [l, i]));

export function labelIndex(label: string): number {
  const i = LABEL_INDEX.get(label);
  if (i === undefined) throw new Error(`unknown label ${label}`);
  return i;
}

export function prefixOf(label: number): 'O' | 'B' | 'I' | 'L' | 'U' {
  return label === 0 ? 'O' : (['B', 'I', 'L', 'U'] as const)[(label - 1) % 4];
}

export function typeOf(label: number): NerLabel | null {
  return label === 0 ? null : ENTITY_TYPES[Math.floor((label - 1) / 4)];
}

/** May `to` follow `from` in a BILOU sequence? from = -1 is the sentence start; to = -1 the sentence end. */
export function allowedTransition(from: number, to: number): boolean {
  const fromOpen = from >= 0 && (prefixOf(from) === 'B' || prefixOf(from) === 'I');
  if (to === -1) return !fromOpen;
  const p = prefixOf(to);
  if (p === 'I' || p === 'L') return fromOpen && typeOf(from) === typeOf(to);
  return !fromOpen;
}

/** Spans [start, end) with type from BIO tags (CoNLL: I- after O or another type opens an entity). */
export function bioSpans(tags: readonly string[]): { type: string; start: number; end: number }[] {
  const spans: { type: string; start: number; end: number }[] = [];
  let open: { type: string; start: number } | null = null;
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i] : 'O';
    const prefix = tag === 'O' ? 'O' : tag.slice(0, 1);
    const type = tag === 'O' ? '' : tag.slice(2);
    const continues = open !== null && prefix === 'I' && type === open.type;
    if (open && !continues) {
      spans.push({ type: open.type, start: open.start, end: i });
      open = null;
    }
    if (!continues && prefix !== 'O') open = { type, start: i };
  }
  return spans;
}

export function bioToBilou(tags: readonly string[]): number[] {
  const out = new Array<number>(tags.length).fill(0);
  for (const s of bioSpans(tags)) {
    if (s.end - s.start === 1) out[s.start] = labelIndex(`U-${s.type}`);
    else {
      out[s.start] = labelIndex(`B-${s.type}`);
      for (let i = s.start + 1; i < s.end - 1; i++) out[i] = labelIndex(`I-${s.type}`);
      out[s.end - 1] = labelIndex(`L-${s.type}`);
    }
  }
  return out;
}

/** BIO tags of labels[0 .. n). */
export function bilouToBio(labels: ArrayLike<number>, n = labels.length): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const l = labels[i];
    const t = typeOf(l);
    if (!t) out.push('O');
    else out.push(`${prefixOf(l) === 'B' || prefixOf(l) === 'U' ? 'B' : 'I'}-${t}`);
  }
  return out;
}
