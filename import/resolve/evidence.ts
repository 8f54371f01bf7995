/**
 * Whether a passage names an entity: one of its names or aliases as whole words (case, diacritics and
 * punctuation folded); a theme by a word of its vocabulary (so "eenzame ouderen" names eenzaamheid); an
 * organisation also by an e-mail address at its domain (x@movisie.nl names Movisie). The resolver keeps
 * a sentence as evidence of a link only when it names both ends; the evidence-integrity test reads
 * the graph back with the same rule.
 */
import { themeMatcher, type ThemeMatcher } from '../tag/rules/themes.ts';
import { emptyList } from '../packed.ts';

export interface NamedEntity {
  id: string;
  type: string;
  name: string;
  aliases: string[];
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Case, diacritics and punctuation folded: "Café & Co." -> "cafe en co". Text in plain ASCII (most
 * passages) needs neither Unicode normalisation nor Unicode classes: the same result, several times faster.
 */
export function foldText(s: string): string {
  if (NON_ASCII.test(s)) {
    return s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/&/g, ' en ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  }
  return s.toLowerCase().replace(/&/g, ' en ').replace(/[^a-z0-9]+/g, ' ').trim();
}

export function foldWords(s: string): string {
  return ` ${foldText(s)} `;
}

/** Folded passages kept per document at most (a bound on memory, not a limit on what is checked). */
const MAX_FOLDED_QUOTES = 4096;
const compact = (s: string) => foldWords(s).replace(/ /g, '');
const MAILBOX = /([\w.+-]{1,64})@[\w-]/g;
/** The domain of an e-mail address ("@movisie.nl") or a web address ("www.movisie.nl", "movisie.nl/publicaties"). */
const DOMAIN = /(?:@|(?:^|[\s(\[<\/])(?:www\.)?)([\w-]+(?:\.[\w-]+)*)\.(?:[a-z]{2,6})\b/gi;
const WEB_ADDRESS = /[\w-]\.(?:nl|org|com|eu|be|net|info)\b/i;

interface FoldedQuote {
  folded: string;
  /** the themes the passage names, read when first asked */
  themes: Set<string> | null;
}

export class EntityNames {
  private readonly byId = new Map<string, NamedEntity>();
  private readonly folded = new Map<string, string[]>();
  private lastQuote = '';
  private last: FoldedQuote = { folded: '', themes: null };
  /** Folded passages: the same sentence is offered as evidence for many links, and in a repetitive text for many more. */
  private readonly foldedQuotes = new Map<string, FoldedQuote>();

  constructor(
    entities: Iterable<NamedEntity>,
    private readonly matcher: ThemeMatcher = themeMatcher(),
  ) {
    for (const e of entities) this.byId.set(e.id, e);
  }

  /** Whether `quote` names entity `id` (an unknown id is never named). */
  named(id: string, quote: string): boolean {
    const e = this.byId.get(id);
    if (!e) return false;
    if (quote !== this.lastQuote) {
      this.lastQuote = quote;
      let q = this.foldedQuotes.get(quote);
      if (q === undefined) {
        q = { folded: foldWords(quote), themes: null };
        if (this.foldedQuotes.size >= MAX_FOLDED_QUOTES) this.foldedQuotes.clear();
        this.foldedQuotes.set(quote, q);
      }
      this.last = q;
    }
    const q = this.last;
    if (e.type === 'THEME') {
      q.themes ??= new Set(this.matcher.hits(quote).map((h) => h.theme.label));
      if (q.themes.has(e.name)) return true;
    }
    let names = this.folded.get(id);
    if (!names) {
      // (a loop, not map/filter: one V8 array kind whether or not this code is optimised, see import/packed.ts)
      const kept = emptyList<string>();
      const keep = (n: string) => {
        const folded = foldWords(n);
        if (folded.trim().length >= 2) kept.push(folded);
      };
      keep(e.name);
      for (let k = 0; k < e.aliases.length; k++) keep(e.aliases[k]);
      this.folded.set(id, (names = kept));
    }
    for (const n of names) if (q.folded.includes(n)) return true;
    if (e.type === 'ORGANISATION') return (quote.includes('@') || WEB_ADDRESS.test(quote)) && this.namedByDomain(e, quote);
    return e.type === 'PERSON' && quote.includes('@') && this.namedByMailbox(e, quote);
  }

  /** "o.stomp@movisie.nl" names Olaf Stomp: the mailbox spells the surname. */
  private namedByMailbox(e: NamedEntity, quote: string): boolean {
    const surname = compact(e.name.split(/\s+/).pop() ?? '');
    if (surname.length < 3) return false;
    for (const m of quote.matchAll(MAILBOX)) if (compact(m[1]).includes(surname)) return true;
    return false;
  }

  /** "x@movisie.nl", "www.verwey-jonker.nl/publicaties": an address at the organisation's domain names it. */
  private namedByDomain(e: NamedEntity, quote: string): boolean {
    const names = [e.name, ...e.aliases].map(compact);
    for (const m of quote.matchAll(DOMAIN)) {
      const parts = m[1].split('.');
      const label = compact(parts[parts.length - 1]);
      if (label.length < 2) continue;
      if (names.some((n) => n === label || (label.length >= 5 && n.startsWith(label)))) return true;
    }
    return false;
  }
}
