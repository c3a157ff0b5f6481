#!/usr/bin/env bash
# Times the Forgiva engine against two baselines measured in the same
# benchmark, alternately, and prints the ratios (1.0 = no overhead):
#   - stdlib: the standard library's PBKDF2 runs of the same generation
#     (GenerateC1, GenerateC2, KDFLoop);
#   - floor: the hardware's floor, the big PBKDF2's compressions back to
#     back at the standard library's 1 MiB throughput (GenerateFloor).
# Targets: complexity 1 <= 1.3 of stdlib; complexity 2 <= 1.25 and
# complexity 3 <= 1.1 of the floor.
#   scripts/bench-engine.sh        complexity 1, 2 and the PBKDF2 loops (~1 min)
#   scripts/bench-engine.sh --c3   also real complexity 3 runs (~5 min more)
set -euo pipefail
cd "$(dirname "$0")/.."

run() { # pattern benchtime
	go test -run '^$' -bench "$1" -benchtime "$2" -timeout 30m ./backend/forgiva/
}

out=$( {
	run 'GenerateC1' 10x
	run 'GenerateC2|KDFLoop' 2x
	if [[ "${1:-}" == "--c3" ]]; then
		FORGIVA_BENCH_C3=1 run 'GenerateC3|GenerateFloor' 1x
	else
		run 'GenerateFloor' 3x
	fi
} 2>&1 ) || { printf '%s\n' "$out" >&2; exit 1; }

printf '%-34s %10s %14s %14s\n' benchmark ratio ours-ms/op base-ms/op
printf '%s\n' "$out" | awk '/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name)
	for (i = 3; i < NF; i++) {
		if ($(i+1) == "ratio") ratio = $i
		if ($(i+1) == "ours-ms/op") ours = $i
		if ($(i+1) == "base-ms/op") std = $i
	}
	printf "%-34s %10s %14s %14s\n", name, ratio, ours, std
}'
