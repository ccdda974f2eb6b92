#!/usr/bin/env bash
# Accessibility check over every view (axe-core in headless Chromium, 900 px wide like an LMS
# iframe). Needs Node/npm and Chromium (Debian: apt-get install chromium). Starts Cairn (Vaadin
# production mode, demo LMS on) on port 18089 unless CAIRN_URL points at one already running with
# demo mode on. First builds a small sample course through the UI (scripts/a11y/seed.js; skipped
# where already done), so the scoring, mastery, body-of-evidence, graduation and student evidence
# views are checked with data, "why this score?" opened too. Prints the violations; exit 1 if there
# are any. Screenshots of the same pages: `node scripts/a11y/shots.js` (into target/a11y-shots/).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/select-jdk.sh
command -v chromium >/dev/null || { echo "Chromium is missing: apt-get install chromium"; exit 2; }
(cd scripts/a11y && npm install --no-audit --no-fund --silent)
started=""
if [ -z "${CAIRN_URL:-}" ]; then
  port=18089
  CAIRN_DEMO_ENABLED=true ./mvnw -q -B -Pproduction spring-boot:run -Dspring-boot.run.arguments="--server.port=$port --cairn.embedded-db.data-dir=target/a11y-mariadb --vaadin.productionMode=true" > target/a11y-server.log 2>&1 &
  started=$!
  trap 'kill $started 2>/dev/null; pkill -f "server.port=$port" 2>/dev/null || true' EXIT
  export CAIRN_URL="http://localhost:$port"
  # A first run builds the production bundle; on a busy two-core machine that takes minutes.
  ready=""
  for _ in $(seq 1 600); do
    if curl -fsS "$CAIRN_URL/actuator/health/readiness" >/dev/null 2>&1; then ready=yes; break; fi
    sleep 1
  done
  [ -n "$ready" ] || { echo "Cairn did not start within 10 minutes; see target/a11y-server.log"; exit 2; }
fi
node scripts/a11y/check.js
