#!/bin/sh
# Runs the vault's keyring integration test against a real Secret Service:
# a private D-Bus session with an unlocked gnome-keyring-daemon.
# Needs: apt-get install -y gnome-keyring dbus libsecret-tools
set -eu
cd "$(dirname "$0")/.."
exec dbus-run-session -- sh -c '
	set -eu
	XDG_DATA_HOME=$(mktemp -d) XDG_RUNTIME_DIR=$(mktemp -d)
	export XDG_DATA_HOME XDG_RUNTIME_DIR
	printf "%s" test-keyring-pass | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
	daemon=$!
	trap "kill $daemon 2>/dev/null || true" EXIT
	# A daemon auto-started by D-Bus would be locked: wait for ours to own the name.
	for _ in $(seq 50); do
		if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
			org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
			break
		fi
		sleep 0.1
	done
	FORGIVA_KEYRING_IT=1 go test -count=1 -run Keyring -v ./backend/vault/ ./backend/session/
'
