# Forgiva Desktop. `make run` and `make test` set up a fresh Debian/Ubuntu
# machine themselves (scripts/deps.sh installs only what is missing).

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# The switches of `make test` (FORGIVA_CONFORMANCE=0 and the like) have
# their defaults in one place: scripts/test.sh.

# Where scripts/deps.sh puts a private Node.js when the system's is missing or
# too old; first on PATH for every recipe.
FORGIVA_TOOLCHAIN_DIR ?= $(or $(XDG_DATA_HOME),$(HOME)/.local/share)/forgiva-desktop/toolchain
export FORGIVA_TOOLCHAIN_DIR
export PATH := $(FORGIVA_TOOLCHAIN_DIR)/bin:$(PATH)
# A Go 1.21+ older than go.mod's go line fetches that toolchain from the Go
# module proxy (Debian's and Ubuntu's Go default to "local").
export GOTOOLCHAIN ?= auto

DESKTOP_BIN := build/bin/forgiva-desktop
CLI_BIN := build/bin/forgiva

.PHONY: help deps deps-build frontend build build-dev cli run install package test smoke lint bench icon clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-11s %s\n", $$1, $$2}'

deps: ## install everything needed to build and test (idempotent)
	scripts/deps.sh test

deps-build: ## install only what building and running needs
	scripts/deps.sh build

frontend: ## build the web UI into frontend/dist
	cd frontend && npm run build

build: ## build the desktop app and its command-line twin: build/bin/forgiva-desktop, build/bin/forgiva
	scripts/build.sh production

build-dev: ## build the dev binary for browser tests: build/bin/forgiva-dev
	scripts/build.sh dev

cli: ## build the command-line tool (no cgo): build/bin/forgiva
	scripts/build.sh cli

run: deps-build build ## set up, build and start the desktop app
	@[[ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]] || { \
		echo "run: no graphical session (DISPLAY and WAYLAND_DISPLAY are unset); built $(DESKTOP_BIN)" >&2; exit 1; }
	./$(DESKTOP_BIN)

install: build ## install for this user: ~/.local/bin, icon and menu launcher
	build/linux/install.sh $(DESKTOP_BIN)

package: deps-build ## the Debian package: build/dist/forgiva-desktop_VERSION_ARCH.deb
	scripts/package.sh

test: deps ## set up, lint, build, and run every test
	scripts/test.sh

smoke: build ## only the window smoke test, inside the test services
	FORGIVA_WINDOW_IT=1 FORGIVA_DESKTOP_BIN=$(DESKTOP_BIN) \
		scripts/with-test-services.sh go test -count=1 -v ./test/window/

lint: ## gofmt, go vet, staticcheck, shellcheck
	scripts/lint.sh

bench: ## engine against its floor, memory against KeePassXC, quick typing time
	scripts/deps.sh bench
	scripts/build.sh production
	scripts/build.sh floor
	bash scripts/bench-engine.sh --c3
	scripts/bench-memory.sh
	scripts/bench-quick.sh

icon: ## redraw build/appicon.png (needs ImageMagick)
	scripts/make-icon.sh

clean: ## remove build outputs
	rm -rf build/bin build/dist frontend/dist
