#!/usr/bin/env bash
# Unit tests: every test/**/*.test.ts with Node's test runner (through tsx). A TAP copy of the
# results goes to reports/unit-tests.tap for the summary line of scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
mapfile -t files < <(find test -name '*.test.ts' | sort)
node --import tsx --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=reports/unit-tests.tap "${files[@]}" "$@"
