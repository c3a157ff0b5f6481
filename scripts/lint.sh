#!/usr/bin/env bash
# gofmt, go vet and staticcheck over the whole module, shellcheck over the
# scripts; fails on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."

die() {
	printf 'lint: %s\n' "$*" >&2
	exit 1
}

# main.go embeds frontend/dist, so the package does not compile without a build.
if [[ ! -f frontend/dist/index.html ]]; then
	[[ -d frontend/node_modules ]] || die "frontend/node_modules is missing: run 'make deps' first"
	(cd frontend && npm run --silent build -- --logLevel warn)
fi


unformatted=$(find . -name '*.go' -not -path './frontend/node_modules/*' -not -path './.git/*' -print0 |
	xargs -0 gofmt -l)
[[ -z $unformatted ]] || die "gofmt would change these files:
$unformatted"
echo "lint: gofmt clean"

go vet ./...
echo "lint: go vet clean"

scripts/tool.sh staticcheck ./...
echo "lint: staticcheck clean"

command -v shellcheck >/dev/null || die "shellcheck is missing: run 'make deps' first"
# Warnings and errors only: "info" notes flag deliberate single-quoted scripts.
shellcheck -S warning scripts/*.sh build/linux/*.sh .ci/run
echo "lint: shellcheck clean"
