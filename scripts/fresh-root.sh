#!/usr/bin/env bash
# Fresh Debian roots (debootstrap, minbase plus git and make), the machines a
# new user starts from, for the install tests (test/freshroot) and for trying
# the README's commands by hand. Needs root and debootstrap.
#
#   scripts/fresh-root.sh new NAME [SUITE]     NAME becomes a copy of a pristine
#                                              SUITE root (default trixie); the
#                                              pristine one is made once and kept
#   scripts/fresh-root.sh clone NAME REPO      git clone REPO into ~root/forgiva-desktop
#   scripts/fresh-root.sh put NAME FILE DEST   copies FILE (any host path) to DEST inside
#   scripts/fresh-root.sh run NAME COMMAND     COMMAND (bash -lc) as root inside,
#                                              clean environment, no stdin
#   scripts/fresh-root.sh user NAME USER       adds USER with password-less sudo
#                                              (then: clone NAME REPO USER)
#   scripts/fresh-root.sh run-as NAME USER COMMAND   COMMAND as USER (in ~USER)
#   scripts/fresh-root.sh path NAME            where NAME is on this machine
#   scripts/fresh-root.sh rm NAME
#
# FORGIVA_ROOT_CACHE keeps the pristine roots (default /var/cache/forgiva-desktop/roots),
# FORGIVA_ROOT_WORK the working ones (default /var/tmp/forgiva-roots).
# Inside, the Go module proxy is this machine's module cache first (read-only,
# so nothing is downloaded twice), then the real proxy; everything else comes
# from the network as on a new machine.
set -euo pipefail

cache=${FORGIVA_ROOT_CACHE:-/var/cache/forgiva-desktop/roots}
work=${FORGIVA_ROOT_WORK:-/var/tmp/forgiva-roots}
readonly go_cache_mount=/var/cache/host-go-proxy

say() { printf 'fresh-root: %s\n' "$*" >&2; }
die() {
	say "$*"
	exit 1
}

(($(id -u) == 0)) || die "needs root (debootstrap, chroot, mount)"

pristine() {
	local suite=$1 dir=$cache/$1
	if [[ -f $dir/.complete ]]; then
		echo "$dir"
		return
	fi
	command -v debootstrap >/dev/null || die "debootstrap is missing (make deps installs it)"
	rm -rf --one-file-system "$dir"
	mkdir -p "$cache"
	local mirror log
	mirror=$("$(dirname "$0")/debian-mirror.sh")
	log=$(mktemp -t forgiva-debootstrap.XXXXXX)
	say "debootstrap $suite from $mirror into $dir"
	if ! debootstrap --variant=minbase --include=ca-certificates,git,make "$suite" "$dir" "$mirror" >"$log" 2>&1; then
		tail -n 20 "$log" >&2
		die "debootstrap $suite failed (log: $log)"
	fi
	rm -f "$log"
	touch "$dir/.complete"
	echo "$dir"
}

root_of() {
	[[ $1 =~ ^[A-Za-z0-9._-]+$ ]] || die "bad root name '$1'"
	echo "$work/$1"
}

new_root() {
	local root source
	root=$(root_of "$1")
	source=$(pristine "${2:-trixie}")
	remove_root "$1"
	mkdir -p "$work"
	cp -a "$source" "$root"
	rm -f "$root/.complete"
	cp -L /etc/resolv.conf "$root/etc/resolv.conf"
	# A machine knows its own name (sudo looks it up).
	printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n' "$(hostname)" >"$root/etc/hosts"
	# The CA certificates this machine trusts beyond Debian's (a proxy's, say).
	if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
		cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
		chroot "$root" update-ca-certificates >/dev/null 2>&1 || die "update-ca-certificates failed in $root"
	fi
	say "new root $root ($(chroot "$root" sh -c '. /etc/os-release; echo "$PRETTY_NAME"'))"
}

# mount_all / unmount_all: the kernel file systems, and the host's Go module
# cache read-only as a proxy. unmount_all also runs on any exit of `run`.
mount_all() {
	local root=$1 fs
	for fs in proc sys dev dev/pts dev/shm; do
		mkdir -p "$root/$fs"
		mount --bind "/$fs" "$root/$fs"
	done
	local host_cache
	host_cache=$(go env GOMODCACHE 2>/dev/null || true)/cache/download
	go_proxy=https://proxy.golang.org
	if [[ -d $host_cache ]]; then
		go_proxy=file://$go_cache_mount,$go_proxy
		mkdir -p "$root$go_cache_mount"
		mount --bind "$host_cache" "$root$go_cache_mount"
		mount -o remount,bind,ro "$root$go_cache_mount"
	fi
}

unmount_all() {
	local root=$1 mnt
	# Deepest first; lazily, so a process that outlived its command cannot pin one.
	while read -r mnt; do
		umount -l "$mnt" 2>/dev/null || true
	done < <(awk -v root="$root/" 'index($2, root) == 1 { print $2 }' /proc/mounts | sort -r)
}

# run_in ROOT USER COMMAND: COMMAND in a login shell of USER, clean environment.
run_in() {
	local root=$1 user=$2 command=$3 home=/root
	[[ $user == root ]] || home=/home/$user
	[[ -d $root/etc ]] || die "no root at $root: run 'new' first"
	mount_all "$root"
	trap 'unmount_all "'"$root"'"' EXIT
	local env=(HOME="$home" USER="$user" LOGNAME="$user" LANG=C.UTF-8 TERM=dumb
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
		GOPROXY="$go_proxy")
	[[ -n ${CI:-} ]] && env+=(CI="$CI")
	# Node.js ignores the system store; point it at it for a proxy's CA.
	compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null &&
		env+=(NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt)
	local status=0
	chroot "$root" /usr/bin/env -i "${env[@]}" /bin/setpriv --reuid="$user" --regid="$user" --init-groups \
		/bin/bash -lc "cd ~ && $command" </dev/null || status=$?
	unmount_all "$root"
	trap - EXIT
	return "$status"
}

add_user() {
	local root user=$2
	root=$(root_of "$1")
	run_in "$root" root "apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q sudo >/dev/null &&
		useradd --create-home --shell /bin/bash $user &&
		echo '$user ALL=(ALL) NOPASSWD: ALL' >/etc/sudoers.d/$user && chmod 0440 /etc/sudoers.d/$user"
	say "user $user (password-less sudo) in $root"
}

remove_root() {
	local root
	root=$(root_of "$1")
	[[ -e $root ]] || return 0
	unmount_all "$root"
	if awk -v root="$root/" 'index($2, root) == 1' /proc/mounts | grep -q .; then
		die "$root still has mounts; not removing it"
	fi
	rm -rf --one-file-system "$root"
}

# clone_into NAME REPO [USER]: the committed state of REPO, as a new user gets it.
clone_into() {
	local root home=/root
	root=$(root_of "$1")
	[[ ${3:-root} == root ]] || home=/home/$3
	git -c safe.directory='*' clone -q "$2" "$root$home/forgiva-desktop"
	[[ ${3:-root} == root ]] || chroot "$root" chown -R "$3:$3" "$home/forgiva-desktop"
}

case ${1:-} in
new) new_root "${2:?root name}" "${3:-trixie}" ;;
clone) clone_into "${2:?root name}" "${3:?repository}" "${4:-root}" ;;
put) install -D -m 0644 "${3:?file}" "$(root_of "${2:?root name}")/${4:?destination}" ;;
run) run_in "$(root_of "${2:?root name}")" root "${3:?command}" ;;
run-as) run_in "$(root_of "${2:?root name}")" "${3:?user}" "${4:?command}" ;;
user) add_user "${2:?root name}" "${3:?user name}" ;;
path) root_of "${2:?root name}" ;;
rm) remove_root "${2:?root name}" ;;
*)
	sed -n '5,16p' "$0" >&2
	exit 2
	;;
esac
