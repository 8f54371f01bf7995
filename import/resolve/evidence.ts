/**
 * Whether a passage names an entity: one of its names or aliases as whole words (case, diacritics and
 * punctuation folded); a theme by a word of its vocabulary (so "eenzame ouderen" names eenzaamheid); an
 * organisation also by an e-mail address at its domain (x@movisie.nl names Movisie). The resolver keeps
 * a sentence as evidence of a link only when it names both ends; the evidence-integrity test reads
 * the graph back with the same rule.
 */
import { themeMatcher, type ThemeMatcher } from '../tag/rules/themes.ts';

export interface NamedEntity {
  id: string;
  type: string;
  name: string;
  aliases: string[];
}

export function foldWords(s: string): string {
  return ` ${s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

const compact = (s: string) => foldWords(s).replace(/ /g, '');
const MAILBOX = /([\w.+-]{1,64})@[\w-]/g;
/** The domain of an e-mail address ("@movisie.nl") or a web address ("www.movisie.nl", "movisie.nl/publicaties"). */
const DOMAIN = /(?:@|(?:^|[\s(\[<\/])(?:www\.)?)([\w-]+(?:\.[\w-]+)*)\.(?:[a-z]{2,6})\b/gi;
const WEB_ADDRESS = /[\w-]\.(?:nl|org|com|eu|be|net|info)\b/i;

export class EntityNames {
  private readonly byId = new Map<string, NamedEntity>();
  private readonly folded = new Map<string, string[]>();
  private lastQuote = '';
  private lastFolded = '';
  private lastThemes: Set<string> | null = null;

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
      this.lastFolded = foldWords(quote);
      this.lastThemes = null;
    }
    if (e.type === 'THEME') {
      this.lastThemes ??= new Set(this.matcher.hits(quote).map((h) => h.theme.label));
      if (this.lastThemes.has(e.name)) return true;
    }
    let names = this.folded.get(id);
    if (!names) this.folded.set(id, (names = [e.name, ...e.aliases].map(foldWords).filter((n) => n.trim().length >= 2)));
    for (const n of names) if (this.lastFolded.includes(n)) return true;
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
