// Builds a small sample course in the demo LMS's course, through the UI as a teacher and a student
// would, so the accessibility check can open the views that need data: a standard with two
// indicators, a rubric, a published unit targeting them (a summative assessment with the rubric and
// formative ones), evidence the student handed in, one piece scored (so there is proficiency) and
// one still waiting. Safe to run again on the same database: each step is skipped when done.
// Returns the ids the data-bearing routes need. Run alone: `CAIRN_URL=… node seed.js`.
const s = require('./session');

const FRAMEWORK = 'Sample practices';
const STANDARD = { code: 'ECO.1', statement: 'Investigates ecosystems' };
const INDICATORS = [{ code: 'ECO.1.a', statement: 'Plans a fair test' },
  { code: 'ECO.1.b', statement: 'Draws conclusions from data' }];
const RUBRIC = 'Pond lab report';
const UNIT = 'Pond ecosystems';

async function standards(page) {
  await s.open(page, 'standards');
  const present = async code => await page.getByText(code, { exact: true }).count() > 0;
  if (!await present(STANDARD.code)) {
    await s.click(page, '#standards-new-framework');
    await s.fill(page, 'standards-framework-title', FRAMEWORK);
    await s.click(page, '#standards-framework-create');
    await s.click(page, '#standards-add'); // a top-level item is a standard
    await s.fill(page, 'standards-item-code', STANDARD.code);
    await s.fill(page, 'standards-item-statement', STANDARD.statement);
    await s.click(page, '#standards-item-save');
  }
  for (const indicator of INDICATORS) {
    // Afresh each time: a saved item is left selected, and clicking its row again would unselect it.
    await s.open(page, 'standards');
    if (await present(indicator.code)) {
      continue;
    }
    await page.getByText(STANDARD.code, { exact: true }).click(); // selects the standard's row
    await s.settled(page);
    await s.click(page, '#standards-add-child'); // a standard's child is an indicator
    await s.fill(page, 'standards-item-code', indicator.code);
    await s.fill(page, 'standards-item-statement', indicator.statement);
    await s.click(page, '#standards-item-save');
  }
}

async function rubric(page) {
  await s.open(page, 'rubrics');
  if (await page.locator('#rubrics-list h2', { hasText: RUBRIC }).count() > 0) {
    return;
  }
  await s.fill(page, 'rubric-new-title', RUBRIC);
  await s.click(page, '#rubric-create');
  await s.fill(page, 'criterion-0-title', 'Designs the test');
  await s.combo(page, 'criterion-0-indicator', INDICATORS[0].code);
  const cells = await page.locator('[id^="cell-0-"]').count();
  for (let level = 0; level < cells; level++) {
    await s.fill(page, `cell-0-${level}`, `The test design at level ${level + 1}`);
  }
  await s.click(page, '#save-rubric');
}

async function option(page, prefix, title) {
  await s.fill(page, `${prefix}-title`, title);
  await s.fill(page, `${prefix}-description`, `Show what you found as a ${title.toLowerCase()}.`);
}

/** The unit's id: found, or built and published. */
async function unit(page) {
  await s.open(page, 'units');
  const existing = page.locator('[id^="open-unit-"]', { hasText: UNIT });
  if (await existing.count() > 0) {
    return Number((await existing.first().getAttribute('id')).replace('open-unit-', ''));
  }
  await s.fill(page, 'new-unit-title', UNIT);
  await s.click(page, '#new-unit');
  await s.fill(page, 'unit-description', 'How living things in a pond depend on each other.');
  await s.click(page, '#add-target');
  await s.combo(page, 'target-0-indicator', INDICATORS[0].code);
  await s.click(page, '#target-0-add-assessment');
  await s.fill(page, 'assessment-0-0-title', 'Lab');
  await s.select(page, 'assessment-0-0-kind', 'Summative');
  await s.combo(page, 'assessment-0-0-rubric', RUBRIC);
  await option(page, 'option-0-0-0', 'Essay');
  await s.click(page, '#assessment-0-0-add-option');
  await option(page, 'option-0-0-1', 'Podcast');
  await s.click(page, '#target-0-add-assessment');
  await s.fill(page, 'assessment-0-1-title', 'Check-in');
  await option(page, 'option-0-1-0', 'Sketch');
  await s.click(page, '#add-target');
  await s.combo(page, 'target-1-indicator', INDICATORS[1].code);
  await s.click(page, '#target-1-add-assessment');
  await s.fill(page, 'assessment-1-0-title', 'Conclusions');
  await option(page, 'option-1-0-0', 'Poster');
  await s.click(page, '#publish-unit');
  const problems = await page.locator('#unit-problems:visible').count();
  if (problems > 0) {
    throw new Error('The sample unit was not published: ' + await page.locator('#unit-problems').innerText());
  }
  await s.open(page, 'units');
  return Number((await page.locator('[id^="open-unit-"]', { hasText: UNIT }).first().getAttribute('id'))
    .replace('open-unit-', ''));
}

/** As the student: choose the first option of each assessment of the first target, hand in evidence for each. */
async function handIn(page, unitId) {
  await s.open(page, `units/${unitId}/path`);
  for (const menu of ['path-0-0-menu', 'path-0-1-menu']) {
    const choose = page.locator(`#${menu} vaadin-button[id^="choose-"]`).first();
    if (await choose.count() > 0 && await choose.isEnabled()) {
      await choose.click();
      await s.settled(page);
    }
  }
  await s.open(page, `my-evidence/${unitId}`);
  if (await page.locator('#mine-list').count() > 0) {
    return;
  }
  const starts = await page.locator('#mine-ways vaadin-button').count();
  for (let i = 0; i < starts; i++) {
    await page.locator('#mine-ways vaadin-button').nth(i).click();
    await s.settled(page);
    await s.fill(page, 'mine-text', 'I changed only the amount of light and counted the duckweed each day.');
    await s.fill(page, 'mine-links', 'https://example.org/pond-lab');
    await s.click(page, '#mine-submit');
  }
}

/** As the teacher: score the summative piece (third level on every criterion); the formative one stays waiting. */
async function score(page) {
  await s.open(page, 'scoring');
  const row = page.locator('#scoring-queue tr[id^="queue-row-"]', { hasText: 'Lab' });
  if (await row.count() === 0) {
    return;
  }
  await row.first().locator('a').click();
  await s.settled(page);
  const groups = page.locator('vaadin-radio-group[id^="level-"]');
  for (let i = 0; i < await groups.count(); i++) {
    await groups.nth(i).locator('vaadin-radio-button').nth(2).click();
    await s.settled(page);
  }
  await s.fill(page, 'score-comment', 'A fair test: one variable at a time.');
  await s.click(page, '#score-save');
}

/** The ids the routes need, read from the pages' links. */
async function discover(page, unitId) {
  await s.open(page, 'scoring');
  const [waitingEvidenceId] = await s.idsOf(page, '[id^="open-evidence-"]', 'open-evidence-');
  await s.open(page, 'mastery');
  // The grid lists the LMS's whole roster; the demo student is the one who handed in.
  const student = page.locator('[id^="mastery-student-"]', { hasText: 'Sam Student' }).first();
  const studentId = Number((await student.getAttribute('id')).replace('mastery-student-', ''));
  await s.open(page, `mastery/student/${studentId}`);
  const [standardId] = await s.idsOf(page, '[id^="student-across-"]', 'student-across-');
  const scored = page.locator('li[id^="student-evidence-"]', { hasText: 'Scored' });
  const scoredEvidenceId = Number((await scored.first().getAttribute('id')).replace('student-evidence-', ''));
  await s.open(page, 'rubrics');
  const rubricCard = page.locator('[id^="rubric-card-"]', { hasText: RUBRIC }).first();
  const rubricId = Number((await rubricCard.getAttribute('id')).replace('rubric-card-', ''));
  return { unitId, rubricId, studentId, standardId, scoredEvidenceId, waitingEvidenceId };
}

async function seed(browser) {
  const teacher = await s.signedIn(browser, 'teacher');
  await standards(teacher.page);
  await rubric(teacher.page);
  const unitId = await unit(teacher.page);
  const student = await s.signedIn(browser, 'student');
  await handIn(student.page, unitId);
  await student.context.close();
  await score(teacher.page);
  const ids = await discover(teacher.page, unitId);
  await teacher.context.close();
  for (const [name, value] of Object.entries(ids)) {
    if (!Number.isInteger(value)) {
      throw new Error(`The sample course is incomplete: no ${name} found (${JSON.stringify(ids)})`);
    }
  }
  return ids;
}

module.exports = { seed };

if (require.main === module) {
  (async () => {
    const browser = await s.launch();
    try {
      console.log(JSON.stringify(await seed(browser)));
    } finally {
      await browser.close();
    }
  })().catch((e) => { console.error(e); process.exit(2); });
}
