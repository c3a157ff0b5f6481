#!/usr/bin/env bash
# Installs what Forgiva Desktop needs to build ("build"), to build and test ("test"),
# or to build and run `make bench` ("bench": the memory comparison with KeePassXC).
# Idempotent: every step looks first and changes nothing when all is in place, so
# `make run` and `make test` can call it on each start.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=${1:-test}
case $profile in
build | test | bench) ;;
*)
	echo "usage: $0 [build|test|bench]" >&2
	exit 2
	;;
esac

test_packages=(xvfb imagemagick xdotool x11-utils desktop-file-utils chromium chromium-driver
	gnome-keyring dbus dbus-x11 libsecret-tools shellcheck
	debootstrap appstream lintian groff-base xclip xterm
	wine wine64 gcc-mingw-w64-x86-64-win32)
# scripts/bench-memory.sh: both apps under the test services; scripts/bench-quick.sh:
# the quick window test (xterm, xclip).
bench_packages=(keepassxc xvfb xdotool x11-utils gnome-keyring dbus dbus-x11 libsecret-tools xterm xclip)
# go.mod's go line is the one home of the Go version; any Go from 1.21 on
# fetches it from the Go module proxy by itself (GOTOOLCHAIN=auto).
min_go=$(sed -n 's/^go \([0-9.]*\)$/\1/p' go.mod)
fetching_go=1.21
export GOTOOLCHAIN=${GOTOOLCHAIN:-auto}
min_node=20.19 # Vite 8 refuses older Node releases.
# The private Node.js installed when the system's is missing or too old.
private_node_version=20.19.6
private_npm_version=10.9.4
toolchain_dir=${FORGIVA_TOOLCHAIN_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/forgiva-desktop/toolchain}

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

# apt_run ARGS...: apt-get as root, quietly unless it fails.
apt_run() {
	command -v apt-get >/dev/null || die "no apt-get to run 'apt-get $*': install the packages it names with your package manager"
	local log
	log=$(mktemp -t forgiva-apt.XXXXXX)
	if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get -q "$@" </dev/null >"$log" 2>&1; then
		tail -n 40 "$log" >&2
		die "apt-get $* failed (full log: $log)"
	fi
	rm -f "$log"
}

# apt_update: refresh the package lists, once per run.
apt_updated=0
apt_update() {
	((apt_updated)) && return
	apt_run update
	apt_updated=1
}

# apt_install PKG...: install packages now (a fresh machine has no lists yet).
apt_install() {
	apt_update
	apt_run install -y --no-install-recommends "$@"
}

# webkit_dev_package: which WebKitGTK to build with is decided by
# scripts/webkit.sh. On a fresh machine it reads apt's lists, so they are
# fetched first when WebKitGTK is not installed yet.
webkit_dev_package() {
	if ! pkg-config --exists webkit2gtk-4.1 2>/dev/null && command -v apt-get >/dev/null; then
		apt_update
	fi
	scripts/webkit.sh dev-package
}

system_packages() {
	local wanted=(libgtk-3-dev "$(webkit_dev_package)" pkg-config build-essential) missing=() pkg
	[[ $profile == test ]] && wanted+=("${test_packages[@]}")
	[[ $profile == bench ]] && wanted+=("${bench_packages[@]}")
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

# local_go_version: the version of the go on PATH itself, before any switch
# to go.mod's toolchain (asked outside the module, which would trigger it).
local_go_version() {
	local found
	found=$(cd / && GOTOOLCHAIN=local go env GOVERSION 2>/dev/null) || return 1
	echo "${found#go}"
}

go_can_fetch() {
	command -v go >/dev/null && version_at_least "$(local_go_version)" "$fetching_go"
}

# install_go puts a Go that can fetch go.mod's toolchain on PATH: Debian's
# golang-go, which on Debian 12 (Go 1.19) only bookworm-backports has new enough.
install_go() {
	local codename=
	[[ -r /etc/os-release ]] && codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
	if [[ $codename == bookworm ]]; then
		add_backports bookworm
		apt_install -t bookworm-backports golang-go
	else
		apt_install golang-go
	fi
	hash -r
	go_can_fetch || die "the distribution's golang-go is Go $(local_go_version), older than $fetching_go, which cannot fetch Go $min_go: put a Go $fetching_go+ first on PATH, then run make again"
}

add_backports() {
	local suite=$1-backports list=/etc/apt/sources.list.d/forgiva-backports.list mirror
	if grep -rqs "[[:space:]]$suite\b" /etc/apt/sources.list /etc/apt/sources.list.d/; then
		return
	fi
	mirror=$(scripts/debian-mirror.sh "$1")
	say "Debian $1's Go is too old to fetch Go $min_go: adding $suite from $mirror ($list) for golang-go"
	printf 'deb %s %s main\n' "$mirror" "$suite" | as_root tee "$list" >/dev/null
	apt_updated=0
}

go_toolchain() {
	if ! go_can_fetch; then
		if command -v go >/dev/null; then
			say "go $(local_go_version) cannot fetch Go $min_go; installing a newer golang-go"
		else
			say "no go on PATH: installing golang-go, which fetches Go $min_go from the Go module proxy"
		fi
		install_go
	fi
	local found
	# In the module, GOTOOLCHAIN=auto switches to go.mod's version, fetching it
	# from the Go module proxy the first time.
	found=$(go env GOVERSION) || die "go could not switch to Go $min_go (is the Go module proxy reachable?)"
	found=${found#go}
	version_at_least "$found" "$min_go" || die "go reports $found, not go.mod's $min_go (GOTOOLCHAIN=$GOTOOLCHAIN)"
	say "go $found"
}

# node_toolchain makes sure Node.js >= min_node and npm are on PATH: the
# system's when it is new enough (Debian 13: 20.19), installed from the
# distribution when missing; only when that is too old (Debian 12: 18) a
# private copy from the npm registry (the Node.js binary as the node-linux-*
# package ships it, and npm itself), fetched with the system's npm, into
# $toolchain_dir, which the Makefile puts first on PATH.
node_toolchain() {
	if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
		say "installing the distribution's Node.js and npm"
		apt_install nodejs npm
		hash -r
	fi
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
	say "the system's Node.js is $(node --version), older than $min_node: installing Node.js $private_node_version and npm $private_npm_version into $toolchain_dir (from the npm registry)"
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

# go_modules fetches the app's modules and the tools pinned in tools/go.mod.
go_modules() {
	go mod download
	go -C tools mod download
	say "go modules present"
}

system_packages
go_toolchain
node_toolchain
frontend_modules
go_modules
