/**
 * `npm run bench:client`: how long until a 1,000-node neighbourhood is laid out and
 * interactive in headless Chromium, and how big the built bundle is.
 *
 * The built client is served as the server serves it (server/static.ts, no Neo4j needed);
 * the graph is handed to the page first, then window.__explorer.loadSubgraph() times, inside
 * the page, from data in hand to fcose's layoutstop plus the next painted frame.
 */
import { createServer } from 'node:http';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { Command } from 'commander';
import { clientDist, ensureClientBuilt } from '../server/client-build.ts';
import { createStaticHandler } from '../server/static.ts';
import { projectRoot } from '../graph/config.ts';
import { launchChromium } from '../tests/browser/chromium.ts';
import { syntheticGraph } from './synthetic-graph.ts';

const program = new Command()
  .name('bench:client')
  .description('Time to a laid-out, interactive 1,000-node graph in headless Chromium, and the bundle size')
  .option('--nodes <n>', 'nodes in the synthetic neighbourhood', '1000')
  .option('--runs <n>', 'timed runs after one warm-up', '5')
  .option('--target-ms <n>', 'target for the median', '1500')
  .parse();
const opts = program.opts<{ nodes: string; runs: string; targetMs: string }>();

interface BundleFile { file: string; raw: number; gzip: number }

function bundleSizes(): BundleFile[] {
  const files: BundleFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css|html)$/.test(entry)) {
        const bytes = readFileSync(path);
        files.push({ file: path.slice(clientDist.length + 1), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
      }
    }
  };
  walk(clientDist);
  return files.sort((a, b) => b.raw - a.raw);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

async function main(): Promise<void> {
  if (await ensureClientBuilt()) console.log('Client built.');
  const serveStatic = createStaticHandler(clientDist);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/graphql') {
      res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'bench: no API' }] }));
      return;
    }
    serveStatic(req, res, path);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;

  const nodeCount = Number(opts.nodes);
  const runs = Number(opts.runs);
  const graph = syntheticGraph(nodeCount);
  const browser = await launchChromium();
  const timings: number[] = [];
  const cpuTimes: number[] = [];
  const load = loadavg()[0];
  let warmup = 0;
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`http://127.0.0.1:${port}/?weergave=verkennen`);
    await page.waitForFunction(() => Boolean(window.__explorer));
    // The data goes into the page before the clock starts: it is "in hand" as after a fetch.
    await page.evaluate((g) => { (window as unknown as { benchGraph: unknown }).benchGraph = g; }, graph);
    // Main-thread CPU time of the page (Chrome's ThreadTime): on a busy machine the wall
    // time includes waiting for a core, this does not.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const threadTime = async () => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      return 1000 * (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN);
    };
    const once = async () => {
      const before = await threadTime();
      const ms = await page.evaluate(() => window.__explorer!.loadSubgraph((window as unknown as { benchGraph: Parameters<NonNullable<Window['__explorer']>['loadSubgraph']>[0] }).benchGraph));
      cpuTimes.push((await threadTime()) - before);
      return ms;
    };
    warmup = await once();
    for (let i = 0; i < runs; i++) timings.push(await once());
    const counts = await page.evaluate(() => window.__explorer!.counts());
    if (counts.nodes !== graph.nodes.length) throw new Error(`expected ${graph.nodes.length} nodes on screen, found ${counts.nodes}`);
    mkdirSync(join(projectRoot, 'bench', 'results'), { recursive: true });
    await page.screenshot({ path: join(projectRoot, 'bench', 'results', 'client-1000.png') });
  } finally {
    await browser.close();
    server.close();
  }

  const bundle = bundleSizes();
  const total = bundle.reduce((s, f) => ({ raw: s.raw + f.raw, gzip: s.gzip + f.gzip }), { raw: 0, gzip: 0 });
  const med = median(timings);
  const target = Number(opts.targetMs);
  console.log(`\n${nodeCount}-node graph (${graph.edges.length} edges), data in hand -> layout done + first frame, headless Chromium:`);
  console.log(`  first (cold) ${warmup.toFixed(0)} ms; ${runs} warm runs: median ${med.toFixed(0)} ms, min ${Math.min(...timings).toFixed(0)} ms, max ${Math.max(...timings).toFixed(0)} ms`);
  console.log(`  main-thread CPU: first ${cpuTimes[0].toFixed(0)} ms; warm median ${median(cpuTimes.slice(1)).toFixed(0)} ms`);
  console.log(`  machine: ${cpus().length} cores, load average ${load.toFixed(1)} at the start (wall times grow with the load)`);
  console.log(`  target < ${target} ms (warm median): ${med < target ? 'met' : 'NOT met'}; first load: ${warmup < target ? 'met' : 'NOT met'}`);
  console.log('\nBundle (client/dist):');
  for (const f of bundle) console.log(`  ${f.file.padEnd(34)} ${kb(f.raw).padStart(11)} raw ${kb(f.gzip).padStart(11)} gzip`);
  console.log(`  ${'total'.padEnd(34)} ${kb(total.raw).padStart(11)} raw ${kb(total.gzip).padStart(11)} gzip`);

  const result = { date: new Date().toISOString(), loadAverage: load, nodes: nodeCount, edges: graph.edges.length, coldMs: warmup, warmMs: timings, medianMs: med, cpuMs: cpuTimes, targetMs: target, bundle, total };
  writeFileSync(join(projectRoot, 'bench', 'results', 'client.json'), JSON.stringify(result, null, 2));
  if (med >= target) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
