// Saves screenshots of the main views into screenshots/ (run after `cargo xtask build`):
//   node tests/browser/screenshots.mjs
// Uses only text written for the project (the demo article and the two short stories below),
// so the images carry no third-party text. Chinese needs a CJK font installed
// (Debian: fonts-noto-cjk).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, launchBrowser, newPage, serveDist } from './helpers.mjs';

const OUT = join(ROOT, 'screenshots');

const STORIES = [
  {
    name: '夜间公交.md',
    text: `# 老城区开通夜间公交专线

## 末班车延后到零点，方便夜班职工回家

本市公交集团昨天宣布，老城区将开通两条夜间公交专线，末班车时间从晚上十点延后到零点。新线路途经火车站、人民医院和三个大型居民区，主要服务下夜班的医护人员、餐饮职工和返乡旅客。

公交集团介绍，开通前工作人员在车站和医院门口做了为期一个月的乘客调查，收集了八百多份问卷。调查发现，晚上十点以后打车难、费用高，是夜班职工最常提到的问题。根据调查结果，专线设置了二十六个站点，平均每二十分钟发一班车。

为了保证夜间乘车安全，专线车辆全部安装了车内监控和一键报警装置，驾驶员上岗前还要接受专门培训。市民可以通过手机查询车辆实时位置，减少在站台上的等待时间。
`,
  },
  {
    name: '社区菜园.txt',
    text: `社区菜园让邻里关系更近了

河西街道把一块闲置多年的空地改造成社区菜园，分成六十块小菜地，由报名的居民家庭认领种植。菜园开放半年来，西红柿、黄瓜和小白菜陆续成熟，不少居民把收获的蔬菜分给邻居。

街道工作人员说，菜园最初只是为了整治环境，没想到成了居民交流的新场所。退休教师王大爷每天早上都来浇水，还在菜园门口办起了种菜小课堂，教年轻人怎样育苗、施肥和防治虫害。

菜园实行自我管理，居民推选出五名管理员，负责排班浇水和收集厨余堆肥。街道计划明年在另外两个社区推广这种做法，并邀请学校把菜园作为学生的劳动教育基地。
`,
  },
];

async function ready(page) {
  await page.waitForSelector('body[data-analyzer="ready"]');
}

async function demo(page) {
  await page.locator('#demo').click();
  await page.locator('[data-testid="keywords"] > li').first().waitFor();
  await page.waitForTimeout(1200); // the word cloud draws asynchronously
}

const site = await serveDist();
const browser = await launchBrowser();
await mkdir(OUT, { recursive: true });
try {
  for (const scheme of ['light', 'dark']) {
    const { context, page } = await newPage(browser, { viewport: { width: 1440, height: 1000 }, colorScheme: scheme });
    await page.goto(site.url);
    await ready(page);
    await demo(page);
    await page.locator('[data-testid="keywords"] > li .word').nth(1).click();
    await page.waitForTimeout(300);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(OUT, scheme === 'light' ? 'app.png' : 'app-dark.png') });
    await context.close();
  }

  {
    const { context, page } = await newPage(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await page.goto(site.url);
    await ready(page);
    await page.screenshot({ path: join(OUT, 'phone-start.png') });
    await demo(page);
    await page.locator('#view-article').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('#view-article').scrollIntoView());
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, 'phone.png') });
    await context.close();
  }

  {
    const { context, page } = await newPage(browser, { viewport: { width: 1440, height: 1000 } });
    await page.goto(site.url);
    await ready(page);
    await demo(page);
    await page.locator('#file-input').setInputFiles(STORIES.map((s) => ({ name: s.name, mimeType: 'text/plain', buffer: Buffer.from(s.text) })));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="article-list"] > li:not(.pending)').length >= 3);
    await page.locator('#tab-corpus').click();
    await page.locator('.corpus-keywords li .word').nth(2).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, 'corpus.png') });

    await page.locator('#tab-article').click();
    await page.locator('[data-testid="article-list"] > li .art-open').first().click();
    await page.locator('#dict-panel summary').click();
    await page.locator('#dict-word').fill('夜间开放');
    await page.locator('#dict-add').click();
    await page.locator('#dict-list li').first().waitFor();
    await page.locator('.seg-btn[data-mode="seg"]').click();
    await page.locator('.fulltext .tok.user').first().waitFor();
    await page.locator('.fulltext').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('#text-h').scrollIntoView());
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, 'segmented.png') });
    await context.close();
  }
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await site.close();
}
