#!/usr/bin/env bash
# Builds one product of the package as punchplay-mpris is installed: the Swift runtime and Foundation linked
# statically, so only Debian libraries are needed at run time, by lld, which can lay the functions out in the
# order of a file (--code-order, one symbol a line: packaging/code-order.txt for the agent, see `make code-order`).
# Prints the built binary's path on its last line. stage.sh builds the agent with it; `make bench` builds the
# playing floor with it, so that both are linked alike.
#
#   packaging/static-build.sh PRODUCT [--configuration release|debug] [--code-order FILE]
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 1 ] || { echo "usage: packaging/static-build.sh PRODUCT [--configuration release|debug]" >&2; exit 2; }
product=$1
shift
configuration=release
code_order=
while [ $# -gt 0 ]; do
    case "$1" in
    --configuration) configuration=$2; shift 2 ;;
    --code-order) code_order=$(realpath "$2"); shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

# The static Foundation libraries need each other and ICU in one link group (swiftlang/swift-package-manager#10564).
static_link_flags=(--static-swift-stdlib -Xlinker --start-group)
for library in Foundation CoreFoundation FoundationEssentials FoundationInternationalization _FoundationICU \
    _FoundationCShims _FoundationCollections; do
    static_link_flags+=(-Xlinker "-l$library")
done
static_link_flags+=(-Xlinker --end-group -Xswiftc -use-ld=lld)
# Each function in a section of its own, in our modules and the packages as in the Swift runtime's C++, so that
# the link can place it by the order. The compiler keeps an object whose code is unchanged without writing it
# again, and its check does not cover this option: objects an earlier build left would keep one section a file.
static_link_flags+=(-Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections)
static_link_flags+=(-Xswiftc -Xfrontend -Xswiftc -disable-incremental-llvm-codegen)
# Symbols of the order that a change of the code removed are skipped without a word: the order is a layout, and
# a stale one costs memory, never correctness. The link reads a copy named by its content, so that a new order
# changes the link's command line and SwiftPM links again.
if [ -n "$code_order" ]; then
    mkdir -p .build-static
    order_copy=".build-static/code-order-$(sha256sum "$code_order" | cut -c1-16).txt"
    cp "$code_order" "$order_copy"
    static_link_flags+=(-Xlinker "--symbol-ordering-file=$(realpath "$order_copy")" -Xlinker --no-warn-symbol-ordering)
fi

# In a build folder of its own: the static link flags change how every module is built, so sharing .build with
# `make test` and `make bench` (dynamic) would rebuild everything each time one follows the other.
static_build=(swift build --scratch-path .build-static -c "$configuration")
"${static_build[@]}" --product "$product" "${static_link_flags[@]}" >&2
echo "$("${static_build[@]}" --show-bin-path)/$product"
