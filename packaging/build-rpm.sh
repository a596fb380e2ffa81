#!/usr/bin/env bash
# Builds an RPM of punchplay-mpris for Fedora with rpmbuild (Debian's `rpm` package) from the tree
# packaging/stage-package.sh stages: the same files as the .deb, see packaging/rpm/punchplay-mpris.spec.
# Options: see package-options.sh.
#
#   packaging/build-rpm.sh [--configuration release|debug] [--client-id ID] [--root DIR] [--output-dir dist]
# Prints the path of the .rpm on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."

source packaging/package-options.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage_tree "$work/staged"

# xz for real packages; a fast gzip for debug builds, which exist only to be tested.
payload=w6.xzdio
[ "$configuration" = debug ] && payload=w1.gzdio
# A private _topdir and database path: rpmbuild touches nothing of the machine's own rpm setup.
rpmbuild -bb --quiet \
    --define "_binary_payload $payload" \
    --define "_topdir $work/rpmbuild" \
    --define "_dbpath $work/rpmdb" \
    --define "packager $maintainer" \
    --define "pp_version $(packaging/package-version.sh)" \
    --define "pp_root $work/staged" \
    packaging/rpm/punchplay-mpris.spec >"$work/rpmbuild.log" 2>&1 || { cat "$work/rpmbuild.log" >&2; exit 1; }

mkdir -p "$output_dir"
package=$(find "$work/rpmbuild/RPMS" -name 'punchplay-mpris-*.rpm')
cp "$package" "$output_dir/"
echo "$output_dir/${package##*/}"
