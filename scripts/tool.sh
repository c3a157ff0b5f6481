#!/usr/bin/env bash
# Runs one of the tools pinned in tools/go.mod (gotestsum, nfpm, staticcheck)
# from the current directory: go -C tools builds it (cached) and says where.
#   usage: scripts/tool.sh NAME [ARG...]
set -euo pipefail
(($# > 0)) || {
	echo "usage: $0 NAME [ARG...]" >&2
	exit 2
}
tools=$(cd "$(dirname "$0")/../tools" && pwd)
bin=$(go -C "$tools" tool -n "$1") || {
	echo "tool: cannot build $1 from $tools/go.mod" >&2
	exit 1
}
shift
exec "$bin" "$@"
