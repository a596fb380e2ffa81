#!/usr/bin/env python3
"""Checks that the house in README.md is the house in Package.swift, and Package.swift the house in the code.

README.md's "Architecture" tables list every non-test target with the project modules and products it may
import. This compares them with `swift package dump-package`, checks that every target imports no project module
it does not declare (so the declared graph is the real one), that every source folder has a README.md, and the
rules the package graph must keep: the plain-value leaf imports nothing, and the functional core (Scrobbling)
cannot reach libdbus, NIO, HTTP or SQLite, even through another module.
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Modules the core must never reach, directly or through another module.
IO_MODULES = {"CDBus", "DBus", "MPRIS", "PunchPlay", "Outbox", "Agent", "NIOCore", "NIOHTTP1", "AsyncHTTPClient",
              "GRDB", "Logging", "Hummingbird"}


def package_targets():
    dump = subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, check=True, capture_output=True, text=True)
    targets = {}
    for target in json.loads(dump.stdout)["targets"]:
        names = set()
        for dependency in target["dependencies"]:
            (kind, value), = dependency.items()
            names.add(value[0])
        targets[target["name"]] = (target["type"], names)
    return targets


def readme_modules():
    """Rows of the tables under '## Architecture': | `Name` | what it owns | `A`, `B` |."""
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    section = re.search(r"^## Architecture\n(.*?)(?=^## )", text, re.S | re.M)
    if not section:
        sys.exit("README.md has no '## Architecture' section")
    modules = {}
    for line in section.group(1).splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        name = cells[0].strip("`")
        imports = set(re.findall(r"`([^`]+)`", cells[2]))
        if name in modules:
            sys.exit(f"README.md lists {name} twice")
        modules[name] = imports
    return modules


def undeclared_imports(targets):
    """Project modules a target's files import without declaring them in Package.swift."""
    modules = {name.replace("-", "_"): name for name in targets}
    problems = []
    for name, (kind, dependencies) in sorted(targets.items()):
        folder = os.path.join(ROOT, "Tests" if kind == "test" else "Sources", name)
        imported = set()
        for directory, _, files in os.walk(folder):
            for file in files:
                if file.endswith(".swift"):
                    text = open(os.path.join(directory, file), encoding="utf-8").read()
                    imported |= set(re.findall(r"^\s*(?:@testable )?import (\w+)", text, re.M))
        for module in sorted(imported):
            target = modules.get(module)
            if target and target != name and target not in dependencies:
                problems.append(f"{name}: imports {target} but Package.swift does not declare it")
    return problems


def closure(targets, name):
    seen, stack = set(), [name]
    while stack:
        for dependency in targets.get(stack.pop(), ("", set()))[1]:
            if dependency not in seen:
                seen.add(dependency)
                stack.append(dependency)
    return seen


def main():
    targets = package_targets()
    documented = readme_modules()
    problems = undeclared_imports(targets)
    for name, (kind, dependencies) in sorted(targets.items()):
        if kind == "test":
            continue
        if name not in documented:
            problems.append(f"{name}: in Package.swift but not in README.md's Architecture tables")
            continue
        if documented[name] != dependencies:
            missing = sorted(dependencies - documented[name])
            extra = sorted(documented[name] - dependencies)
            problems.append(f"{name}: README.md's imports differ from Package.swift (not in README: {missing}; "
                            f"not in Package.swift: {extra})")
        if not os.path.isfile(os.path.join(ROOT, "Sources", name, "README.md")):
            problems.append(f"{name}: Sources/{name}/README.md is missing")
    for name in sorted(set(documented) - {n for n, (k, _) in targets.items() if k != "test"}):
        problems.append(f"{name}: in README.md's Architecture tables but not a target in Package.swift")
    if targets.get("PlaybackModel", ("", {"?"}))[1]:
        problems.append("PlaybackModel must import nothing")
    reached = closure(targets, "Scrobbling") & IO_MODULES
    if reached:
        problems.append(f"Scrobbling (the pure core) reaches I/O modules: {sorted(reached)}")
    for problem in problems:
        print(f"check-architecture: {problem}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"check-architecture: README.md matches Package.swift ({len(documented)} modules); the core reaches no I/O")


if __name__ == "__main__":
    main()
