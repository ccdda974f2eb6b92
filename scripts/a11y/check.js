// Accessibility check: signs in through Cairn's demo LMS as a teacher and as a student, opens every
// view, runs axe-core (WCAG 2.0/2.1 A and AA rules) and prints each violation. Exit code 1 when any
// violation is found. Not part of `./mvnw verify`: it needs a browser.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const base = process.env.CAIRN_URL || 'http://localhost:8080';
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const pages = {
  anonymous: ['not-launched', 'demo', 'lti/login?iss=https://unknown.example&login_hint=x&target_link_uri=' + base + '/lti/launch'],
  teacher: ['teacher', 'standards', 'scale', 'rubrics', 'units', 'roster', 'gradebook', 'mastery',
    // The deep linking picker, reached as the demo LMS's "Add Cairn activity" reaches it.
    'demo/start?user=demo-teacher&link=demo-deep-linking'],
  student: ['student', 'not-set-up'],
};

async function check(page, route) {
  const response = await page.goto(`${base}/${route}`);
  await page.waitForTimeout(2500);
  if (response && response.status() === 404) {
    return { route, skipped: 'not found' };
  }
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    // Vaadin's development-mode tools are not part of Cairn.
    exclude: [['vaadin-dev-tools'], ['copilot-main']],
  }));
  return { route, violations: result.violations };
}

(async () => {
  const browser = await chromium.launch({ executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  let total = 0;
  for (const [who, routes] of Object.entries(pages)) {
    const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
    const page = await context.newPage();
    if (who !== 'anonymous') {
      await page.goto(`${base}/demo/start?user=demo-${who}`);
      await page.waitForTimeout(3000);
    }
    for (const route of routes) {
      const { violations, skipped } = await check(page, route);
      if (skipped) {
        console.log(`${who.padEnd(9)} /${route}: skipped (${skipped})`);
        continue;
      }
      total += violations.length;
      console.log(`${who.padEnd(9)} /${route.split('?')[0]}: ${violations.length} violation(s)`);
      for (const v of violations) {
        console.log(`  - [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))`);
        for (const node of v.nodes.slice(0, 3)) {
          console.log(`      ${node.target.join(' ')}`);
        }
      }
    }
    await context.close();
  }
  await browser.close();
  console.log(`\n${total} violation(s) in all.`);
  process.exit(total === 0 ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(2); });
