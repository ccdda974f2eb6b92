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
  teacher: ['teacher', 'standards', 'scale', 'scale/calculation', 'rubrics', 'units', 'roster', 'gradebook', 'scoring', 'mastery', 'reports', 'privacy',
    // The deep linking picker, reached as the demo LMS's "Add Cairn activity" reaches it.
    'demo/start?user=demo-teacher&link=demo-deep-linking'],
  student: ['student', 'progress', 'privacy', 'not-set-up'],
};

/** Waits until Vaadin has answered every request and set the page title (busy machines are slow). */
async function settled(page) {
  await page.waitForFunction(() => {
    const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
    const flowIdle = !clients || Object.values(clients).every(client => !client.isActive || !client.isActive());
    return flowIdle && document.readyState === 'complete' && document.title !== '';
  }, null, { timeout: 20000 }).catch(() => {});
  await page.waitForTimeout(500);
}

async function check(page, route) {
  const response = await page.goto(`${base}/${route}`);
  await settled(page);
  // Refusal pages (400) are Cairn's own and are checked; 403/404 mean the view is not there.
  if (response && [403, 404].includes(response.status())) {
    return { route, skipped: `HTTP ${response.status()}` };
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
      await settled(page);
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
