#!/usr/bin/env bash
# `npm test`: every check, in the order that fails fastest.
# With TEST_DATABASE_URL set (CI starts a throwaway PostgreSQL), the server's
# store tests and the conformance suite also run against real PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "typecheck";                 npm run -s typecheck
step "lint";                      npm run -s lint
step "custom-elements.json";      npm run -s manifest:check
step "openapi.json";              npm run -s openapi:check
step "generated validators";      npm run -s validators:check
step "triage model weights";      npm run -s triage:train:check
step "build";                     npm run -s build
step "size budgets";              npm run -s size:check
step "browser tests (Chromium)";  npm run -s test:unit
step "triage evaluation";         npm run -s triage:eval
step "triage cross-validation";   npm run -s triage:cv
step "server tests";              npm run -s test:server
step "conformance (PGlite)";      npm run -s conformance -- --start
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "conformance (PostgreSQL)"; DATABASE_URL="$TEST_DATABASE_URL" npm run -s conformance -- --start
fi
step "end-to-end (Chromium)";     npm run -s test:e2e
step "storybook build";           npm run -s build-storybook
printf '\nAll checks passed.\n'
