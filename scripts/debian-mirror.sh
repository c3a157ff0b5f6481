#!/usr/bin/env bash
# Prints the Debian mirror this machine's apt already uses for SUITE (default:
# this machine's own release), from one-line .list and deb822 .sources files
# alike; http://deb.debian.org/debian when apt names none (not Debian, say).
# deps.sh adds bookworm-backports from it; fresh-root.sh debootstraps from it.
#   usage: scripts/debian-mirror.sh [SUITE]
set -euo pipefail

suite=${1:-}
if [[ -z $suite && -r /etc/os-release ]]; then
	suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
fi
mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
	awk -v suite="$suite" '
		/^[[:space:]]*deb[[:space:]]/ { sub(/\[[^]]*\][[:space:]]*/, ""); if ($3 == suite) { print $2; exit } }
		/^URIs:/ { uri = $2 }
		/^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite && uri != "") { print uri; exit } }
		/^[[:space:]]*$/ { uri = "" }' || true)
# Only a Debian archive will do: an Ubuntu machine's mirror has no Debian suites.
if [[ -n $mirror ]] && ! grep -qs '^ID=debian' /etc/os-release; then
	mirror=
fi
echo "${mirror:-http://deb.debian.org/debian}"
