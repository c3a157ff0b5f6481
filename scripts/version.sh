#!/usr/bin/env bash
# The one home of the version: derived from git, so the app's About box,
# `forgiva --version` and the package all say the same.
#   v1.2.0 tag on HEAD      -> 1.2.0
#   3 commits after it      -> 1.2.0+3.gabc1234
#   no release tag yet      -> 0.0.0+42.gabc1234 (42 commits)
#   uncommitted changes     -> the above and .dirty
# The form is valid both as a Debian version and as semantic versioning, and
# sorts upward from one commit to the next. VERSION in the environment wins
# (a source tarball has no git). With "date", prints HEAD's commit date instead
# (the release date in the AppStream metainfo).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ${1:-} == date ]]; then
	git log -1 --format=%cs 2>/dev/null || date -u +%F
	exit
fi
if [[ -n ${VERSION:-} ]]; then
	echo "$VERSION"
	exit
fi
if ! git rev-parse --git-dir >/dev/null 2>&1; then
	echo 0.0.0+unknown
	exit
fi

dirty=
[[ -z $(git status --porcelain --untracked-files=no 2>/dev/null) ]] || dirty=.dirty
if described=$(git describe --tags --match 'v[0-9]*' --long 2>/dev/null); then
	# vX.Y.Z-N-gHASH
	hash=${described##*-}
	rest=${described%-*}
	count=${rest##*-}
	tag=${rest%-*}
	release=${tag#v}
else
	release=0.0.0
	count=$(git rev-list --count HEAD)
	hash=g$(git rev-parse --short=7 HEAD)
fi
if [[ $count == 0 && -z $dirty ]]; then
	echo "$release"
elif [[ $count == 0 ]]; then
	echo "$release+$hash$dirty"
else
	echo "$release+$count.$hash$dirty"
fi
