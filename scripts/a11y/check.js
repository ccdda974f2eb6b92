// Accessibility check: builds a small sample course through the UI (seed.js: standards, a rubric, a
// published unit, evidence handed in, one piece scored), then signs in through Cairn's demo LMS as a
// teacher and as a student, opens every view, the data-bearing ones too (scoring queue and answer
// page, mastery grid by indicator and by standard, a student's body of evidence, the graduation view,
// the student's path and evidence, "why this score?" opened), runs axe-core (WCAG 2.0/2.1 A and AA
// rules) and prints each violation (with A11Y_REVIEW=1 also what axe left for a person to review).
// Exit code 1 when any violation is found, 2 when the run failed.
// Not part of `./mvnw verify`: it needs a browser.
const fs = require('fs');
const s = require('./session');
const { seed } = require('./seed');
const { pages, nameOf } = require('./pages');

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function check(page, entry) {
  const { route, then } = typeof entry === 'string' ? { route: entry } : entry;
  const response = await s.open(page, route);
  // Refusal pages (400) are Cairn's own and are checked; 403/404 mean the view is not there.
  if (response && [403, 404].includes(response.status())) {
    return { skipped: `HTTP ${response.status()}` };
  }
  if (then) {
    await then(page);
  }
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    // Vaadin's development-mode tools are not part of Cairn.
    exclude: [['vaadin-dev-tools'], ['copilot-main']],
  }));
  return { violations: result.violations, incomplete: result.incomplete };
}

const review = process.env.A11Y_REVIEW === '1';

(async () => {
  const browser = await s.launch();
  const ids = await seed(browser);
  console.log(`Sample course: ${JSON.stringify(ids)}`);
  let total = 0;
  for (const [who, entries] of Object.entries(pages(ids))) {
    const { context, page } = await s.signedIn(browser, who);
    for (const entry of entries) {
      const name = nameOf(entry);
      const { violations, incomplete, skipped } = await check(page, entry);
      if (skipped) {
        console.log(`${who.padEnd(9)} ${name}: skipped (${skipped})`);
        continue;
      }
      total += violations.length;
      console.log(`${who.padEnd(9)} ${name}: ${violations.length} violation(s)`);
      for (const v of violations) {
        console.log(`  - [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))`);
        for (const node of v.nodes.slice(0, 3)) {
          console.log(`      ${node.target.join(' ')}`);
        }
      }
      // What axe could not decide alone (A11Y_REVIEW=1): worth a look, not counted.
      for (const v of review ? incomplete : []) {
        console.log(`  ? ${v.id}: ${v.help} (${v.nodes.length} element(s))`);
        for (const node of v.nodes.slice(0, 3)) {
          const why = [...node.any, ...node.all, ...node.none].map(c => c.message).filter(Boolean)[0] || '';
          console.log(`      ${node.target.join(' ')} ${why}`);
        }
      }
    }
    await context.close();
  }
  await browser.close();
  console.log(`\n${total} violation(s) in all.`);
  process.exit(total === 0 ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(2); });
