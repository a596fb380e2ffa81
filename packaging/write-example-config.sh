#!/usr/bin/env bash
# Writes config/config.example.toml from the code, which generates the per-player part from the settings table
# (Sources/Agent/Configuration/PlayerSettings.swift), so that the documented file is exactly what
# `punchplay-mpris config example` prints. A test fails when the two differ: run this after changing a setting.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product punchplay-mpris
"$(swift build --show-bin-path)/punchplay-mpris" config example >config/config.example.toml
echo "wrote config/config.example.toml"
