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
# The private Node.js installed when the system's is missing or too old.
private_node_version=20.19.6
private_npm_version=10.9.4
toolchain_dir=${FORGIVA_TOOLCHAIN_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/forgiva-desktop/toolchain}
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

# apt_install PKG...: install packages now, quietly unless apt fails.
apt_install() {
	command -v apt-get >/dev/null || die "missing $* and no apt-get: install them with your package manager"
	local log
	log=$(mktemp -t forgiva-apt.XXXXXX)
	if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >"$log" 2>&1 ||
		! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			--no-install-recommends "$@" </dev/null >>"$log" 2>&1; then
		tail -n 40 "$log" >&2
		die "installing $* failed (full log: $log)"
	fi
	rm -f "$log"
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
	say "installing ${missing[*]}"
	apt_install "${missing[@]}"
	say "installed ${#missing[@]} system packages"
}

go_toolchain() {
	if ! command -v go >/dev/null; then
		say "no go on PATH: installing Debian's golang-go, which fetches Go $min_go from the Go module proxy"
		apt_install golang-go
	fi
	local found
	# GOTOOLCHAIN=auto (the Makefile exports it): a Go 1.21+ older than go.mod's
	# go line switches to that version, fetched from the Go module proxy.
	found=$(go env GOVERSION)
	found=${found#go}
	version_at_least "$found" "$min_go" ||
		die "Go $min_go or newer is needed, found $found at $(command -v go), which is too old to fetch a newer toolchain itself (Go 1.21+ can). Install Go $min_go+, put it first on PATH, then run make again."
	say "go $found"
}

# node_toolchain makes sure Node.js >= min_node and npm are on PATH. Debian's
# and Ubuntu's own Node.js are too old for Vite 8; then a private copy is
# installed from the npm registry (the Node.js binary as the node-linux-*
# package ships it, and npm itself), fetched with the system's npm, into
# $toolchain_dir, which the Makefile puts first on PATH.
node_toolchain() {
	if ! node_ok; then
		private_node
		export PATH=$toolchain_dir/bin:$PATH
		node_ok || die "the private Node.js in $toolchain_dir does not run"
	fi
	say "node $(node --version), npm $(npm --version)"
}

node_ok() {
	command -v node >/dev/null && command -v npm >/dev/null &&
		version_at_least "$(node --version | sed 's/^v//')" "$min_node"
}

private_node() {
	local arch
	case $(uname -m) in
	x86_64) arch=x64 ;;
	aarch64 | arm64) arch=arm64 ;;
	*) die "Node.js $min_node+ is needed and there is no private build for $(uname -m): install Node.js $min_node+, then run make again" ;;
	esac
	# Any npm can fetch the packages, even one too old to build the frontend.
	command -v npm >/dev/null || apt_install nodejs npm
	say "installing Node.js $private_node_version and npm $private_npm_version into $toolchain_dir (from the npm registry)"
	local tmp tool
	tmp=$(mktemp -d -t forgiva-node.XXXXXX)
	(cd "$tmp" && npm pack --silent "node-linux-$arch@$private_node_version" "npm@$private_npm_version" >/dev/null) ||
		die "could not fetch Node.js $private_node_version and npm $private_npm_version from the npm registry"
	mkdir -p "$tmp/node" "$tmp/npm"
	tar -xzf "$tmp/node-linux-$arch-$private_node_version.tgz" -C "$tmp/node" --strip-components=1
	tar -xzf "$tmp/npm-$private_npm_version.tgz" -C "$tmp/npm" --strip-components=1
	rm -rf "$toolchain_dir"
	mkdir -p "$toolchain_dir/bin"
	mv "$tmp/node" "$tmp/npm" "$toolchain_dir/"
	rm -rf "$tmp"
	ln -s ../node/bin/node "$toolchain_dir/bin/node"
	for tool in npm npx; do
		printf '#!/bin/sh\nexec "%s/bin/node" "%s/npm/bin/%s-cli.js" "$@"\n' \
			"$toolchain_dir" "$toolchain_dir" "$tool" >"$toolchain_dir/bin/$tool"
		chmod +x "$toolchain_dir/bin/$tool"
	done
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
