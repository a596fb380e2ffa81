#!/usr/bin/env bash
# Builds one product of the package as punchplay-mpris is installed: the Swift runtime and Foundation linked
# statically, so only Debian libraries are needed at run time. Prints the built binary's path on its last line.
# stage.sh builds the agent with it; `make bench` builds the playing floor with it, so that both are linked alike.
#
#   packaging/static-build.sh PRODUCT [--configuration release|debug]
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 1 ] || { echo "usage: packaging/static-build.sh PRODUCT [--configuration release|debug]" >&2; exit 2; }
product=$1
shift
configuration=release
while [ $# -gt 0 ]; do
    case "$1" in
    --configuration) configuration=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

# The static Foundation libraries need each other and ICU in one link group (swiftlang/swift-package-manager#10564).
static_link_flags=(--static-swift-stdlib -Xlinker --start-group)
for library in Foundation CoreFoundation FoundationEssentials FoundationInternationalization _FoundationICU \
    _FoundationCShims _FoundationCollections; do
    static_link_flags+=(-Xlinker "-l$library")
done
static_link_flags+=(-Xlinker --end-group)

# In a build folder of its own: the static link flags change how every module is built, so sharing .build with
# `make test` and `make bench` (dynamic) would rebuild everything each time one follows the other.
static_build=(swift build --scratch-path .build-static -c "$configuration")
"${static_build[@]}" --product "$product" "${static_link_flags[@]}" >&2
echo "$("${static_build[@]}" --show-bin-path)/$product"
