import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverFiles, documentText, readDocument } from '../../import/read/index.ts';

const dutch =
  'De gemeente wil samen met inwoners en welzijnsorganisaties werken aan minder eenzaamheid in de wijk. ' +
  'Daarom start zij een programma waarin vrijwilligers en sociaal werkers ouderen bezoeken en hun netwerk versterken. ' +
  'Volgens de wethouder is het belangrijk dat mensen elkaar weer ontmoeten en dat niemand er alleen voor staat.';
const english =
  'The municipality wants to work with residents and welfare organisations to reduce loneliness in the neighbourhood. ' +
  'Therefore it starts a programme in which volunteers and social workers visit older people and strengthen their network. ' +
  'According to the alderman it is important that people meet each other again and that nobody stands alone.';

describe('documentText', () => {
  it('accepts Dutch UTF-8 text and strips a byte-order mark', async () => {
    const r = await documentText('a.txt', Buffer.from('\uFEFF' + dutch.repeat(3)));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.text.startsWith('De gemeente')).toBe(true);
  });
  it.each([
    ['empty', Buffer.alloc(0)],
    ['empty', Buffer.from('  \n\n \t')],
    ['binary', Buffer.from([0x41, 0x42, 0x00, 0x01, 0x02, 0x03, 0x44])],
    ['unreadable', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x03])],
    ['unsupported type', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])],
    ['not language', Buffer.from('a'.repeat(100_000))],
    ['not UTF-8', Buffer.concat([Buffer.from(dutch), Buffer.from([0xe9, 0x20, 0xff, 0x41])])],
    ['not Dutch', Buffer.from(english.repeat(3))],
  ])('rejects %s content with a reason', async (reason, bytes) => {
    const r = await documentText('x.txt', bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.detail.length).toBeGreaterThan(5);
    }
  });
});

describe('readDocument and discoverFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-files-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a.md'), dutch.repeat(2));
  writeFileSync(join(dir, 'sub', 'b.txt'), dutch.repeat(2));
  writeFileSync(join(dir, 'c.pdf'), ' \n');
  writeFileSync(join(dir, 'big.txt'), dutch.repeat(50));

  it('finds regular files in folders recursively, and reports unknown paths', async () => {
    const { files, skipped } = await discoverFiles([dir, join(dir, 'missing.txt')]);
    expect(files.map((f) => f.relativePath)).toEqual(['a.md', 'big.txt', 'c.pdf', 'sub/b.txt']);
    expect(skipped.map((p) => p.reason)).toEqual(['not found']);
  });

  it('decides by content, not by name: a blank file named .pdf is empty text', async () => {
    const r = await readDocument(join(dir, 'c.pdf'));
    expect(r.ok ? 'ok' : r.reason).toBe('empty');
  });

  it('skips files over the size limit', async () => {
    const r = await readDocument(join(dir, 'big.txt'), 1000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('too large');
    expect((await readDocument(join(dir, 'a.md'), 1000)).ok).toBe(true);
  });
});
