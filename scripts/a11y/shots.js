// Screenshots of every page check.js checks, at an LMS iframe's 900×768, to look at by eye: the
// first screen (shot-NN-*.png) and the whole page (full-NN-*.png), under target/a11y-shots/ (not
// committed). Prints the pages the whole document scrolls sideways on. Seeds the sample course
// first, as check.js does. Run: `CAIRN_URL=… node scripts/a11y/shots.js [route-filter]`.
const fs = require('fs');
const path = require('path');
const s = require('./session');
const { seed } = require('./seed');
const { pages, nameOf } = require('./pages');

const out = path.join(__dirname, '..', '..', 'target', 'a11y-shots');
const only = process.argv[2];

(async () => {
  fs.mkdirSync(out, { recursive: true });
  const browser = await s.launch();
  const ids = await seed(browser);
  let n = 0;
  for (const [who, entries] of Object.entries(pages(ids))) {
    const { context, page } = await s.signedIn(browser, who);
    for (const entry of entries) {
      n++;
      const name = nameOf(entry);
      if (only && !name.includes(only)) {
        continue;
      }
      const { route, then } = typeof entry === 'string' ? { route: entry } : entry;
      await s.open(page, route);
      if (then) {
        await then(page);
      }
      const file = `${String(n).padStart(2, '0')}-${who}-${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.png`;
      await page.screenshot({ path: path.join(out, 'shot-' + file) });
      await page.screenshot({ path: path.join(out, 'full-' + file), fullPage: true });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      console.log(`${who.padEnd(9)} ${name}: ${file}${wide > 0 ? `  SCROLLS SIDEWAYS by ${wide}px` : ''}`);
    }
    await context.close();
  }
  await browser.close();
})().catch((e) => { console.error(e); process.exit(2); });
