// The pages check.js and shots.js open, per role, given the sample course's ids (seed.js).
const s = require('./session');

/** Clicks the first element matching selector once the page is open (e.g. a "why this score?" button). */
const clicking = selector => async page => {
  await page.locator(selector).first().click();
  await s.settled(page);
};

/** The pages per role: a route, or { route, label, then } where then acts on the page before the check. */
function pages(ids) {
  const { unitId, rubricId, studentId, standardId, scoredEvidenceId, waitingEvidenceId } = ids;
  return {
    anonymous: ['not-launched', 'demo', 'lti/login?iss=https://unknown.example&login_hint=x&target_link_uri=' + s.base + '/lti/launch'],
    teacher: ['teacher', 'standards', 'scale', 'scale/calculation', 'rubrics', `rubrics/${rubricId}`, 'units',
      `units/${unitId}`, `units/${unitId}/board`, `units/${unitId}/students/${studentId}`, 'roster', 'gradebook',
      'scoring', `scoring/${waitingEvidenceId}`, `scoring/${scoredEvidenceId}`,
      'mastery',
      { route: 'mastery', label: 'why opened', then: clicking(`[id^="mastery-cell-${studentId}-"]`) },
      { route: 'mastery', label: 'by standard', then: clicking('#mastery-show vaadin-radio-button:has-text("Standards")') },
      `mastery/student/${studentId}`, `graduation/${studentId}/${standardId}`, 'reports', 'privacy',
      // The deep linking picker, reached as the demo LMS's "Add Cairn activity" reaches it.
      'demo/start?user=demo-teacher&link=demo-deep-linking'],
    student: ['student', `units/${unitId}/path`, `my-evidence/${unitId}`,
      { route: `my-evidence/${unitId}`, label: 'why opened', then: clicking('[id^="mine-why-"]') },
      { route: `my-evidence/${unitId}`, label: 'evidence opened', then: clicking('[id^="mine-open-"]') },
      `graduation/${studentId}/${standardId}?unit=${unitId}`, 'progress', 'privacy', 'not-set-up'],
  };
}


/** "/mastery (why opened)": the route without its query, and what was done on it. */
function nameOf(entry) {
  return typeof entry === 'string' ? `/${entry.split('?')[0]}` : `/${entry.route.split('?')[0]} (${entry.label})`;
}

module.exports = { pages, nameOf };
