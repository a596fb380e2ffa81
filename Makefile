# punchplay-mpris — build, run and test on Debian/Ubuntu. Each target installs what it needs first.
SHELL := /bin/bash
SWIFT ?= swift
PREFIX ?= /usr/local

# Debian packages the build needs, and the ones the tests need on top (real players, media, keyring, a tray
# watcher and host on a virtual screen with a screenshot tool).
BUILD_PACKAGES := libdbus-1-dev pkg-config libsqlite3-dev
TEST_PACKAGES := $(BUILD_PACKAGES) procps dbus-daemon mpv mpv-mpris ffmpeg playerctl vlc-bin vlc-plugin-base \
	gnome-keyring python3 haskell-status-notifier-item-utils haskell-gtk-sni-tray-utils xvfb xauth imagemagick

.PHONY: all build run test sandbox lint architecture docs bench deps-build deps-test

all: build

deps-build:
	@scripts/ensure-packages.sh $(BUILD_PACKAGES)

deps-test:
	@scripts/ensure-packages.sh $(TEST_PACKAGES)

build: deps-build
	$(SWIFT) build

run: deps-build
	$(SWIFT) run punchplay-mpris $(ARGS)

# Suites run one after another: the real-player, HTTP and crash-loop suites each start processes and
# servers, and on a 2-core machine running them all at once starves their own time limits. The release
# end-to-end suite (Tests/ReleaseEndToEndTests) runs the release binary, built first and named in
# PUNCHPLAY_MPRIS_RELEASE_BINARY. scripts/run-tests.sh line-buffers the output and stops a stuck run with a
# list of the processes left, so a hang names its test.
test: deps-test architecture
	$(SWIFT) build -c release --product punchplay-mpris
	PUNCHPLAY_MPRIS_RELEASE_BINARY="$$($(SWIFT) build -c release --show-bin-path)/punchplay-mpris" \
		scripts/run-tests.sh $(SWIFT) test --no-parallel

# A local PunchPlay stand-in for trying the agent without an account (see README).
sandbox: deps-build
	$(SWIFT) run punchplay-sandbox --auto-approve-after-polls 1 $(ARGS)

lint: architecture
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

# README.md's module tables must match Package.swift, and the core must not reach any I/O module.
architecture:
	scripts/check-architecture.py

# Rewrites what is generated from the code: config/config.example.toml and README.md's per-player key table.
docs: deps-build
	scripts/write-generated-docs.sh

# Packaging: `make install PREFIX=... [DESTDIR=...]`, `make uninstall` (same PREFIX), the .deb, the .rpm (Fedora)
# and the Arch package, and the packaging tests that CI runs after `make test` (they build and install packages,
# so they are kept out of the quick `make test` loop). PACKAGING_PACKAGES are what those need on top of the build
# packages. `CLIENT_ID=...` on make's command line builds a distributor's public client_id into the installed or
# packaged binary (packaging/stage.sh); a client secret is never built in.
PACKAGING_PACKAGES := $(BUILD_PACKAGES) dpkg-dev binutils desktop-file-utils systemd rpm makepkg \
	pacman-package-manager libarchive-tools zstd fakeroot python3
INSTALL_CONFIGURATION ?= release
CLIENT_ID :=
# Handed to the scripts through the environment, so no character of it can break a recipe's quoting.
export PACKAGING_CLIENT_ID := $(CLIENT_ID)

ifeq ($(origin CLIENT_SECRET),command line)
$(error CLIENT_SECRET: a client secret is never built into punchplay-mpris; register a public app and pass only CLIENT_ID)
endif

.PHONY: install uninstall deb rpm pkg deb-test packages-test deps-packaging

deps-packaging:
	@scripts/ensure-packages.sh $(PACKAGING_PACKAGES)

install: deps-build
	@scripts/ensure-packages.sh binutils
	packaging/stage.sh --configuration $(INSTALL_CONFIGURATION) --prefix "$(PREFIX)" --destdir "$(DESTDIR)" \
		--client-id "$$PACKAGING_CLIENT_ID"

uninstall:
	packaging/stage.sh --uninstall --prefix "$(PREFIX)" --destdir "$(DESTDIR)"

deb: deps-packaging
	packaging/build-deb.sh --client-id "$$PACKAGING_CLIENT_ID"

rpm: deps-packaging
	packaging/build-rpm.sh --client-id "$$PACKAGING_CLIENT_ID"

pkg: deps-packaging
	packaging/build-pkg.sh --client-id "$$PACKAGING_CLIENT_ID"

deb-test: deps-packaging
	packaging/test-deb.sh

packages-test: deps-packaging
	packaging/test-packages.sh

# Benchmarks (see BENCHMARKS.md): release builds. identify, worst-case and outbox measure hot paths on one
# thread; reaction, idle, flood, scale and footprint run punchplay-mpris as a child process on a private
# dbus-daemon with the sandbox and fake players: the binary `make install` installs (stripped, Swift runtime
# linked in), staged under .build/bench-install, which is the one users run. footprint measures it beside
# `playerctl --follow`, a minimal Swift program (concurrency-floor) and the smallest program doing the agent's
# per-event work with its libraries (playing-floor, linked statically as the agent is); `reaction --subject
# agent --subject floor --subject c-floor` alternates the agent with the smallest programs reacting as it does
# (reaction-floor, linked the same way, and bench/reaction-floor.c, the same in C). BENCH_ARGS picks a benchmark
# and its options, e.g. `make bench BENCH_ARGS="idle --runs 3"`. Everything (the agent and the bus too) is pinned
# to one core when taskset is available; `BENCH_PIN=` runs unpinned.
BENCH_PACKAGES := $(BUILD_PACKAGES) dbus-daemon playerctl binutils gcc libcurl4-openssl-dev
BENCH_PIN ?= $(shell command -v taskset >/dev/null && echo taskset -c 0)
BENCH_INSTALL := .build/bench-install

.PHONY: deps-bench code-order

deps-bench:
	@scripts/ensure-packages.sh $(BENCH_PACKAGES)

bench: deps-bench
	packaging/stage.sh --prefix /usr --destdir "$(CURDIR)/$(BENCH_INSTALL)" >/dev/null
	$(SWIFT) build -c release --product punchplay-bench
	$(SWIFT) build -c release --product concurrency-floor
	packaging/static-build.sh playing-floor >/dev/null
	packaging/static-build.sh reaction-floor >/dev/null
	$(CC) -O2 -Wall -Wextra -o .build/reaction-floor-c bench/reaction-floor.c \
		$$(pkg-config --cflags --libs dbus-1) -lsqlite3 -lcurl
	PUNCHPLAY_BENCH_AGENT_BINARY="$(CURDIR)/$(BENCH_INSTALL)/usr/bin/punchplay-mpris" \
	PUNCHPLAY_BENCH_PLAYING_FLOOR_BINARY="$$(packaging/static-build.sh playing-floor | tail -n 1)" \
	PUNCHPLAY_BENCH_REACTION_FLOOR_BINARY="$$(packaging/static-build.sh reaction-floor | tail -n 1)" \
	PUNCHPLAY_BENCH_C_REACTION_FLOOR_BINARY="$(CURDIR)/.build/reaction-floor-c" \
		$(BENCH_PIN) $$($(SWIFT) build -c release --show-bin-path)/punchplay-bench $(BENCH_ARGS)

# Rewrites packaging/code-order.txt, the order the installed agent's functions are linked in (stage.sh): the
# agent runs under callgrind on the benchmark's bus through an idle minute and a minute of a film playing, and
# the functions that ran there come first, so the code the kernel maps around them is code that runs too (see
# BENCHMARKS.md). Run it when the playing or idle path changed much; a stale order costs memory, not behaviour.
code-order: deps-bench
	@scripts/ensure-packages.sh valgrind
	$(SWIFT) build -c release --product punchplay-bench
	$$($(SWIFT) build -c release --show-bin-path)/punchplay-bench code-order \
		--agent "$$(packaging/static-build.sh punchplay-mpris | tail -n 1)" --output packaging/code-order.txt
