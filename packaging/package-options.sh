# Sourced by build-deb.sh, build-rpm.sh and build-pkg.sh: the options they share, and the tree they package.
#   [--configuration release|debug] [--client-id ID] [--root DIR] [--output-dir dist]
# --root takes a tree packaging/stage-package.sh staged, so that one staging serves all three packages; without it
# each stages its own, with --client-id built in (see stage.sh).
# Who every package names as its maintainer or packager.
maintainer="punchplay-mpris maintainers <maintainers@users.noreply.r-seed-9ec93484.example>"

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

# Puts the tree to package in the new directory $1: a copy of --root, or a fresh staging.
stage_tree() {
    if [ -n "$staged" ]; then
        mkdir -p "$1" && cp -a "$staged/." "$1/"
    else
        packaging/stage-package.sh --configuration "$configuration" --client-id "$client_id" --root "$1"
    fi
}
