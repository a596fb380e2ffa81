# punchplay-mpris — build, run and test on Debian/Ubuntu. Each target installs what it needs first.
SHELL := /bin/bash
SWIFT ?= swift
PREFIX ?= /usr/local

# Debian packages the build needs, and the ones the tests need on top (real players, media, keyring).
BUILD_PACKAGES := libdbus-1-dev pkg-config libsqlite3-dev
TEST_PACKAGES := $(BUILD_PACKAGES) dbus-daemon mpv mpv-mpris ffmpeg playerctl vlc-bin vlc-plugin-base

.PHONY: all build run test lint deps-build deps-test

all: build

deps-build:
	@scripts/ensure-packages.sh $(BUILD_PACKAGES)

deps-test:
	@scripts/ensure-packages.sh $(TEST_PACKAGES)

build: deps-build
	$(SWIFT) build

run: deps-build
	$(SWIFT) run punchplay-mpris $(ARGS)

test: deps-test
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests
