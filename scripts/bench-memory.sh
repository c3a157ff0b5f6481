#!/usr/bin/env bash
# Compares the memory of Forgiva Desktop with KeePassXC's, both started the
# same way inside the test services (Xvfb, a private D-Bus session and
# keyring: scripts/with-test-services.sh) and left on their unlock screen
# for the same time. The figure is the PSS (proportional set size: each
# shared page counted once across all processes) summed over the app's
# whole process tree, read from /proc/PID/smaps_rollup: for Forgiva the Go
# process and WebKit's web and network processes. Then Forgiva's window is
# closed, which hides it in the tray, and its tree is measured again.
#
#   scripts/bench-memory.sh            3 rounds, the median of each figure
#   FORGIVA_BENCH_ROUNDS=5 FORGIVA_BENCH_SETTLE=6 FORGIVA_BENCH_HIDDEN_SETTLE=10 \
#   FORGIVA_DESKTOP_BIN=build/bin/forgiva-desktop scripts/bench-memory.sh
#
# It measures a third app the same way: the floor, an empty Wails window
# built and run as the app is (test/memfloor), which tells what the app adds
# from what WebKitGTK costs any window. The last two lines read, for example:
#   memory floor: an empty Wails window 140.5 MB, ratio 1.75 to keepassxc; forgiva adds 9.7 MB
#   memory: forgiva 150.2 MB, keepassxc 80.1 MB, ratio 1.88 (hidden in tray: 120.3 MB)
# MB here is 2^20 bytes. The absolute figures depend on the machine; the
# ratio is what to compare, as both apps are measured in the same run.
set -euo pipefail
self=$(realpath "$0")
cd "$(dirname "$self")/.."

rounds=${FORGIVA_BENCH_ROUNDS:-3}
settle=${FORGIVA_BENCH_SETTLE:-6}
hidden_settle=${FORGIVA_BENCH_HIDDEN_SETTLE:-10}
desktop_bin=${FORGIVA_DESKTOP_BIN:-build/bin/forgiva-desktop}
cli_bin=${FORGIVA_CLI_BIN:-build/bin/forgiva}
floor_bin=${FORGIVA_FLOOR_BIN:-build/bin/forgiva-memfloor}
readonly vault_password=bench-memory-throwaway-1 # guards throwaway vaults only

say() { printf 'bench-memory: %s\n' "$*" >&2; }
die() {
	say "$*"
	exit 1
}

# Outside the test services: check the tools, build what is missing, then
# run this script again inside them.
if [[ -z ${FORGIVA_SERVICES_DIR:-} ]]; then
	for tool in keepassxc keepassxc-cli xdotool cc Xvfb dbus-run-session; do
		command -v "$tool" >/dev/null || die "$tool is missing: run 'scripts/deps.sh bench' first"
	done
	[[ -x $desktop_bin ]] || scripts/build.sh production
	[[ -x $cli_bin ]] || scripts/build.sh cli
	[[ -x $floor_bin ]] || scripts/build.sh floor
	exec scripts/with-test-services.sh "$self" "$@"
fi
[[ -n ${DISPLAY:-} ]] || die "no DISPLAY inside the test services"
desktop_bin=$(realpath "$desktop_bin")
cli_bin=$(realpath "$cli_bin")
floor_bin=$(realpath "$floor_bin")
work=$(mktemp -d -t forgiva-bench-memory.XXXXXX)
app_pid=
win=
cleanup() {
	[[ -n $app_pid ]] && stop_tree "$app_pid"
	rm -rf "$work"
}
trap cleanup EXIT

# close_window: a 20-line X client that asks a window to close the way a
# window manager's close button does (a WM_DELETE_WINDOW message). Xvfb has
# no window manager, and xdotool can only destroy or unmap a window, which
# is not what a user's close does.
cat >"$work/close-window.c" <<'EOF'
#include <X11/Xlib.h>
#include <stdlib.h>

int main(int argc, char **argv) {
	if (argc != 2)
		return 2;
	Display *display = XOpenDisplay(NULL);
	if (display == NULL)
		return 1;
	Window window = (Window)strtoul(argv[1], NULL, 0);
	XEvent event = {0};
	event.xclient.type = ClientMessage;
	event.xclient.window = window;
	event.xclient.message_type = XInternAtom(display, "WM_PROTOCOLS", False);
	event.xclient.format = 32;
	event.xclient.data.l[0] = (long)XInternAtom(display, "WM_DELETE_WINDOW", False);
	event.xclient.data.l[1] = CurrentTime;
	XSendEvent(display, window, False, NoEventMask, &event);
	XCloseDisplay(display);
	return 0;
}
EOF
cc -O -o "$work/close-window" "$work/close-window.c" -lX11 || die "cannot build the close-window helper (needs libx11-dev)"

# tree PID: PID and all its descendants, one a line.
tree() {
	ps -e -o pid=,ppid= | awk -v root="$1" '
		{ parent[$1] = $2 }
		END {
			keep[root] = 1; print root
			do {
				added = 0
				for (p in parent) if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; print p; added = 1 }
			} while (added)
		}'
}

# others_mapping LIB PID...: how many processes outside the given ones map
# a library whose path contains LIB. PSS splits a shared page among all the
# processes that map it, so another WebKit or Qt app running on the machine
# (another test run) makes ours look smaller than it is alone.
others_mapping() {
	local lib=$1 maps pid n=0
	shift
	for maps in /proc/[0-9]*/maps; do
		pid=${maps#/proc/}
		pid=${pid%/maps}
		[[ " $* " == *" $pid "* ]] && continue
		grep -qF "$lib" "$maps" 2>/dev/null && n=$((n + 1))
	done
	echo "$n"
}

# measure PID LIB OUT: waits (up to 60 s) until no other process maps LIB,
# then writes tree_pss PID to OUT.
measure() {
	local others
	for _ in $(seq 60); do
		# shellcheck disable=SC2046 # one pid a word
		others=$(others_mapping "$2" $(tree "$1"))
		((others == 0)) && break
		sleep 1
	done
	((others == 0)) || say "warning: $others other processes map $2, so these figures are lower than alone"
	tree_pss "$1" >"$3"
}

# tree_pss PID: prints "TOTAL_KB" then "KB NAME" for each process of the tree.
tree_pss() {
	local pid kb total=0 lines=()
	for pid in $(tree "$1"); do
		kb=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null) || continue
		[[ -n $kb ]] || continue
		total=$((total + kb))
		lines+=("$kb $(tr -d '\n' <"/proc/$pid/comm")")
	done
	echo "$total"
	printf '%s\n' "${lines[@]}"
}

# stop_tree PID: ends a process this script started, then any of its
# descendants left behind.
stop_tree() {
	local pids
	pids=$(tree "$1")
	kill "$1" 2>/dev/null || true
	for _ in $(seq 50); do
		kill -0 "$1" 2>/dev/null || break
		sleep 0.1
	done
	# shellcheck disable=SC2086 # one pid a word
	kill -KILL $pids 2>/dev/null || true
	wait "$1" 2>/dev/null || true
	app_pid=
}

# window_of PID TITLE: waits for a visible window titled TITLE, prints its id.
window_of() {
	local id
	for _ in $(seq 300); do
		id=$(xdotool search --onlyvisible --name "$2" 2>/dev/null | head -n1) || true
		[[ -n $id ]] && {
			echo "$id"
			return 0
		}
		kill -0 "$1" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}

mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }

# round_home NAME: a fresh HOME with XDG dirs, exported for the next app.
round_home() {
	local home=$work/$1
	rm -rf "$home"
	mkdir -p "$home"/{config,cache,data}
	export HOME=$home XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache XDG_DATA_HOME=$home/data
}

# run_app NAME TITLE LIB COMMAND...: starts COMMAND (its output in
# $work/NAME.log), waits for its window titled TITLE, leaves it to settle and
# measures its tree into $work/NAME.pss (LIB as for measure). Sets app_pid,
# and win to the window's id.
run_app() {
	local name=$1 title=$2 lib=$3
	shift 3
	"$@" >"$work/$name.log" 2>&1 &
	app_pid=$!
	win=$(window_of "$app_pid" "$title") ||
		die "$name showed no window: $(tail -n 5 "$work/$name.log")"
	sleep "$settle"
	measure "$app_pid" "$lib" "$work/$name.pss"
}

# Both apps get a database, so both show their unlock screen.
measure_keepassxc() {
	round_home keepassxc
	printf '%s\n%s\n' "$vault_password" "$vault_password" |
		keepassxc-cli db-create -q -p "$HOME/bench.kdbx" >/dev/null 2>&1 ||
		die "keepassxc-cli could not create a database"
	run_app keepassxc 'KeePassXC' libQt5Core keepassxc "$HOME/bench.kdbx"
	stop_tree "$app_pid"
}

# The floor: an empty Wails window built and run the way the app is
# (test/memfloor), so that what the app adds is told apart from what any
# window on Wails and WebKitGTK costs.
measure_floor() {
	round_home floor
	run_app floor '^Wails memory floor$' libwebkit2gtk "$floor_bin"
	stop_tree "$app_pid"
}

measure_forgiva() {
	round_home forgiva
	export FORGIVA_DATA_DIR=$HOME/vault
	printf '%s\n' "$vault_password" | "$cli_bin" init >/dev/null 2>&1 ||
		die "forgiva init could not create a vault"
	run_app forgiva '^Forgiva Desktop$' libwebkit2gtk "$desktop_bin"

	"$work/close-window" "$win" || die "could not send the window its close message"
	for _ in $(seq 50); do
		[[ -z $(xdotool search --onlyvisible --name '^Forgiva Desktop$' 2>/dev/null) ]] && break
		sleep 0.1
	done
	[[ -z $(xdotool search --onlyvisible --name '^Forgiva Desktop$' 2>/dev/null) ]] ||
		die "the window stayed on screen after its close message"
	kill -0 "$app_pid" 2>/dev/null || die "the app quit when its window was closed (no tray?)"
	sleep "$hidden_settle"
	measure "$app_pid" libwebkit2gtk "$work/hidden.pss"
	stop_tree "$app_pid"
	unset FORGIVA_DATA_DIR
}

# show FILE LABEL: the per-process breakdown of one measurement.
show() {
	local total kb name
	total=$(head -n1 "$1")
	say "$2: $(mb "$total") MB"
	tail -n +2 "$1" | sort -rn | while read -r kb name; do
		say "    $(mb "$kb") MB  $name"
	done
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$work/k.all"
: >"$work/f.all"
: >"$work/h.all"
: >"$work/w.all"
for round in $(seq "$rounds"); do
	measure_keepassxc
	measure_floor
	measure_forgiva
	show "$work/keepassxc.pss" "round $round keepassxc"
	show "$work/floor.pss" "round $round floor (empty Wails window)"
	show "$work/forgiva.pss" "round $round forgiva"
	show "$work/hidden.pss" "round $round forgiva hidden in tray"
	head -n1 "$work/keepassxc.pss" >>"$work/k.all"
	head -n1 "$work/floor.pss" >>"$work/w.all"
	head -n1 "$work/forgiva.pss" >>"$work/f.all"
	head -n1 "$work/hidden.pss" >>"$work/h.all"
done

k=$(median <"$work/k.all")
f=$(median <"$work/f.all")
h=$(median <"$work/h.all")
w=$(median <"$work/w.all")
ratio=$(awk -v f="$f" -v k="$k" 'BEGIN { printf "%.2f", f / k }')
floor_ratio=$(awk -v w="$w" -v k="$k" 'BEGIN { printf "%.2f", w / k }')
echo "memory floor: an empty Wails window $(mb "$w") MB, ratio $floor_ratio to keepassxc; forgiva adds $(mb $((f - w))) MB"
echo "memory: forgiva $(mb "$f") MB, keepassxc $(mb "$k") MB, ratio $ratio (hidden in tray: $(mb "$h") MB)"
