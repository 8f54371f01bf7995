import { launchChromium } from '/work/wt-explorer/tests/browser/chromium.ts';
const base = 'http://127.0.0.1:4104';
const b = await launchChromium();
const page = b.context.pages()[0] ?? await b.context.newPage();
await page.route('**/*', (r) => (new URL(r.request().url()).hostname === '127.0.0.1' ? r.continue() : r.abort()));
const urls = process.argv.slice(2);
for (const [i, u] of urls.entries()) {
  await page.goto(base + u);
  await page.waitForTimeout(3500);
  await page.screenshot({ path: `/tmp/shot-${i}.png` });
}
await b.close();
