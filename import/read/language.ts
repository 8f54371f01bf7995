/**
 * Is this text language, and is it Dutch? Before asking franc, three cheap looks at the words
 * catch what franc would wave through: one letter or word repeated, long runs of base64 or hex,
 * and binary residue (few letters among many symbols).
 */
import { franc } from 'franc-min';

export type Verdict = { ok: true } | { ok: false; reason: 'not language' | 'not Dutch'; detail: string };

const SAMPLE = 20_000;
/** A long token of base64 / hex / URL-safe alphabet only (the caller also wants a digit and a letter in it). */
const BLOB_TOKEN = /^[A-Za-z0-9+/=_-]+$/;

export function judgeLanguage(text: string): Verdict {
  const noise = notLanguage(text);
  if (noise) return { ok: false, reason: 'not language', detail: noise };
  const language = detectLanguage(text);
  if (language !== 'nld') {
    return { ok: false, reason: 'not Dutch', detail: `the text reads as ${language === 'und' ? 'no recognisable language' : language}, not Dutch` };
  }
  return { ok: true };
}

/** A reason when samples of the text are not written language, else null. */
export function notLanguage(text: string): string | null {
  const samples = [0, 0.33, 0.66].map((f) => text.slice(Math.floor(text.length * f), Math.floor(text.length * f) + SAMPLE));
  let bad = 0;
  let why = '';
  for (const sample of samples) {
    const reason = sampleProblem(sample);
    if (reason) {
      bad++;
      why ||= reason;
    }
  }
  return bad >= 2 || (bad === 1 && text.length <= SAMPLE) ? why : null;
}

function sampleProblem(sample: string): string | null {
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const visible = sample.replace(/\s+/g, '').length;
  if (visible === 0) return null;
  if (letters / visible < 0.6) return 'mostly symbols and digits, not words (binary residue or a data dump)';
  let blob = 0;
  for (const token of sample.split(/\s+/)) if (token.length >= 24 && BLOB_TOKEN.test(token) && /\d/.test(token) && /[a-z]/i.test(token)) blob += token.length;
  if (blob / visible > 0.3) return 'encoded data (base64 or hex), not words';
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return 'no words';
  const long = words.filter((w) => w.length > 25).reduce((n, w) => n + w.length, 0);
  if (long / letters > 0.3) return 'long unbroken letter runs (base64, hex or a word repeated without spaces)';
  const distinct = new Set(words).size;
  if (words.length >= 50 && distinct < 12) return `only ${distinct} different words repeated over and over`;
  const letterKinds = new Set(sample.toLowerCase().match(/\p{L}/gu)).size;
  if (letterKinds < 8) return `only ${letterKinds} different letters`;
  return null;
}

/** franc on a few samples spread over the text: magazines open with covers and tables of contents. */
function detectLanguage(text: string): string {
  const sampleSize = 4000;
  const starts = [0.1, 0.4, 0.7].map((f) => Math.floor(text.length * f));
  const votes = new Map<string, number>();
  for (const start of starts) {
    const lang = franc(text.slice(start, start + sampleSize), { minLength: 40, only: ['nld', 'eng', 'deu', 'fra', 'spa', 'ita', 'por', 'afr'] });
    votes.set(lang, (votes.get(lang) ?? 0) + 1);
  }
  if ((votes.get('nld') ?? 0) >= 2) return 'nld';
  // Afrikaans is a frequent false reading of short Dutch samples.
  if ((votes.get('nld') ?? 0) + (votes.get('afr') ?? 0) >= 2 && (votes.get('nld') ?? 0) >= 1) return 'nld';
  return [...votes.entries()].sort((a, b) => b[1] - a[1])[0][0];
}
