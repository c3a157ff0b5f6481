#!/usr/bin/env bash
# Times the Forgiva engine against the work it cannot avoid (the standard
# library's PBKDF2 runs of the same generation, timed alternately in the
# same benchmark) and prints the ratios. 1.0 = no overhead; targets:
# complexity 1 <= 1.3, complexity 2 and 3 <= 1.05.
#   scripts/bench-engine.sh        complexity 1, 2 and the PBKDF2 loops (~1 min)
#   scripts/bench-engine.sh --c3   also one real complexity 3 run (~2 min more)
set -euo pipefail
cd "$(dirname "$0")/.."

run() { # pattern benchtime
	go test -run '^$' -bench "$1" -benchtime "$2" -timeout 30m ./backend/forgiva/
}

out=$( {
	run 'GenerateC1' 10x
	run 'GenerateC2|KDFLoop' 2x
	if [[ "${1:-}" == "--c3" ]]; then
		FORGIVA_BENCH_C3=1 run 'GenerateC3' 1x
	fi
} 2>&1 ) || { printf '%s\n' "$out" >&2; exit 1; }

printf '%-34s %10s %14s %14s\n' benchmark ratio ours-ms/op stdlib-ms/op
printf '%s\n' "$out" | awk '/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name)
	for (i = 3; i < NF; i++) {
		if ($(i+1) == "ratio") ratio = $i
		if ($(i+1) == "ours-ms/op") ours = $i
		if ($(i+1) == "stdlib-ms/op") std = $i
	}
	printf "%-34s %10s %14s %14s\n", name, ratio, ours, std
}'
