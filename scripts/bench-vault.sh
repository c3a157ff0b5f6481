#!/bin/sh
# Vault speed with 10,000 entries in 50 groups (budgets: unlock-to-ready
# 300 ms without Argon2id; search, page, hosts 5 ms; durable add 10 ms;
# backup export 300 ms, import 1 s).
set -eu
cd "$(dirname "$0")/.."
go test -run '^$' -bench 'BenchmarkUnlockIndex|BenchmarkSearch|BenchmarkEntriesPage|BenchmarkHosts|BenchmarkAddEntry|BenchmarkExportBackup|BenchmarkImportBackup' \
	-benchtime "${BENCHTIME:-1s}" ./backend/vault/ |
	awk '/^Benchmark/ { printf "%-28s %12.3f ms/op  (%s runs)\n", $1, $3 / 1e6, $2; next } { print }'
