#!/usr/bin/env bash
# Installs what Forgiva Desktop needs to build ("build") or to build and test ("test").
# Idempotent: every step looks first and changes nothing when all is in place, so
# `make run` and `make test` can call it on each start.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=${1:-test}
case $profile in
build | test) ;;
*)
	echo "usage: $0 [build|test]" >&2
	exit 2
	;;
esac

build_packages=(libgtk-3-dev libwebkit2gtk-4.0-dev pkg-config build-essential)
test_packages=(xvfb imagemagick xdotool x11-utils desktop-file-utils chromium chromium-driver
	gnome-keyring dbus dbus-x11 libsecret-tools shellcheck)
min_go=1.26
min_node=20.19 # Vite 8 refuses older Node releases.
staticcheck_version=0.8.2

say() { printf 'deps: %s\n' "$*"; }
die() {
	printf 'deps: %s\n' "$*" >&2
	exit 1
}

# version_at_least A B: true when dotted version A >= B.
version_at_least() {
	[[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]
}

as_root() {
	if [[ $(id -u) -eq 0 ]]; then
		"$@"
	elif command -v sudo >/dev/null; then
		sudo "$@"
	else
		die "need root to run: $* (install sudo or run as root)"
	fi
}

installed() {
	dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'
}

system_packages() {
	local wanted=("${build_packages[@]}") missing=() pkg
	[[ $profile == test ]] && wanted+=("${test_packages[@]}")
	for pkg in "${wanted[@]}"; do
		installed "$pkg" || missing+=("$pkg")
	done
	if ((${#missing[@]} == 0)); then
		say "system packages present"
		return
	fi
	command -v apt-get >/dev/null ||
		die "missing system packages (${missing[*]}) and no apt-get: install them with your package manager"
	say "installing ${missing[*]}"
	# apt and dpkg print hundreds of lines; keep them unless something fails.
	local log
	log=$(mktemp -t forgiva-apt.XXXXXX)
	if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >"$log" 2>&1 ||
		! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			--no-install-recommends "${missing[@]}" </dev/null >>"$log" 2>&1; then
		tail -n 40 "$log" >&2
		die "installing system packages failed (full log: $log)"
	fi
	rm -f "$log"
	say "installed ${#missing[@]} system packages"
}

go_toolchain() {
	command -v go >/dev/null ||
		die "Go $min_go or newer is needed and 'go' is not on PATH. Install Go $min_go+ (Debian's golang package is too old), put its bin directory on PATH, then run make again."
	local found
	found=$(go env GOVERSION)
	found=${found#go}
	version_at_least "$found" "$min_go" ||
		die "Go $min_go or newer is needed, found $found at $(command -v go). Install Go $min_go+, put it first on PATH, then run make again."
	say "go $found"
}

node_toolchain() {
	if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
		die "Node.js $min_node+ with npm is needed to build the frontend and 'node' or 'npm' is not on PATH. Install Node.js $min_node or newer, then run make again."
	fi
	local found
	found=$(node --version)
	found=${found#v}
	version_at_least "$found" "$min_node" ||
		die "Node.js $min_node or newer is needed (Vite 8), found $found. Install a newer Node.js, then run make again."
	say "node $found, npm $(npm --version)"
}

frontend_modules() {
	# npm keeps a copy of the lock it installed in node_modules; when that copy is
	# newer than the committed lock, the tree is already what npm ci would make.
	if [[ -f frontend/node_modules/.package-lock.json &&
		frontend/node_modules/.package-lock.json -nt frontend/package-lock.json ]]; then
		say "frontend modules present"
		return
	fi
	say "npm ci in frontend"
	(cd frontend && npm ci --no-audit --no-fund --loglevel=error)
}

go_modules() {
	go mod download
	say "go modules present"
}

staticcheck_tool() {
	local bin
	bin=$(go env GOBIN)
	[[ -n $bin ]] || bin=$(go env GOPATH)/bin
	if "$bin/staticcheck" -version 2>/dev/null | grep -q "($staticcheck_version)"; then
		say "staticcheck $staticcheck_version present"
		return
	fi
	say "installing staticcheck v$staticcheck_version into $bin"
	GOBIN=$bin go install "honnef.co/go/tools/cmd/staticcheck@v$staticcheck_version"
}

system_packages
go_toolchain
node_toolchain
frontend_modules
go_modules
# The linter is for `make test` only; `make run` does without it.
if [[ $profile == test ]]; then
	staticcheck_tool
fi
