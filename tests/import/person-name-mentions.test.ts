import { describe, expect, it } from 'vitest';
import { addPersonNameMentions } from '../../import/resolve/resolve.ts';
import { splitSentences } from '../../import/segment/sentences.ts';
import type { EntityMention, SectionContext } from '../../import/model.ts';

function context(text: string): SectionContext {
  return { documentId: 't', section: { id: 't#1', ordinal: 1, title: '', text }, text, sentences: splitSentences(text) };
}

/** A made-up surname per number: letters only, so that no two share a last word. */
const surname = (n: number) => `Ber${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + Math.floor(n / 26) % 26)}kamp`;

/** `people` people introduced by full name, then each named again by surname (in brackets, after a comma, and glued to a word that is no name). */
function documentOf(people: number): { ctx: SectionContext; mentions: EntityMention[] } {
  let text = '';
  const mentions: EntityMention[] = [];
  for (let n = 0; n < people; n++) {
    const full = `Anna ${surname(n)}`;
    mentions.push({ type: 'PERSON', name: full, surface: full, start: text.length, end: text.length + full.length });
    text += `${full} werkt in de wijk. `;
  }
  for (let n = 0; n < people; n++) text += `Later sprak ${surname(n)} (en ook ${surname(n)}), maar X${surname(n)} niet. `;
  return { ctx: context(text), mentions };
}

describe('surname mentions (addPersonNameMentions)', () => {
  // the resolver searches a few surnames one by one and many in one pass over the text: both must find the same
  for (const people of [3, 300]) {
    it(`finds every later surname of ${people} people, and no surname glued to another word`, () => {
      const { ctx, mentions } = documentOf(people);
      const [found] = addPersonNameMentions([ctx], [mentions]);
      const added = found.filter((m) => !mentions.includes(m));
      expect(added).toHaveLength(2 * people);
      for (const m of added) {
        expect(ctx.text.slice(m.start, m.end)).toBe(m.surface);
        expect(m.name).toBe(`Anna ${m.surface}`);
        expect(ctx.text.charAt(m.start - 1)).not.toBe('X');
      }
    });
  }
});
