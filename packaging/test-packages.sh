#!/usr/bin/env bash
# Packaging test for Fedora and Arch and for a distributor's client_id (`make packages-test`, run by CI after
# `make deb-test`). It stages the tree once, with a client_id built in, and builds the .deb, the .rpm and the Arch
# package from that one tree, then checks that:
# - the three ship the same files (zsh's completion directory aside: site-functions outside Debian);
# - the .rpm's name, version, Requires (Fedora's package names and the libraries' sonames, no Swift runtime),
#   scriptlets and configuration file are right;
# - the Arch package's .PKGINFO names the right depends and backup file, and it has no install scriptlet;
# - the binary's functions are laid out in packaging/code-order.txt's order;
# - the binary in every package carries the client_id (`--version`), which `doctor`, `status` and `config check`
#   use when the configuration has none, and the configuration's client_id overrides;
# - a client_id that cannot be one and a client secret on make's command line are refused.
#
# Like deb-test it packages a debug build by default; PACKAGES_TEST_CONFIGURATION=release tests what ships.
set -euo pipefail
cd "$(dirname "$0")/.."

configuration=${PACKAGES_TEST_CONFIGURATION:-debug}
client_id=punchplay-mpris-packaging-test
work=$(mktemp -d)
sandbox=
trap '[ -z "$sandbox" ] || kill "$sandbox" 2>/dev/null || true; rm -rf "$work"' EXIT
source packaging/checks.sh

version=$(packaging/package-version.sh)
# Building with a client_id must not touch the source tree (no generated or edited file, tracked or not).
tree_before=$(git status --porcelain --untracked-files=all)
root=$work/staged
packaging/stage-package.sh --configuration "$configuration" --client-id "$client_id" --root "$root"
deb=$(packaging/build-deb.sh --configuration "$configuration" --root "$root" --output-dir "$work/dist" | tail -n 1)
rpm=$(packaging/build-rpm.sh --configuration "$configuration" --root "$root" --output-dir "$work/dist" | tail -n 1)
pkg=$(packaging/build-pkg.sh --configuration "$configuration" --root "$root" --output-dir "$work/dist" | tail -n 1)

# The same files in all three, with zsh's directory written the Debian way.
debian_zsh() { sed 's|^/usr/share/zsh/site-functions/|/usr/share/zsh/vendor-completions/|'; }
dpkg-deb --fsys-tarfile "$deb" | tar -t | sed -n 's|^\./|/|; /[^/]$/p' | sort >"$work/deb-files"
rpm -qp --qf '[%{FILEMODES:perms} %{FILENAMES}\n]' "$rpm" | sed -n 's/^-[^ ]* //p' | debian_zsh | sort >"$work/rpm-files"
pacman -Qlpq "$pkg" | grep -v '/$' | debian_zsh | sort >"$work/pkg-files"
check "the .deb ships the icons" grep -qx /usr/share/icons/hicolor/scalable/apps/punchplay-mpris-attention.svg \
    "$work/deb-files"
check "the .rpm ships the .deb's files" diff "$work/deb-files" "$work/rpm-files"
check "the Arch package ships the .deb's files" diff "$work/deb-files" "$work/pkg-files"
check "the .rpm and the Arch package put the zsh completion in site-functions" bash -c \
    'rpm -qlp "$1" | grep -qx "$3" && pacman -Qlpq "$2" | grep -qx "$3"' _ "$rpm" "$pkg" \
    /usr/share/zsh/site-functions/_punchplay-mpris

# The status icons: valid SVG, each with its own dominant colour (the tray's screenshot test looks for them).
icons_valid() {
    python3 - "$root/usr/share/icons/hicolor/scalable/apps" <<'PYTHON'
import sys
import xml.etree.ElementTree as ElementTree

colours = {"punchplay-mpris": "#7f8c8d", "punchplay-mpris-reporting": "#27ae60",
           "punchplay-mpris-attention": "#e67e22", "punchplay-mpris-paused": "#2980b9"}
for name, colour in colours.items():
    root = ElementTree.parse(f"{sys.argv[1]}/{name}.svg").getroot()
    fills = [element.get("fill") for element in root.iter()]
    if root.tag != "{http://www.w3.org/2000/svg}svg" or root.get("viewBox") is None or colour not in fills:
        sys.exit(f"{name}.svg is not an SVG with viewBox filled with {colour}")
PYTHON
}
check "the four status icons are valid SVG, each with its colour" icons_valid

# The binary's code is laid out by packaging/code-order.txt (static-build.sh): the functions of steady use lie
# together, not spread over .text (ordered: 13 % of it in a debug build, 18 % in a release build; unordered: 98 %).
laid_out_by_code_order() {
    python3 - packaging/code-order.txt ".build-static/$configuration/punchplay-mpris.debug" <<'PYTHON'
import subprocess, sys

order_file, symbols_file = sys.argv[1], sys.argv[2]
steady = []
for line in open(order_file):
    line = line.strip()
    if line.startswith("# a film's start"):
        break
    if line and not line.startswith("#"):
        steady.append(line)
addresses = {}
for line in subprocess.run(["nm", "--defined-only", symbols_file], capture_output=True, text=True).stdout.splitlines():
    fields = line.split()
    if len(fields) == 3 and fields[1] in "tTwW":
        addresses.setdefault(fields[2], int(fields[0], 16))
text_size = 0
for line in subprocess.run(["readelf", "-SW", symbols_file], capture_output=True, text=True).stdout.splitlines():
    fields = line.replace("[ ", "[").split()
    if len(fields) > 5 and fields[1] == ".text":
        text_size = int(fields[5], 16)
found = [addresses[name] for name in steady if name in addresses]
if not text_size or len(found) < len(steady) // 2:
    sys.exit(f"{symbols_file}: no .text, or only {len(found)} of the order's {len(steady)} steady functions")
span = max(found) - min(found)
if span > text_size // 2:
    sys.exit(f"the order's steady functions spread over {span} of .text's {text_size} bytes")
PYTHON
}
check "the binary's code is laid out in packaging/code-order.txt's order" laid_out_by_code_order

# The .rpm.
check "rpm name and version" test "$(rpm -qp --qf '%{NAME} %{VERSION}' "$rpm")" = "punchplay-mpris $version"
rpm -qp --requires "$rpm" >"$work/rpm-requires"
for requirement in dbus-libs sqlite-libs 'libdbus-1.so.3()(64bit)' 'libsqlite3.so.0()(64bit)' 'libc.so.6()(64bit)'; do
    check "the .rpm requires $requirement" grep -qxF "$requirement" "$work/rpm-requires"
done
check "the .rpm requires no Swift runtime library" bash -c '! grep -q libswift "$1"' _ "$work/rpm-requires"
rpm -qp --scripts "$rpm" >"$work/rpm-scripts"
check "the .rpm applies the user preset on first install" \
    grep -qF 'systemd-update-helper install-user-units punchplay-mpris.service' "$work/rpm-scripts"
check "the .rpm disables the user unit on removal" \
    grep -qF 'systemd-update-helper remove-user-units punchplay-mpris.service' "$work/rpm-scripts"
check "the .rpm has no other scriptlet" \
    test "$(grep -c 'scriptlet (using' "$work/rpm-scripts")" -eq 2
check "the .rpm keeps an edited autostart entry" \
    test "$(rpm -qp --configfiles "$rpm")" = /etc/xdg/autostart/punchplay-mpris.desktop

# The Arch package.
bsdtar -xOf "$pkg" .PKGINFO >"$work/PKGINFO"
pkginfo() { sed -n "s/^$1 = //p" "$work/PKGINFO"; }
check "Arch package name and version" test "$(pkginfo pkgname) $(pkginfo pkgver)" = "punchplay-mpris $version-1"
check "Arch depends are dbus, gcc-libs, glibc, sqlite and zlib" \
    test "$(pkginfo depend | sort | paste -sd ' ')" = "dbus gcc-libs glibc sqlite zlib"
check "the Arch package keeps an edited autostart entry" \
    test "$(pkginfo backup)" = etc/xdg/autostart/punchplay-mpris.desktop
check "the Arch package has no install scriptlet" bash -c '! bsdtar -tf "$1" | grep -qx .INSTALL' _ "$pkg"

# The client_id in every package's binary, and how the commands use it.
for package in "$deb" "$rpm" "$pkg"; do
    extracted=$work/extracted/${package##*.}
    mkdir -p "$extracted"
    if [ "$package" = "$deb" ]; then dpkg-deb -x "$package" "$extracted"; else bsdtar -xf "$package" -C "$extracted"; fi
    check "the binary in ${package##*/} carries the client_id" bash -c '"$1" --version | sed -n 2p | grep -qxF "$2"' \
        _ "$extracted/usr/bin/punchplay-mpris" \
        "client id: $client_id (built in by the distributor; a client_id in the configuration overrides it)"
done
binary=$root/usr/bin/punchplay-mpris
check "--version still starts with the version alone" test "$("$binary" --version | head -n 1)" = "$version"
home=$work/home
mkdir -p "$home"
run_binary() {
    env -i HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_STATE_HOME="$home/state" \
        DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent "$binary" "$@" 2>&1 || true
}
check "with no configuration, doctor uses the built-in client_id" bash -c \
    'grep -qxF "ok    client id: $2 (built in by the distributor)" <<<"$1"' _ "$(run_binary doctor)" "$client_id"
check "with no configuration, config check does not ask for a client_id" bash -c '! grep -q client_id <<<"$1"' _ \
    "$(run_binary config check)"
mkdir -p "$home/config/punchplay-mpris"
printf '[punchplay]\ncredential_store = "file"\n' >"$home/config/punchplay-mpris/config.toml"
check "a configuration without client_id: status uses the built-in one" bash -c \
    'grep -qxF "Client id:     $2 (built in by the distributor)" <<<"$1"' _ "$(run_binary status)" "$client_id"
printf '[punchplay]\nclient_id = "own-app"\ncredential_store = "file"\n' >"$home/config/punchplay-mpris/config.toml"
check "the configuration's client_id overrides the built-in one (doctor)" bash -c \
    'grep -qxF "ok    client id: own-app (from the configuration)" <<<"$1"' _ "$(run_binary doctor)"
check "the configuration's client_id overrides the built-in one (status)" bash -c \
    'grep -qxF "Client id:     own-app (from the configuration)" <<<"$1"' _ "$(run_binary status)"

# With a client_id built in, a new user's first command is `login`: the configuration names no client_id, only
# where the service is (the local sandbox, which knows the test's client_id and approves the code by itself).
logs_in_with_built_in_client_id() {
    swift build --product punchplay-sandbox >/dev/null || return 1
    mkfifo "$work/sandbox.ready"
    "$(swift build --show-bin-path)/punchplay-sandbox" --port 0 --client-id "$client_id" \
        --auto-approve-after-polls 1 --poll-interval 1 >"$work/sandbox.ready" 2>"$work/sandbox.log" &
    sandbox=$!
    local line url=
    exec 3<"$work/sandbox.ready"
    while read -r -t 60 -u 3 line; do
        case "$line" in PUNCHPLAY_SANDBOX_URL=*) url=${line#*=} && break ;; esac
    done
    printf '[punchplay]\napi_base_url = "%s"\ncredential_store = "file"\n' "$url" \
        >"$home/config/punchplay-mpris/config.toml"
    local output
    output=$(run_binary login)
    kill "$sandbox" && wait "$sandbox" 2>/dev/null
    sandbox=
    exec 3<&-
    grep -q "^Logged in as sandbox" <<<"$output" || { echo "$output" >&2; cat "$work/sandbox.log" >&2; return 1; }
}
check "with the built-in client_id alone, login works (against the sandbox)" logs_in_with_built_in_client_id

make_install_carries_client_id() {
    make --no-print-directory install DESTDIR="$work/install" PREFIX=/opt/pp INSTALL_CONFIGURATION="$configuration" \
        CLIENT_ID=make-install-app >/dev/null &&
        "$work/install/opt/pp/bin/punchplay-mpris" --version | grep -qF "client id: make-install-app (built in" &&
        make --no-print-directory uninstall DESTDIR="$work/install" PREFIX=/opt/pp >/dev/null &&
        test -z "$(find "$work/install" -type f)"
}
check "make install CLIENT_ID=... builds it in, make uninstall removes everything" make_install_carries_client_id
check "building with a client_id changed no file of the source tree" \
    test "$(git status --porcelain --untracked-files=all)" = "$tree_before"

refuses_client_id() {
    ! packaging/stage.sh --configuration "$configuration" --prefix /opt/pp --destdir "$work/refused" --client-id "$1" \
        >/dev/null 2>&1 && test ! -e "$work/refused"
}
check "stage.sh refuses a client_id with a space" refuses_client_id "two words"
check "stage.sh refuses a client_id with a quote" refuses_client_id 'app"id'
check "stage.sh refuses a client_id longer than its slot" refuses_client_id "$(printf 'x%.0s' {1..256})"
make_refuses_secret() {
    local output
    if output=$(make --no-print-directory -n deb CLIENT_SECRET=not-for-binaries 2>&1); then return 1; fi
    grep -q "never built in" <<<"$output" && ! grep -q not-for-binaries <<<"$output"
}
check "make refuses a client secret without repeating it" make_refuses_secret

# What each package ships, for the record (CI's log is where a release's file lists are read).
echo "== $(basename "$deb"): files"
dpkg-deb -c "$deb" | awk '$NF !~ /\/$/ {print $1, $NF}' | sed 's| \./| /|'
echo "== $(basename "$deb"): depends: $(dpkg-deb -f "$deb" Depends)"
echo "== $(basename "$rpm"): files"
rpm -qp --qf '[%{FILEMODES:perms} %{FILENAMES}\n]' "$rpm" | grep -v '^d'
echo "== $(basename "$rpm"): requires: $(rpm -qp --requires "$rpm" | tr '\n' ' ')"
echo "== $(basename "$pkg"): files"
bsdtar -tvf "$pkg" | awk '$1 !~ /^d/ && $NF !~ /^\./ {print $1, "/" $NF}'
echo "== $(basename "$pkg"): depends: $(pkginfo depend | tr '\n' ' ')"

finish_checks "All Fedora and Arch packaging checks passed."
