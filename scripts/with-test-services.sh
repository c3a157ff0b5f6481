#!/usr/bin/env bash
# Runs a command inside the services the integration tests need, and stops them
# all afterwards, whatever happens:
#   - Xvfb on a free display (DISPLAY is exported),
#   - a private D-Bus session bus (dbus-run-session),
#   - gnome-keyring's Secret Service, unlocked with a throwaway password.
# HOME and XDG_* point into a temporary directory, so nothing touches the real
# home (WebKit writes caches there; the keyring writes its files there).
#
#   usage: scripts/with-test-services.sh COMMAND [ARG...]
set -euo pipefail

readonly keyring_password=forgiva-test-keyring # guards a throwaway keyring only
readonly wait_seconds=20

say() { printf 'services: %s\n' "$*" >&2; }
die() {
	say "$*"
	exit 1
}

# wait_for SECONDS COMMAND...: retries COMMAND every 0.1 s until it succeeds.
wait_for() {
	local deadline=$((SECONDS + $1))
	shift
	until "$@"; do
		((SECONDS < deadline)) || return 1
		sleep 0.1
	done
}

# stop PID: ends a process this script started and reaps it.
stop() {
	kill "$1" 2>/dev/null || return 0
	wait_for 5 bash -c "! kill -0 $1 2>/dev/null" || kill -KILL "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}

# Outer half: temp dirs and Xvfb, then re-enter this script on a new bus.
start_outside() {
	local root
	root=$(mktemp -d -t forgiva-services.XXXXXX)
	export FORGIVA_SERVICES_DIR=$root

	# Go derives its caches from HOME; keep the real ones so builds stay warm.
	if command -v go >/dev/null; then
		GOPATH=$(go env GOPATH) GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE)
		GOENV=$(go env GOENV) # the user's go settings file lives under HOME too
		export GOPATH GOCACHE GOMODCACHE GOENV
	fi
	mkdir -p "$root"/{home,config,cache,data,runtime}
	chmod 700 "$root/runtime"
	export HOME=$root/home XDG_CONFIG_HOME=$root/config XDG_CACHE_HOME=$root/cache \
		XDG_DATA_HOME=$root/data XDG_RUNTIME_DIR=$root/runtime
	# Keep GTK and WebKit from starting accessibility buses that outlive the run.
	export NO_AT_BRIDGE=1 GTK_A11Y=none

	# -displayfd makes Xvfb pick a free display number and write it to fd 3.
	Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp -noreset \
		3>"$root/display" 2>"$root/xvfb.log" &
	local xvfb_pid=$!
	trap 'stop '"$xvfb_pid"'; rm -rf "'"$root"'"' EXIT
	wait_for "$wait_seconds" test -s "$root/display" ||
		die "Xvfb did not start: $(tail -n 5 "$root/xvfb.log")"
	DISPLAY=:$(head -n1 "$root/display")
	export DISPLAY
	xdpyinfo >/dev/null 2>&1 || die "Xvfb on $DISPLAY does not answer"
	say "Xvfb on $DISPLAY"

	# The bus daemon and the services it activates (accessibility buses) write to
	# the stdout and stderr they inherit. Send those to a file, so their chatter
	# stays out of the report and no straggler holds a pipe to the caller open;
	# the command gets the real stdout and stderr back through fds 5 and 4.
	local status=0
	dbus-run-session -- "$0" --inside-bus "$@" 4>&2 5>&1 >"$root/dbus.log" 2>&1 || status=$?
	return "$status"
}

secrets_has_owner() {
	dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
		org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
		grep -q 'boolean true'
}

# keyring_unlocked: a store and a lookup succeed only on an unlocked keyring.
keyring_unlocked() {
	printf 'probe' | secret-tool store --label='forgiva services probe' forgiva-services probe &&
		[[ $(secret-tool lookup forgiva-services probe) == probe ]] &&
		secret-tool clear forgiva-services probe
}

# Inner half, on the private bus: the keyring, then the command.
start_inside() {
	exec 1>&5 2>&4 4>&- 5>&-
	local root=$FORGIVA_SERVICES_DIR
	# A daemon that D-Bus would auto-start is locked; start an unlocked one first.
	printf '%s' "$keyring_password" |
		gnome-keyring-daemon --foreground --unlock --components=secrets \
			>"$root/keyring.log" 2>&1 &
	local keyring_pid=$!
	trap 'stop '"$keyring_pid" EXIT
	wait_for "$wait_seconds" secrets_has_owner ||
		die "gnome-keyring-daemon did not claim org.freedesktop.secrets: $(tail -n 5 "$root/keyring.log")"
	keyring_unlocked || die "the test keyring is locked or unusable"
	say "D-Bus session and unlocked keyring ready"

	local status=0
	"$@" || status=$?
	return "$status"
}

# Turn INT and TERM into a normal exit so the EXIT traps stop the services.
trap 'exit 130' INT
trap 'exit 143' TERM

(($# > 0)) || die "usage: $0 COMMAND [ARG...]"
if [[ $1 == --inside-bus ]]; then
	shift
	start_inside "$@"
else
	start_outside "$@"
fi
