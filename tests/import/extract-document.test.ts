import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../import/pipeline.ts';
import { dropOverlaps } from '../../import/type/overlaps.ts';
import type { EntityMention } from '../../import/model.ts';

const corpus = join(import.meta.dirname, '..', '..', 'corpus');
const files = readdirSync(corpus).filter((f) => /\.(txt|md)$/.test(f)).sort();

describe('extractDocument end to end', () => {
  const file = files[1];
  const text = readFileSync(join(corpus, file), 'utf8');
  const first = extractDocument(file, text);

  it('describes the document: id from the file name, sha256 of the raw text, numbered titled sections', () => {
    expect(first.document.id).toBe(file.replace(/\.(txt|md)$/, ''));
    expect(first.document.file).toBe(file);
    expect(first.document.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.document.sections.length).toBeGreaterThan(5);
    first.document.sections.forEach((s, i) => {
      expect(s.ordinal).toBe(i + 1);
      expect(s.id).toBe(`${first.document.id}#${i + 1}`);
      expect(s.title.length).toBeGreaterThan(0);
    });
  });

  it('every relation quote occurs literally in its section and is at most 240 characters', () => {
    const sectionText = new Map(first.document.sections.map((s) => [s.id, s.text]));
    expect(first.relations.length).toBeGreaterThan(0);
    for (const r of first.relations) {
      expect(r.evidence.length).toBeGreaterThan(0);
      for (const e of r.evidence) {
        expect(e.quote.length).toBeLessThanOrEqual(240);
        expect(sectionText.get(e.sectionId)).toContain(e.quote);
      }
    }
  });

  it('relations point at entities of the right types, with no duplicate (type, from, to)', () => {
    const types = new Map(first.entities.map((e) => [e.id, e.type]));
    const allowed: Record<string, [string[], string[]]> = {
      WORKS_FOR: [['PERSON'], ['ORGANISATION']],
      HOLDS_OFFICE_IN: [['PERSON'], ['MUNICIPALITY']],
      WORKS_ON: [['PERSON', 'ORGANISATION', 'PROGRAMME'], ['THEME']],
      RUNS_IN: [['PROGRAMME'], ['MUNICIPALITY']],
      RUN_BY: [['PROGRAMME'], ['ORGANISATION']],
      BASED_IN: [['ORGANISATION'], ['MUNICIPALITY']],
    };
    const keys = new Set<string>();
    for (const r of first.relations) {
      expect(allowed[r.type][0]).toContain(types.get(r.from));
      expect(allowed[r.type][1]).toContain(types.get(r.to));
      const key = `${r.type}|${r.from}|${r.to}`;
      expect(keys.has(key)).toBe(false);
      keys.add(key);
      expect(r.weight).toBeGreaterThan(0);
    }
  });

  it('entities have unique ids, snippets of at most 240 characters, and mentions only in existing sections', () => {
    const ids = first.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sectionIds = new Set(first.document.sections.map((s) => s.id));
    for (const e of first.entities) {
      expect(e.mentions.length).toBeGreaterThan(0);
      for (const m of e.mentions) {
        expect(sectionIds.has(m.sectionId)).toBe(true);
        expect(m.count).toBeGreaterThan(0);
        expect(m.snippets.length).toBeLessThanOrEqual(3);
        for (const s of m.snippets) expect(s.length).toBeLessThanOrEqual(240);
      }
    }
  });

  it('is deterministic: a second run gives identical ids and facts', () => {
    const second = extractDocument(file, text);
    expect(second.entities.map((e) => e.id)).toEqual(first.entities.map((e) => e.id));
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('handles an empty or furniture-only text without throwing', () => {
    const r = extractDocument('leeg.txt', '\n\n12\n\n');
    expect(r.document.sections).toEqual([]);
    expect(r.entities).toEqual([]);
  });
});

describe('dropOverlaps', () => {
  const m = (type: EntityMention['type'], start: number, end: number, name = `${type}@${start}`): EntityMention => ({ type, name, surface: name, start, end });

  it('keeps the longer of overlapping mentions, breaks ties by type, collapses repeats and keeps every theme', () => {
    const kept = dropOverlaps([
      m('PERSON', 0, 10),
      m('ORGANISATION', 5, 30), // longer: wins over the person
      m('PROGRAMME', 40, 50),
      m('ORGANISATION', 40, 50), // same span: the organisation wins
      m('MUNICIPALITY', 60, 67),
      m('MUNICIPALITY', 60, 67), // repeat
      m('THEME', 0, 30),
      m('PERSON', 80, 80), // empty span
      { ...m('PERSON', 90, 95), name: '  ' }, // blank name
    ]);
    expect(kept.map((x) => `${x.type}:${x.start}-${x.end}`)).toEqual(['THEME:0-30', 'ORGANISATION:5-30', 'ORGANISATION:40-50', 'MUNICIPALITY:60-67']);
  });

  it('drops a person-like span that starts with a municipality or holds an organisation', () => {
    const kept = dropOverlaps([m('PERSON', 0, 18), m('MUNICIPALITY', 0, 9), m('PERSON', 30, 55), m('ORGANISATION', 44, 55)]);
    expect(kept.map((x) => x.type)).toEqual(['MUNICIPALITY', 'ORGANISATION']);
  });
});

describe('a municipality named only inside an organisation name', () => {
  const text = 'Stage bij de buren\n\nPetra Verhoeven, docent aan de Hogeschool Rotterdam, begeleidt dit jaar twintig studenten.';
  const result = extractDocument('hogeschool.txt', text);
  const byName = (type: string, name: string) => result.entities.find((e) => e.type === type && e.name === name);

  it('is an entity, and the organisation is based there', () => {
    const muni = byName('MUNICIPALITY', 'Rotterdam');
    const org = result.entities.find((e) => e.type === 'ORGANISATION' && e.name.includes('Hogeschool Rotterdam'));
    expect(muni).toBeDefined();
    expect(org).toBeDefined();
    expect(result.relations).toContainEqual(expect.objectContaining({ type: 'BASED_IN', from: org!.id, to: muni!.id }));
  });

  it('does not place the person who works for the organisation', () => {
    const person = byName('PERSON', 'Petra Verhoeven');
    expect(person).toBeDefined();
    const types = result.relations.filter((r) => r.from === person!.id).map((r) => r.type);
    expect(types).toContain('WORKS_FOR');
    expect(types).not.toContain('HOLDS_OFFICE_IN');
  });
});
