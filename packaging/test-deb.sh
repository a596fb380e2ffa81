#!/usr/bin/env bash
# Packaging test (`make deb-test`, run by CI): builds the .deb, installs it with dpkg into a throwaway root,
# checks every installed file (the status icons too), runs the installed binary, verifies the systemd unit with systemd-analyze and
# the autostart entry with desktop-file-validate, removes the package again, and checks that
# `make install` / `make uninstall` leave nothing behind.
#
# It packages a debug build by default so that CI does not pay for a second, optimised build of everything;
# DEB_TEST_CONFIGURATION=release tests exactly what `packaging/build-deb.sh` ships.
set -euo pipefail
cd "$(dirname "$0")/.."

configuration=${DEB_TEST_CONFIGURATION:-debug}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source packaging/checks.sh

package=$(packaging/build-deb.sh --configuration "$configuration" --output-dir "$work/dist" | tail -n 1)
version=$(packaging/package-version.sh)

field() { dpkg-deb --field "$package" "$1"; }
check "package name and version" test "$(field Package) $(field Version)" = "punchplay-mpris $version"
check "Depends names libdbus-1-3 and libc6" bash -c '[[ "$1" == *libdbus-1-3* && "$1" == *libc6* ]]' _ "$(field Depends)"
dependencies_installed() {
    local dependency
    for dependency in $(field Depends | tr ',' '\n' | sed 's/(.*)//; s/|.*//' | tr -d ' '); do
        dpkg-query -W -f='${Status}' "$dependency" 2>/dev/null | grep -q "install ok installed" || return 1
    done
}
check "every dependency is an installed Debian package here" dependencies_installed

# A throwaway dpkg database: the package installs and removes like on a real system, without touching this
# one. Its dependencies are checked above against the real system instead (the throwaway root has none).
root=$work/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
dpkg_root() { dpkg --root="$root" --force-not-root --force-depends --log=/dev/null "$@"; }
check "dpkg -i installs the package" dpkg_root -i "$package"
installed_files=(
    /usr/bin/punchplay-mpris
    /usr/lib/systemd/user/punchplay-mpris.service
    /etc/xdg/autostart/punchplay-mpris.desktop
    /usr/share/bash-completion/completions/punchplay-mpris
    /usr/share/zsh/vendor-completions/_punchplay-mpris
    /usr/share/fish/vendor_completions.d/punchplay-mpris.fish
    /usr/share/man/man1/punchplay-mpris.1.gz
    /usr/share/doc/punchplay-mpris/config.example.toml
    /usr/share/icons/hicolor/scalable/apps/punchplay-mpris.svg
    /usr/share/icons/hicolor/scalable/apps/punchplay-mpris-reporting.svg
    /usr/share/icons/hicolor/scalable/apps/punchplay-mpris-attention.svg
    /usr/share/icons/hicolor/scalable/apps/punchplay-mpris-paused.svg
)
for file in "${installed_files[@]}"; do
    check "installed $file" test -s "$root$file"
done
check "dpkg knows the package as installed" \
    bash -c 'dpkg-query --admindir="$1/var/lib/dpkg" -W -f="\${Status}" punchplay-mpris | grep -q "install ok installed"' _ "$root"

binary=$root/usr/bin/punchplay-mpris
check "the installed binary runs and reports its version" test "$("$binary" --version | head -n 1)" = "$version"
check "a package built without CLIENT_ID carries no client_id" test "$("$binary" --version | sed -n 2p)" = \
    "client id: none built in (set client_id under [punchplay] in the configuration)"
check "the installed binary prints the example configuration" \
    bash -c 'diff <("$1" config example) "$2"' _ "$binary" "$root/usr/share/doc/punchplay-mpris/config.example.toml"
check "the binary needs no Swift runtime library" bash -c '! ldd "$1" | grep -q libswift' _ "$binary"
check "the man page documents the config command" bash -c 'zcat "$1" | grep -q "^\.It Em config"' _ \
    "$root/usr/share/man/man1/punchplay-mpris.1.gz"
check "the man page documents config keys and its --markdown flag" \
    bash -c 'zcat "$1" | grep -q "^\.It Em keys" && zcat "$1" | grep -q "^\.It Fl -markdown"' _ \
    "$root/usr/share/man/man1/punchplay-mpris.1.gz"
check "the man page documents pause --for and resume" \
    bash -c 'zcat "$1" | grep -q "^\.It Em pause" && zcat "$1" | grep -q "^\.It Em resume" && zcat "$1" | grep -q "^\.It Fl -for"' _ \
    "$root/usr/share/man/man1/punchplay-mpris.1.gz"
check "the man page describes the agent's D-Bus interface" bash -c 'zcat "$1" | grep -q "tv\.punchplay\.Mpris"' _ \
    "$root/usr/share/man/man1/punchplay-mpris.1.gz"
check "the bash completion offers pause --for" grep -q -- "--for" \
    "$root/usr/share/bash-completion/completions/punchplay-mpris"
check "the bash completion offers config keys --markdown" grep -q -- "--markdown" \
    "$root/usr/share/bash-completion/completions/punchplay-mpris"
check "the bash completion script parses" bash -n "$root/usr/share/bash-completion/completions/punchplay-mpris"
check "the unit runs the installed binary" grep -qx "ExecStart=/usr/bin/punchplay-mpris run" \
    "$root/usr/lib/systemd/user/punchplay-mpris.service"

# systemd-analyze checks that ExecStart= exists, so verify a copy that points into the throwaway root.
verify_unit() {
    mkdir -p "$work/units" && install -d -m 0700 "$work/runtime"
    sed "s|/usr/bin/punchplay-mpris|$binary|" "$root/usr/lib/systemd/user/punchplay-mpris.service" \
        >"$work/units/punchplay-mpris.service"
    local output
    output=$(XDG_RUNTIME_DIR=$work/runtime systemd-analyze --user --man=no verify \
        "$work/units/punchplay-mpris.service" 2>&1) || { echo "$output" >&2; return 1; }
    [ -z "$output" ] || { echo "$output" >&2; return 1; }
}
check "systemd-analyze verify accepts the user unit without warnings" verify_unit
check "desktop-file-validate accepts the autostart entry" \
    desktop-file-validate "$root/etc/xdg/autostart/punchplay-mpris.desktop"

# The autostart entry must start the agent only when the systemd user unit is not enabled. Its Exec line is
# run with stand-ins: a systemctl that answers "enabled" or "disabled", none at all, and a stub agent.
autostart_starts_agent() {
    local systemctl_answer=$1 bin=$work/autostart-$1
    mkdir -p "$bin"
    ln -sf "$(command -v sh)" "$bin/sh"
    printf '#!/bin/sh\necho started "$@"\n' >"$bin/agent" && chmod +x "$bin/agent"
    if [ "$systemctl_answer" != none ]; then
        printf '#!/bin/sh\n[ "$*" = "--user --quiet is-enabled punchplay-mpris.service" ] || exit 2\nexit %s\n' \
            "$([ "$systemctl_answer" = enabled ] && echo 0 || echo 1)" >"$bin/systemctl"
        chmod +x "$bin/systemctl"
    fi
    local exec_line
    exec_line=$(sed -n 's/^Exec=//p' "$root/etc/xdg/autostart/punchplay-mpris.desktop" | sed "s|/usr/bin/punchplay-mpris|$bin/agent|")
    [ "$(PATH=$bin eval "$exec_line")" = "started run" ]
}
check "autostart starts the agent when the systemd unit is disabled" autostart_starts_agent disabled
check "autostart starts the agent where there is no systemctl" autostart_starts_agent none
autostart_skips_agent() { ! autostart_starts_agent enabled; }
check "autostart does nothing when the systemd unit is enabled" autostart_skips_agent

check "dpkg -r removes the package" dpkg_root -r punchplay-mpris
for file in "${installed_files[@]}"; do
    check "removed $file" test ! -e "$root$file"
done

# make install / make uninstall with a staging directory: the same files, and nothing left afterwards.
stage=$work/stage
check "make install DESTDIR=... PREFIX=/opt/pp" \
    make --no-print-directory install DESTDIR="$stage" PREFIX=/opt/pp INSTALL_CONFIGURATION="$configuration"
check "make install put the binary, unit and icons under the prefix" \
    test -x "$stage/opt/pp/bin/punchplay-mpris" -a -s "$stage/opt/pp/lib/systemd/user/punchplay-mpris.service" \
    -a -s "$stage/opt/pp/share/icons/hicolor/scalable/apps/punchplay-mpris-paused.svg"
check "make install pointed the unit at the prefix" grep -qx "ExecStart=/opt/pp/bin/punchplay-mpris run" \
    "$stage/opt/pp/lib/systemd/user/punchplay-mpris.service"
check "make uninstall" make --no-print-directory uninstall DESTDIR="$stage" PREFIX=/opt/pp
check "make uninstall left no file behind" test -z "$(find "$stage" -type f)"

finish_checks "All packaging checks passed."
