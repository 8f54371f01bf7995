/**
 * The municipality gazetteer as a lookup index for the extractor: every printed form (current
 * name, alias, adjective, name merged away since 2000) -> the municipality it denotes.
 * Built once per process from the project gazetteer (import/gazetteers.ts over
 * import/data/municipalities.json).
 */
import { mergedMunicipalities, municipalities } from '../../../gazetteers.ts';

export interface MunicipalityRecord {
  name: string;
  cbsCode: string | null;
  province: string | null;
  ambiguous: boolean;
}

export type FormKind = 'name' | 'alias' | 'adjective' | 'merged';

export interface MunicipalityForm {
  municipality: MunicipalityRecord;
  kind: FormKind;
  /** The form as listed (e.g. the old name of a merged municipality). */
  printed: string;
  /** Ordinary word or common place name: needs context before it counts. */
  ambiguous: boolean;
}

export interface MunicipalityIndex {
  /** folded form -> candidates (more than one: the form cannot be decided, e.g. "Bergen"). */
  forms: Map<string, MunicipalityForm[]>;
  /** First word (folded) of every form, to skip most words with one Map lookup -> whether a form of two or more words starts with it. */
  firstWords: Map<string, boolean>;
  maxWords: number;
  /** Every folded prefix of two or more words of a multi-word form: a longer name is tried only while the words so far begin one. */
  prefixes: Set<string>;
  byName: Map<string, MunicipalityRecord>;
}

interface RawMunicipality {
  name: string;
  cbsName?: string;
  cbsCode?: string;
  province?: string;
  aliases?: string[];
  adjectives?: string[];
  ambiguous?: boolean;
}
interface RawMerged {
  name: string;
  successor: string;
  year?: number;
  split?: boolean;
  ambiguous?: boolean;
}

/** Anything foldForm would change after lower-casing; most printed forms have none of it. */
const FOLD_NEEDS_CLEANING = /[’‘`,]|\s\s|^\s|\s$|[^\S ]/;

/** Folding for lookups: lower case, one kind of apostrophe, no commas, single spaces. */
export function foldForm(text: string): string {
  const lower = text.toLowerCase();
  if (!FOLD_NEEDS_CLEANING.test(lower)) return lower;
  return lower.replace(/[’‘`]/g, "'").replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Words of a form as the tokenizer of the extractor sees them. */
export function formWords(text: string): string[] {
  return foldForm(text).split(' ').filter(Boolean);
}

/** "Bergen (L.)" is listed with its province; in running text it is printed "Bergen". */
function bareName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '').trim();
}

let cached: MunicipalityIndex | null = null;

export function loadMunicipalityData(): { municipalities: RawMunicipality[]; mergedAway: RawMerged[] } {
  return { municipalities: municipalities().map((m) => ({ ...m, cbsCode: m.cbsCode ?? undefined })), mergedAway: [...mergedMunicipalities()] };
}

export function buildMunicipalityIndex(data = loadMunicipalityData()): MunicipalityIndex {
  const forms = new Map<string, MunicipalityForm[]>();
  const firstWords = new Map<string, boolean>();
  const byName = new Map<string, MunicipalityRecord>();
  const prefixes = new Set<string>();
  let maxWords = 1;

  const add = (printed: string, municipality: MunicipalityRecord, kind: FormKind, ambiguous: boolean) => {
    const key = foldForm(printed);
    if (!key || key.length < 2) return;
    const list = forms.get(key) ?? [];
    if (list.some((f) => f.municipality === municipality)) return;
    list.push({ municipality, kind, printed, ambiguous });
    forms.set(key, list);
    const words = formWords(printed);
    firstWords.set(words[0], firstWords.get(words[0]) === true || words.length > 1);
    for (let k = 2; k <= words.length; k++) prefixes.add(words.slice(0, k).join(' '));
    maxWords = Math.max(maxWords, words.length);
  };

  for (const m of data.municipalities) {
    const rec: MunicipalityRecord = {
      name: bareName(m.name),
      cbsCode: m.cbsCode ?? null,
      province: m.province ?? null,
      ambiguous: !!m.ambiguous,
    };
    byName.set(foldForm(rec.name), rec);
    byName.set(foldForm(m.name), rec);
    add(m.name, rec, 'name', rec.ambiguous);
    if (bareName(m.name) !== m.name) add(bareName(m.name), rec, 'name', true);
    if (m.cbsName && m.cbsName !== m.name) add(m.cbsName, rec, 'alias', rec.ambiguous);
    for (const a of m.aliases ?? []) add(a, rec, 'alias', rec.ambiguous || /^\p{L}+$/u.test(a) && a.length < 5);
    for (const a of m.adjectives ?? []) add(a, rec, 'adjective', rec.ambiguous);
  }
  for (const old of data.mergedAway) {
    const successor = byName.get(foldForm(old.successor));
    if (!successor) continue;
    // a current municipality of the same name wins over the merged-away one
    if (forms.get(foldForm(old.name))?.some((f) => f.kind === 'name')) continue;
    add(old.name, successor, 'merged', !!old.ambiguous);
    if (bareName(old.name) !== old.name) add(bareName(old.name), successor, 'merged', true);
  }
  return { forms, firstWords, maxWords, prefixes, byName };
}

export function municipalityIndex(): MunicipalityIndex {
  if (!cached) cached = buildMunicipalityIndex();
  return cached;
}
