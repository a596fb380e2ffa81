#!/usr/bin/env bash
# Stages the tree every package ships (.deb, .rpm, Arch), once: `stage.sh --prefix /usr` into ROOT (which
# strips the binary), with the man page compressed. build-deb.sh, build-rpm.sh and build-pkg.sh take that tree with
# --root, so one Swift build and one staging serve all three packages.
#
#   packaging/stage-package.sh --root DIR [--configuration release|debug] [--client-id ID]
set -euo pipefail
cd "$(dirname "$0")/.."

configuration=release
client_id=
root=
while [ $# -gt 0 ]; do
    case "$1" in
    --configuration) configuration=$2; shift 2 ;;
    --client-id) client_id=$2; shift 2 ;;
    --root) root=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
[ -n "$root" ] || { echo "--root DIR is required" >&2; exit 2; }

packaging/stage.sh --configuration "$configuration" --prefix /usr --destdir "$root" --client-id "$client_id"
gzip -9nf "$root/usr/share/man/man1/punchplay-mpris.1"
