import { launchBrowser, serveDist } from './helpers.mjs';
const site = await serveDist(process.env.D ?? '/tmp/wx/s7/distP');
const browser = await launchBrowser();
const rows = [];
for (let run = 0; run < 6; run++) {
  const context = await browser.newContext();
  for (const kind of ['first', 'return']) {
    const page = await context.newPage();
    await page.goto(site.url);
    await page.waitForSelector('body[data-analyzer="ready"]');
    const m = await page.evaluate(() => {
      const t0 = performance.timeOrigin;
      const nav = performance.getEntriesByType('navigation')[0];
      const r = { respEnd: nav.responseEnd, dcl: nav.domContentLoadedEventEnd, interactive: performance.getEntriesByName('wenxi:interactive')[0].startTime, ready: performance.getEntriesByName('wenxi:ready')[0].startTime };
      for (const [k, v] of globalThis.__marks) r[k] = v - t0;
      for (const e of performance.getEntriesByType('resource')) r['res:' + e.name.split('/').pop()] = e.responseEnd;
      return r;
    });
    rows.push({ kind, ...Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round(v)])) });
    if (kind === 'first') { await page.evaluate(() => navigator.serviceWorker.ready); await page.waitForTimeout(Number(process.env.WAIT ?? 0)); }
    await page.close();
  }
  await context.close();
}
console.table(rows);
await browser.close(); await site.close();
