#!/usr/bin/env bash
# Builds an Arch Linux package of punchplay-mpris with makepkg (Debian's `makepkg` package) from the tree
# packaging/stage-package.sh stages: the same files as the .deb, see packaging/arch/PKGBUILD.in. makepkg refuses
# to run as root, so as root it runs as the unprivileged user punchplay-pkgbuild, created when missing.
# Options: see package-options.sh.
#
#   packaging/build-pkg.sh [--configuration release|debug] [--client-id ID] [--root DIR] [--output-dir dist]
# Prints the path of the package on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."

source packaging/package-options.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/build"
stage_tree "$work/build/staged"

# The Arch package of each library the binary links; a library missing here fails the build rather than
# shipping a package with a dependency left out.
arch_package() {
    case "$1" in
    libc.so.6 | libm.so.6 | ld-linux-*.so.*) echo glibc ;;
    libstdc++.so.6 | libgcc_s.so.1) echo gcc-libs ;;
    libdbus-1.so.3) echo dbus ;;
    libsqlite3.so.0) echo sqlite ;;
    libz.so.1) echo zlib ;;
    *) return 1 ;;
    esac
}
depends=()
for library in $(readelf --dynamic "$work/build/staged/usr/bin/punchplay-mpris" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    package=$(arch_package "$library") || { echo "no Arch package known for $library; add it to arch_package" >&2; exit 1; }
    depends+=("'$package'")
done
depends_line=$(printf '%s\n' "${depends[@]}" | sort -u | paste -sd ' ')
sed -e "s|@VERSION@|$(packaging/package-version.sh)|" -e "s|@DEPENDS@|$depends_line|" packaging/arch/PKGBUILD.in \
    >"$work/build/PKGBUILD"

# Debian's makepkg.conf with Arch's package format: zstd, at the fastest level for debug builds, which exist only
# to be tested.
level=19
[ "$configuration" = debug ] && level=1
{
    cat /etc/makepkg.conf
    echo "PKGEXT='.pkg.tar.zst'"
    echo "COMPRESSZST=(zstd -c -z -q -$level -T0 -)"
} >"$work/makepkg.conf"
makepkg_command=(env PACKAGER="$maintainer" PKGDEST="$work/build" SRCDEST="$work/build" BUILDDIR="$work/build"
    makepkg --config "$work/makepkg.conf" --nodeps --force --noconfirm)
if [ "$(id -u)" -eq 0 ]; then
    builder=punchplay-pkgbuild
    id "$builder" >/dev/null 2>&1 ||
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$builder"
    chown -R "$builder:" "$work"
    makepkg_command=(runuser -u "$builder" -- "${makepkg_command[@]}")
fi
(cd "$work/build" && "${makepkg_command[@]}") >"$work/makepkg.log" 2>&1 || { cat "$work/makepkg.log" >&2; exit 1; }

mkdir -p "$output_dir"
package=$(find "$work/build" -maxdepth 1 -name 'punchplay-mpris-*.pkg.tar.zst')
cp "$package" "$output_dir/"
echo "$output_dir/${package##*/}"
