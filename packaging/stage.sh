#!/usr/bin/env bash
# Builds punchplay-mpris (Swift runtime linked statically, so only Debian libraries are needed at run time)
# and installs it, stripped, with everything around it under DESTDIR/PREFIX: the binary, the systemd user unit,
# the XDG autostart entry, bash/zsh/fish completions and the man page generated from the command definitions, the
# status icons and the documentation. With --uninstall, removes exactly those files instead.
#
# --client-id ID builds a distributor's public PunchPlay client_id into the installed binary (a client_id in the
# user's configuration still overrides it): every build leaves a 256-byte slot, the ELF section
# .punchplay_client_id (Sources/CBuiltInClientID), empty, and this script writes ID into the installed copy with
# objcopy. Nothing is rebuilt and no tracked file changes. A client secret is never built in.
#
#   packaging/stage.sh [--configuration release|debug] [--prefix /usr/local] [--destdir DIR] [--client-id ID]
#                      [--uninstall]
set -euo pipefail
cd "$(dirname "$0")/.."

configuration=release
prefix=/usr/local
destdir=
uninstall=false
client_id=
while [ $# -gt 0 ]; do
    case "$1" in
    --configuration) configuration=$2; shift 2 ;;
    --client-id) client_id=$2; shift 2 ;;
    --prefix) prefix=${2%/}; shift 2 ;;
    --destdir) destdir=${2%/}; shift 2 ;;
    --uninstall) uninstall=true; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

# Where each kind of file goes for this prefix: the system locations for /usr and /usr/local, the per-user
# XDG locations for a prefix inside the home directory (e.g. ~/.local), which systemd and the shells search.
bindir=$prefix/bin
datadir=$prefix/share
case "$prefix" in
"$HOME"/*)
    unitdir=$datadir/systemd/user
    autostartdir=${XDG_CONFIG_HOME:-$HOME/.config}/autostart
    zshdir=$datadir/zsh/site-functions
    ;;
/usr)
    unitdir=$prefix/lib/systemd/user
    autostartdir=/etc/xdg/autostart
    zshdir=$datadir/zsh/vendor-completions
    ;;
*)
    unitdir=$prefix/lib/systemd/user
    autostartdir=/etc/xdg/autostart
    zshdir=$datadir/zsh/site-functions
    ;;
esac
# The status icons (theme names punchplay-mpris, -reporting, -attention, -paused), which the tray shows.
icons=()
for icon in packaging/icons/hicolor/scalable/apps/*.svg; do
    icons+=("$datadir/icons/hicolor/scalable/apps/${icon##*/}")
done
files=(
    "$bindir/punchplay-mpris"
    "$unitdir/punchplay-mpris.service"
    "$autostartdir/punchplay-mpris.desktop"
    "$datadir/bash-completion/completions/punchplay-mpris"
    "$zshdir/_punchplay-mpris"
    "$datadir/fish/vendor_completions.d/punchplay-mpris.fish"
    "$datadir/man/man1/punchplay-mpris.1"
    "${icons[@]}"
    "$datadir/doc/punchplay-mpris/config.example.toml"
    "$datadir/doc/punchplay-mpris/README.md"
)

if $uninstall; then
    for file in "${files[@]}"; do
        rm -fv "$destdir$file"
    done
    rmdir "$destdir$datadir/doc/punchplay-mpris" 2>/dev/null || true
    exit 0
fi

# A client_id is public, but it must fit the slot with its terminating NUL, and be one the configuration would
# accept; the characters OAuth client ids use keep it safe in every message and shell that shows it.
client_id_characters_only() { [ "$(printf '%s' "$1" | LC_ALL=C tr -d 'A-Za-z0-9._~:-' | wc -c)" -eq 0 ]; }
if [ -n "$client_id" ] && ! { [ ${#client_id} -le 255 ] && client_id_characters_only "$client_id"; }; then
    echo "--client-id must be 1 to 255 letters, digits, '.', '_', '~', ':' or '-'" >&2
    exit 2
fi

# Linked in the order of packaging/code-order.txt: the functions of steady use together (`make code-order`).
binary=$(packaging/static-build.sh punchplay-mpris --configuration "$configuration" \
    --code-order packaging/code-order.txt | tail -n 1)
swift build --product generate-manual
manual_tool="$(swift build --show-bin-path)/generate-manual"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$manual_tool" "$binary" --output-directory "$work" --date "$(date -u -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}" +%Y-%m-%d)"

# The installed binary is stripped: its debug information and symbol table (most of its size) stay beside the
# build as punchplay-mpris.debug, which the installed binary names in its .gnu_debuglink for debuggers
# (`gdb -ex 'symbol-file .build-static/release/punchplay-mpris.debug' ...` when it is not found by itself).
objcopy --only-keep-debug "$binary" "$binary.debug"
install -D -m 0755 "$binary" "$destdir$bindir/punchplay-mpris"
objcopy --strip-all --add-gnu-debuglink="$binary.debug" "$destdir$bindir/punchplay-mpris"
if [ -n "$client_id" ]; then
    slot_size=$(objdump --section-headers "$binary" | awk '$2 == ".punchplay_client_id" { print $3 }')
    [ -n "$slot_size" ] || { echo "$binary has no .punchplay_client_id section" >&2; exit 1; }
    printf '%s' "$client_id" >"$work/client-id"
    truncate --size $((16#$slot_size)) "$work/client-id"
    objcopy --update-section ".punchplay_client_id=$work/client-id" "$destdir$bindir/punchplay-mpris"
    "$destdir$bindir/punchplay-mpris" --version | grep -qF "client id: $client_id (built in by the distributor" || {
        echo "the installed binary does not report the built-in client_id" >&2
        exit 1
    }
fi
sed "s|@BINDIR@|$bindir|g" packaging/punchplay-mpris.service.in >"$work/punchplay-mpris.service"
sed "s|@BINDIR@|$bindir|g" packaging/punchplay-mpris.desktop.in >"$work/punchplay-mpris.desktop"
install -D -m 0644 "$work/punchplay-mpris.service" "$destdir$unitdir/punchplay-mpris.service"
install -D -m 0644 "$work/punchplay-mpris.desktop" "$destdir$autostartdir/punchplay-mpris.desktop"
"$binary" --generate-completion-script bash >"$work/bash"
"$binary" --generate-completion-script zsh >"$work/zsh"
"$binary" --generate-completion-script fish >"$work/fish"
install -D -m 0644 "$work/bash" "$destdir$datadir/bash-completion/completions/punchplay-mpris"
install -D -m 0644 "$work/zsh" "$destdir$zshdir/_punchplay-mpris"
install -D -m 0644 "$work/fish" "$destdir$datadir/fish/vendor_completions.d/punchplay-mpris.fish"
install -D -m 0644 "$work/punchplay-mpris.1" "$destdir$datadir/man/man1/punchplay-mpris.1"
install -D -m 0644 config/config.example.toml "$destdir$datadir/doc/punchplay-mpris/config.example.toml"
install -D -m 0644 README.md "$destdir$datadir/doc/punchplay-mpris/README.md"
for icon in packaging/icons/hicolor/scalable/apps/*.svg; do
    install -D -m 0644 "$icon" "$destdir$datadir/icons/hicolor/scalable/apps/${icon##*/}"
done
echo "Installed punchplay-mpris under ${destdir:-}$prefix"
