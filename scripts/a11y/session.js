// Shared by check.js, seed.js and shots.js: the browser, signing in through the demo LMS, and small
// helpers that drive Vaadin's fields the way a person does (type, then leave the field).
const { chromium } = require('playwright-core');

const base = process.env.CAIRN_URL || 'http://localhost:8080';
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
// An LMS iframe on a school Chromebook (1366×768): 800–1,000 px wide.
const viewport = { width: 900, height: 768 };

function launch() {
  return chromium.launch({ executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
}

/** Waits until Vaadin has answered every request and set the page title (busy machines are slow). */
async function settled(page) {
  await page.waitForFunction(() => {
    const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
    const flowIdle = !clients || Object.values(clients).every(client => !client.isActive || !client.isActive());
    return flowIdle && document.readyState === 'complete' && document.title !== '';
  }, null, { timeout: 20000 }).catch(() => {});
  await page.waitForTimeout(300);
}

/** A new browser context signed in as the demo LMS's teacher or student (who: 'teacher' | 'student'). */
async function signedIn(browser, who) {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  const page = await context.newPage();
  if (who !== 'anonymous') {
    await page.goto(`${base}/demo/start?user=demo-${who}`);
    await settled(page);
  }
  return { context, page };
}

async function open(page, route) {
  const response = await page.goto(`${base}/${route}`);
  await settled(page);
  return response;
}

async function click(page, selector) {
  await page.locator(selector).first().click();
  await settled(page);
}

/** Types into a text field or area and leaves it, so Vaadin sends the value. */
async function fill(page, id, value) {
  const input = page.locator(`#${id}`).locator('input, textarea').first();
  await input.fill(value);
  await input.blur();
  await settled(page);
}

/** Picks the item of a vaadin-select whose label contains text. */
async function select(page, id, text) {
  await page.locator(`#${id}`).click();
  await page.locator('vaadin-select-item:visible', { hasText: text }).first().click();
  await settled(page);
}

/** Filters a combo box by text and picks the first matching item. */
async function combo(page, id, text) {
  const input = page.locator(`#${id} input`);
  await input.fill(text);
  await page.locator('vaadin-combo-box-item:visible', { hasText: text }).first().click();
  await settled(page);
}

/** The numbers at the end of the ids of the elements matching selector ("open-evidence-12" → 12). */
async function idsOf(page, selector, prefix) {
  const ids = await page.locator(selector).evaluateAll(nodes => nodes.map(node => node.id));
  return ids.filter(id => id.startsWith(prefix)).map(id => id.slice(prefix.length))
    .filter(rest => /^\d+$/.test(rest)).map(Number);
}

module.exports = { base, viewport, launch, settled, signedIn, open, click, fill, select, combo, idsOf };
