#!/usr/bin/env bash
# Builds an installable Debian package of punchplay-mpris with dpkg-deb: the binary (Swift runtime linked
# statically), the systemd user unit, the autostart entry, completions, the man page and the example
# configuration, the status icons. Depends: is computed by dpkg-shlibdeps from the libraries the binary really
# links. Options: see package-options.sh.
#
#   packaging/build-deb.sh [--configuration release|debug] [--client-id ID] [--root DIR] [--output-dir dist]
# Prints the path of the .deb on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."

source packaging/package-options.sh

version=$(packaging/package-version.sh)
architecture=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root

stage_tree "$root"

# dpkg-shlibdeps wants a source package around the binary it inspects.
mkdir -p "$work/debian"
printf 'Source: punchplay-mpris\n\nPackage: punchplay-mpris\nArchitecture: any\n' >"$work/debian/control"
depends=$(cd "$work" && dpkg-shlibdeps -O "-e$root/usr/bin/punchplay-mpris" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
if [ -z "$depends" ]; then
    echo "dpkg-shlibdeps found no dependencies; is dpkg-dev installed?" >&2
    exit 1
fi

mkdir -p "$root/DEBIAN"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
cat >"$root/DEBIAN/control" <<CONTROL
Package: punchplay-mpris
Version: $version
Architecture: $architecture
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Recommends: dbus-user-session
Suggests: gnome-keyring
Section: video
Priority: optional
Homepage: https://punchplay.tv
Description: reports what your MPRIS media players play to PunchPlay
 A desktop agent that watches every MPRIS media player on the session bus
 (mpv, VLC, Celluloid, GNOME Videos, ...), works out which movie or episode
 is playing and reports start, pause, resume, progress and stop to the
 PunchPlay watch-tracking service. Runs as a systemd user service.
CONTROL

mkdir -p "$output_dir"
package="$output_dir/punchplay-mpris_${version}_${architecture}.deb"
# xz for real packages; a fast gzip for debug builds, which exist only to be tested.
compression=(-Zxz)
[ "$configuration" = debug ] && compression=(-Zgzip -z1)
dpkg-deb --root-owner-group "${compression[@]}" --build "$root" "$package" >/dev/null
echo "$package"
