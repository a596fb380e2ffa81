#!/usr/bin/env bash
# Prints the version every package carries: AgentVersion.current (Sources/Agent/AgentVersion.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/Agent/AgentVersion.swift
