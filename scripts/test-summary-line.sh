#!/usr/bin/env bash
# gotestsum's --post-run-command for scripts/test.sh: the run's last line,
# "tests: N passed, N failed, N skipped", from the counts gotestsum passes in
# its environment. A run that executed no test fails.
set -euo pipefail
total=${TESTS_TOTAL:?run by gotestsum --post-run-command}
failed=${TESTS_FAILED:-0}
skipped=${TESTS_SKIPPED:-0}
if ((total == 0)); then
	echo "tests: no test ran" >&2
	exit 1
fi
echo "tests: $((total - failed - skipped)) passed, $failed failed, $skipped skipped"
