import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkContent, checkFile, discoverFiles } from '../../import/read/files.ts';

const dutch =
  'De gemeente wil samen met inwoners en welzijnsorganisaties werken aan minder eenzaamheid in de wijk. ' +
  'Daarom start zij een programma waarin vrijwilligers en sociaal werkers ouderen bezoeken en hun netwerk versterken. ' +
  'Volgens de wethouder is het belangrijk dat mensen elkaar weer ontmoeten en dat niemand er alleen voor staat.';
const english =
  'The municipality wants to work with residents and welfare organisations to reduce loneliness in the neighbourhood. ' +
  'Therefore it starts a programme in which volunteers and social workers visit older people and strengthen their network. ' +
  'According to the alderman it is important that people meet each other again and that nobody stands alone.';

describe('checkContent', () => {
  it('accepts Dutch UTF-8 text and strips a byte-order mark', () => {
    const r = checkContent('a.txt', Buffer.from('\uFEFF' + dutch.repeat(3)));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.text.startsWith('De gemeente')).toBe(true);
  });
  it.each([
    ['empty', Buffer.alloc(0)],
    ['empty', Buffer.from('  \n\n \t')],
    ['binary', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x03])],
    ['not UTF-8', Buffer.concat([Buffer.from(dutch), Buffer.from([0xe9, 0x20, 0xff, 0x41])])],
    ['not Dutch', Buffer.from(english.repeat(3))],
  ])('rejects %s content with a reason', (reason, bytes) => {
    const r = checkContent('x.txt', bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.detail.length).toBeGreaterThan(5);
    }
  });
});

describe('checkFile and discoverFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-files-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a.md'), dutch.repeat(2));
  writeFileSync(join(dir, 'sub', 'b.txt'), dutch.repeat(2));
  writeFileSync(join(dir, 'c.pdf'), 'x');
  writeFileSync(join(dir, 'big.txt'), dutch.repeat(50));

  it('finds .md and .txt files in folders recursively, and reports unknown paths', async () => {
    const { files, problems } = await discoverFiles([dir, join(dir, 'c.pdf'), join(dir, 'missing.txt')]);
    expect(files.map((f) => f.relativePath)).toEqual(['a.md', 'big.txt', 'sub/b.txt']);
    expect(problems.map((p) => p.ok ? '' : p.reason)).toEqual(['unsupported type', 'not found']);
  });

  it('skips files over the size limit', async () => {
    const r = await checkFile(join(dir, 'big.txt'), 1000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('too large');
    expect((await checkFile(join(dir, 'a.md'), 1000)).ok).toBe(true);
  });
});
