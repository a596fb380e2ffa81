#!/usr/bin/env bash
# Builds an RPM of punchplay-mpris for Fedora with rpmbuild (Debian's `rpm` package) from the tree
# packaging/stage-package.sh stages: the same files as the .deb, see packaging/rpm/punchplay-mpris.spec.
# --root takes an already staged tree (the one build-deb.sh and build-pkg.sh package too); without it the tree is
# staged here, with --client-id built in (see stage.sh).
#
#   packaging/build-rpm.sh [--configuration release|debug] [--client-id ID] [--root DIR] [--output-dir dist]
# Prints the path of the .rpm on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."

configuration=release
output_dir=dist
client_id=
staged=
while [ $# -gt 0 ]; do
    case "$1" in
    --configuration) configuration=$2; shift 2 ;;
    --client-id) client_id=$2; shift 2 ;;
    --root) staged=$2; shift 2 ;;
    --output-dir) output_dir=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$staged" ]; then
    staged=$work/staged
    packaging/stage-package.sh --configuration "$configuration" --client-id "$client_id" --root "$staged"
fi

# xz for real packages; a fast gzip for debug builds, which exist only to be tested.
payload=w6.xzdio
[ "$configuration" = debug ] && payload=w1.gzdio
# A private _topdir and database path: rpmbuild touches nothing of the machine's own rpm setup.
rpmbuild -bb --quiet \
    --define "_binary_payload $payload" \
    --define "_topdir $work/rpmbuild" \
    --define "_dbpath $work/rpmdb" \
    --define "pp_version $(packaging/package-version.sh)" \
    --define "pp_root $(realpath "$staged")" \
    packaging/rpm/punchplay-mpris.spec >"$work/rpmbuild.log" 2>&1 || { cat "$work/rpmbuild.log" >&2; exit 1; }

mkdir -p "$output_dir"
package=$(find "$work/rpmbuild/RPMS" -name 'punchplay-mpris-*.rpm')
cp "$package" "$output_dir/"
echo "$output_dir/${package##*/}"
