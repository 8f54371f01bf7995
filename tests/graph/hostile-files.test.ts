/**
 * The hostile-file probe: one folder with the five magazines and more than 45 kinds of bad, odd or
 * pathological entries, all made at test time (no committed binaries). Every entry is either
 * reported in one line with its reason or imported correctly, every good file is imported, and
 * nothing that was reported leaves a node behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { projectRoot } from '../../graph/config.ts';
import { deleteDocument } from '../../graph/write.ts';
import { graphCounts } from '../../graph/queries/stats.ts';
import { importPaths, type ImportSummary } from '../../import/run-import.ts';
import { documentId } from '../../import/ids.ts';
import { capitalisedTokens, hugeHeading, repeatedSentence, singleLine } from '../../bench/pathological.ts';
import { corpusBlocks, makeDocx, makeHtml, makePdf } from '../support/make-documents.ts';
import { closeTestDriver, testDriver, testNeo4j } from '../setup/neo4j.ts';

const driver = testDriver();
const database = testNeo4j().database;
const corpusDir = join(projectRoot, 'corpus');
const corpusFiles = ['000_3c8ee0f45698604c.txt', '001_a1a686f12efebd4e.txt', '002_d9fb3ed10ee06fe1.txt', '003_013320122c8a32e8.txt', '004_095f4ecd3cd81d18.txt'];
const magazine = (n: number) => readFileSync(join(corpusDir, corpusFiles[n]), 'utf8');

const dutch =
  'De gemeente Utrecht werkt samen met Movisie aan minder eenzaamheid in de wijk. Wethouder Anke Klein zegt dat ' +
  'vrijwilligers en sociaal werkers ouderen bezoeken en hun netwerk versterken. Daarom start zij een programma ' +
  'waarin inwoners elkaar weer ontmoeten, zodat niemand er alleen voor staat.\n\n';
const english = 'The municipality wants to work with residents and welfare organisations to reduce loneliness in the neighbourhood. '.repeat(40);
const german = 'Die Gemeinde möchte mit den Bewohnern und Wohlfahrtsverbänden zusammenarbeiten, um die Einsamkeit im Viertel zu verringern. '.repeat(40);

/** What the probe expects of an entry: a reason it is reported with, or that it is imported. */
type Expect = { reason: string } | 'imported';

const kinds: { name: string; path: string; expect: Expect }[] = [];
const kind = (name: string, path: string, expect: Expect) => kinds.push({ name, path, expect });

let root: string;
let outside: string;
let summary: ImportSummary;
const outcome = new Map<string, string>();
let socket: Server;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'kg-hostile-'));
  outside = mkdtempSync(join(tmpdir(), 'kg-outside-'));
  const at = (p: string) => join(root, p);
  const write = (p: string, data: string | Uint8Array) => {
    mkdirSync(join(at(p), '..'), { recursive: true });
    writeFileSync(at(p), data);
  };

  for (const f of corpusFiles) {
    copyFileSync(join(corpusDir, f), at(f));
    kind(`magazine ${f}`, f, 'imported');
  }
  // empty and blank
  write('leeg.txt', '');
  kind('empty file', 'leeg.txt', { reason: 'empty' });
  write('spaties.md', ' \n\t\n   \n');
  kind('only whitespace', 'spaties.md', { reason: 'empty' });
  // binary formats by their bytes, whatever their name
  write('ruis.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  kind('random bytes', 'ruis.txt', { reason: 'binary' });
  write('plaatje.md', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), Buffer.alloc(64)]));
  kind('PNG named .md', 'plaatje.md', { reason: 'unsupported type' });
  write('foto.txt', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]), Buffer.alloc(64)]));
  kind('JPEG named .txt', 'foto.txt', { reason: 'unsupported type' });
  write('archief.txt', gzipSync(Buffer.from(dutch.repeat(20))));
  kind('gzip named .txt', 'archief.txt', { reason: 'unsupported type' });
  write('programma.md', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]));
  kind('ELF executable named .md', 'programma.md', { reason: 'unsupported type' });
  write('kapot.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 31) % 256))]));
  kind('broken PDF', 'kapot.pdf', { reason: 'unreadable' });
  write('nul-in-tekst.txt', Buffer.concat([Buffer.from(dutch.slice(0, 100)), Buffer.from([0]), Buffer.from(dutch.repeat(5))]));
  kind('NUL byte inside Dutch text', 'nul-in-tekst.txt', { reason: 'binary' });
  // encodings
  write('latin1.txt', Buffer.from(dutch.repeat(5).replace(/e/g, 'é'), 'latin1'));
  kind('Latin-1 text', 'latin1.txt', { reason: 'not UTF-8' });
  write('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(magazine(3).slice(60_000), 'utf16le')]));
  kind('UTF-16 text with a byte-order mark', 'utf16.txt', 'imported');
  // not Dutch, not language
  write('engels.md', english);
  kind('English text', 'engels.md', { reason: 'not Dutch' });
  write('duits.txt', german);
  kind('German text', 'duits.txt', { reason: 'not Dutch' });
  write('aaaa.txt', 'a'.repeat(1024 * 1024));
  kind('1 MB of the letter a', 'aaaa.txt', { reason: 'not language' });
  write('base64.txt', Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 2654435761) % 256)).toString('base64').replace(/(.{76})/g, '$1\n'));
  kind('base64 blob', 'base64.txt', { reason: 'not language' });
  write('hex.txt', Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 40503) % 256)).toString('hex').replace(/(.{64})/g, '$1\n'));
  kind('hex dump', 'hex.txt', { reason: 'not language' });
  write('getallen.txt', Array.from({ length: 20_000 }, (_, i) => String((i * 7919) % 100_000)).join(' '));
  kind('only numbers', 'getallen.txt', { reason: 'not language' });
  write('leestekens.md', '-=*#!?.,;:()[]{}<>/\\|'.repeat(5000));
  kind('only punctuation', 'leestekens.md', { reason: 'not language' });
  write('residu.txt', Array.from({ length: 50_000 }, (_, i) => '§¶†‡•ª°±²³µ·¹º¼½¾×÷'[(i * 13) % 19] + (i % 10)).join(''));
  kind('binary residue as printable symbols', 'residu.txt', { reason: 'not language' });
  write('woord.txt', 'gemeente'.repeat(50_000));
  kind('one word repeated without spaces', 'woord.txt', { reason: 'not language' });
  write('twee-woorden.txt', 'de wijk '.repeat(100_000));
  kind('two words repeated', 'twee-woorden.txt', { reason: 'not language' });
  // size limit on the bytes, whatever stat says
  write('groot.txt', '');
  truncateSync(at('groot.txt'), 21 * 1024 * 1024);
  kind('file over the size limit (sparse, 21 MB)', 'groot.txt', { reason: 'too large' });
  symlinkSync('/dev/zero', at('nul.txt'));
  kind('symlink to /dev/zero', 'nul.txt', { reason: 'outside the import root' });
  symlinkSync('/dev/urandom', at('willekeurig.md'));
  kind('symlink to /dev/urandom', 'willekeurig.md', { reason: 'outside the import root' });
  // special files
  execFileSync('mkfifo', [at('pijp.txt')]);
  kind('FIFO', 'pijp.txt', { reason: 'not a regular file' });
  socket = createServer();
  await new Promise<void>((resolve) => socket.listen(at('socket.md'), resolve));
  kind('Unix socket', 'socket.md', { reason: 'not a regular file' });
  // links
  symlinkSync(at('lus-b.txt'), at('lus-a.txt'));
  symlinkSync(at('lus-a.txt'), at('lus-b.txt'));
  kind('symlink loop (a -> b -> a)', 'lus-a.txt', { reason: 'symlink loop' });
  kind('symlink loop (b -> a -> b)', 'lus-b.txt', { reason: 'symlink loop' });
  mkdirSync(at('map'));
  symlinkSync(root, at('map/terug'));
  kind('symlink to a folder above it (folder loop)', 'map/terug', { reason: 'symlink loop' });
  symlinkSync(at('bestaat-niet.txt'), at('los.txt'));
  kind('dangling symlink', 'los.txt', { reason: 'not found' });
  writeFileSync(join(outside, 'buiten.txt'), dutch.repeat(5));
  symlinkSync(join(outside, 'buiten.txt'), at('buiten.txt'));
  kind('symlink to a file outside the root', 'buiten.txt', { reason: 'outside the import root' });
  symlinkSync(outside, at('buitenmap'));
  kind('symlink to a folder outside the root', 'buitenmap', { reason: 'outside the import root' });
  symlinkSync('/etc/passwd', at('wachtwoorden.txt'));
  kind('symlink to /etc/passwd', 'wachtwoorden.txt', { reason: 'outside the import root' });
  write('binnen/doel.txt', magazine(2).slice(0, 30_000));
  kind('file a link points to', 'binnen/doel.txt', 'imported');
  symlinkSync(at('binnen/doel.txt'), at('link-naar-doel.txt'));
  kind('symlink inside the root to an imported file', 'link-naar-doel.txt', { reason: 'duplicate' });
  // folders
  mkdirSync(at('map.md'));
  kind('empty directory named map.md', 'map.md', { reason: 'empty' });
  mkdirSync(at('x.txt.d/diep/dieper/diepst'), { recursive: true });
  write('x.txt.d/diep/dieper/diepst/artikel.txt', magazine(3).slice(0, 25_000));
  kind('file four folders deep', 'x.txt.d/diep/dieper/diepst/artikel.txt', 'imported');
  write('.verborgen.md', dutch.repeat(5));
  kind('hidden file', '.verborgen.md', { reason: 'hidden' });
  mkdirSync(at('.git'));
  write('.git/HEAD', 'ref: refs/heads/main\n');
  kind('hidden folder', '.git', { reason: 'hidden' });
  // identity
  write('een/nummer.txt', magazine(4).slice(0, 20_000));
  write('twee/nummer.txt', magazine(4).slice(20_000, 40_000));
  kind('same-name file in folder een', 'een/nummer.txt', 'imported');
  kind('same-name file in folder twee', 'twee/nummer.txt', 'imported');
  write('artikel.txt', magazine(0).slice(0, 20_000));
  write('artikel.md', magazine(0).slice(20_000, 40_000));
  kind('x.txt beside x.md', 'artikel.txt', 'imported');
  kind('x.md beside x.txt', 'artikel.md', 'imported');
  write('kopie/000.txt', magazine(0));
  kind('a magazine copied under another name', 'kopie/000.txt', { reason: 'duplicate' });
  // odd but valid text
  write('windows.txt', magazine(1).slice(0, 20_000).replace(/\n/g, '\r\n'));
  kind('CRLF line endings', 'windows.txt', 'imported');
  write('bom.md', `\uFEFF${magazine(1).slice(20_000, 40_000)}`);
  kind('UTF-8 byte-order mark', 'bom.md', 'imported');
  write('zonder-extensie', magazine(1).slice(40_000, 60_000));
  kind('no extension', 'zonder-extensie', 'imported');
  write('HOOFDLETTERS.TXT', magazine(1).slice(60_000, 80_000));
  kind('upper-case extension', 'HOOFDLETTERS.TXT', 'imported');
  write('Één nummer (kopie) #2.txt', magazine(1).slice(80_000, 100_000));
  kind('spaces, accents and # in the name', 'Één nummer (kopie) #2.txt', 'imported');
  write('notities.rtf', magazine(2).slice(30_000, 50_000));
  kind('Dutch text with an unknown extension', 'notities.rtf', 'imported');
  // formats by content, whatever the name
  const blocks = corpusBlocks(magazine(3).slice(25_000, 60_000)).map((b) => ({ ...b, text: b.text.replace(/[^\x20-\x7e\u00a0-\u00ff‘’“”–—•…]/g, ' ') }));
  write('pdf-als-markdown.md', await makePdf(blocks));
  kind('PDF named .md', 'pdf-als-markdown.md', 'imported');
  write('word-als-tekst.txt', await makeDocx(corpusBlocks(magazine(2).slice(50_000, 80_000))));
  kind('DOCX named .txt', 'word-als-tekst.txt', 'imported');
  write('pagina.txt', makeHtml(corpusBlocks(magazine(2).slice(80_000, 110_000))));
  kind('HTML page named .txt', 'pagina.txt', 'imported');
  // markup in names
  write('markup.md', `${dutch}De organisatie <img src=x onerror=alert(1)> Samen Sterk werkt met <b>Stichting De Brug</b> in Utrecht.\n\n` +
    `<script>alert("Stichting Kwaad")</script>Wethouder <span class="naam">Petra de Vries</span> van de gemeente Zwolle opende het <a href="javascript:x">Buurthuis De Kern</a>.\n\n${dutch.repeat(3)}`);
  kind('markup in names (markdown)', 'markup.md', 'imported');
  write('markup.html', `<html><body><article><h1>Samen Sterk in de wijk</h1><p>${dutch}</p><p>De organisatie <img src=x onerror=alert(1)> Samen Sterk werkt met <b>Stichting De Brug</b> in Utrecht. ${dutch}</p><p>${dutch.repeat(3)}</p></article></body></html>`);
  kind('markup in names (HTML)', 'markup.html', 'imported');
  // pathological for extraction
  write('hoofdletters.txt', capitalisedTokens(100_000));
  kind('100k capitalised tokens', 'hoofdletters.txt', { reason: 'not Dutch' });
  write('kop.md', hugeHeading(1.2 * 1024 * 1024));
  kind('1.2 MB heading', 'kop.md', { reason: 'not Dutch' });
  write('herhaling.txt', repeatedSentence(200_000));
  kind('one sentence repeated 200k times', 'herhaling.txt', { reason: 'not language' });
  write('een-regel.txt', singleLine(5 * 1024 * 1024, magazine(0) + magazine(1)));
  kind('5 MB single line', 'een-regel.txt', 'imported');
  write('regels-zonder-punt.txt', magazine(4).slice(40_000).split(/\s+/).join('\n'));
  kind('one word per line', 'regels-zonder-punt.txt', 'imported');

  const files = new Map<string, string>();
  summary = await importPaths([root], {
    driver,
    database,
    onFile: (path, result) => files.set(relative(root, path), result),
  });
  for (const [p, result] of files) outcome.set(p, result);
  for (const s of summary.skipped) outcome.set(relative(root, s.path), s.reason);
  console.log(`hostile probe: ${kinds.length} kinds, ${summary.created + summary.replaced + summary.unchanged} imported, ${summary.skipped.length} reported, in ${summary.seconds.toFixed(1)} s`);
  for (const s of summary.skipped) console.log(`  ${relative(root, s.path)}: ${s.reason} — ${s.detail}`);
}, 600_000);

afterAll(async () => {
  for (const [path, result] of outcome) {
    if (result === 'created' || result === 'replaced') await deleteDocument(driver, database, documentId(path));
  }
  socket?.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
  await closeTestDriver();
});

describe('hostile-file probe', () => {
  it('probes at least 45 kinds of entry', () => {
    expect(kinds.length).toBeGreaterThanOrEqual(45);
  });

  it('reports each bad entry in one line with its reason and imports each good one', () => {
    const got = kinds.map((k) => [k.name, outcome.get(k.path) ?? 'no outcome']);
    const want = kinds.map((k) => [k.name, k.expect === 'imported' ? expect.stringMatching(/^(created|replaced|unchanged)$/) : k.expect.reason]);
    expect(got).toEqual(want);
    for (const s of summary.skipped) {
      expect(s.detail).not.toMatch(/\n/);
      expect(s.detail.length).toBeGreaterThan(5);
    }
  });

  it('imports the five magazines and leaves the graph with no markup in any name', async () => {
    for (const f of corpusFiles) expect(outcome.get(f)).toMatch(/^(created|replaced|unchanged)$/);
    const res = await driver.executeQuery(
      `MATCH (e:Entity) WHERE e.name =~ '.*[<>].*' OR any(a IN coalesce(e.aliases, []) WHERE a =~ '.*[<>].*') RETURN e.name AS name`,
      {},
      { database },
    );
    expect(res.records.map((r) => r.get('name'))).toEqual([]);
    const named = await driver.executeQuery(
      `MATCH (e:Entity)-[:MENTIONED_IN]->(:Section)-[:PART_OF]->(d:Document {id: 'markup.md'}) RETURN collect(e.name) AS names`,
      {},
      { database },
    );
    expect(named.records[0].get('names')).toEqual(expect.arrayContaining(['Stichting De Brug', 'Utrecht']));
  });

  it('writes nothing for a reported entry', async () => {
    const reported = kinds.filter((k) => k.expect !== 'imported').map((k) => documentId(k.path));
    const res = await driver.executeQuery('MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id', { ids: reported }, { database });
    expect(res.records.map((r) => r.get('id'))).toEqual([]);
  });
});

describe('time budget', () => {
  it('a file past its budget is reported as too slow and nothing of it is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-budget-'));
    const before = await graphCounts(driver, database);
    try {
      writeFileSync(join(dir, 'traag.txt'), magazine(1) + magazine(2));
      const s = await importPaths([dir], { driver, database, secondsPerMb: 0.0001, minSeconds: 0.001 });
      expect(s.skipped.map((x) => x.reason)).toEqual(['too slow']);
      expect(s.skipped[0].detail).toContain('nothing was written');
      expect(await graphCounts(driver, database)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
