// A/B of start-up: alternate fresh contexts between several dist directories.
import { launchBrowser, serveDist } from './helpers.mjs';
const dirs = process.env.DISTS.split(',');
const sites = await Promise.all(dirs.map((d) => serveDist(d)));
const browser = await launchBrowser();
const res = dirs.map(() => ({ inter: [], ready: [], fcp: [] }));
const n = Number(process.argv[2] ?? 6);
for (let run = 0; run < n; run++) {
  for (let k = 0; k < dirs.length; k++) {
    const i = run % 2 ? dirs.length - 1 - k : k;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const first = await context.newPage();
    await first.goto(sites[i].url);
    await first.waitForSelector('body[data-analyzer="ready"]');
    await first.evaluate(() => navigator.serviceWorker.ready);
    if (process.env.STOP) { const cdp = await context.newCDPSession(first); await cdp.send('ServiceWorker.enable'); await cdp.send('ServiceWorker.stopAllWorkers'); await first.waitForTimeout(200); }
    await first.close();
    const page = await context.newPage();

    await page.goto(sites[i].url);
    await page.waitForSelector('body[data-analyzer="ready"]');
    await page.waitForTimeout(200);
    const m = await page.evaluate(() => ({ inter: performance.getEntriesByName('wenxi:interactive')[0].startTime, ready: performance.getEntriesByName('wenxi:ready')[0].startTime, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN }));
    for (const key in m) res[i][key].push(Math.round(m[key]));
    await context.close();
  }
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
dirs.forEach((d, i) => console.log(d.padEnd(22), 'inter', med(res[i].inter), 'ready', med(res[i].ready), 'fcp', med(res[i].fcp), '|', res[i].inter.join(' '), '|', res[i].ready.join(' ')));
await browser.close();
for (const s of sites) await s.close();
