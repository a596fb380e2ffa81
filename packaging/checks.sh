# Sourced by the packaging tests: `check DESCRIPTION COMMAND...` runs one check and counts a failure, and
# `finish_checks SUMMARY` ends the test with the count.
failures=0
check() {
    local description=$1
    shift
    if "$@"; then
        echo "ok: $description"
    else
        echo "FAILED: $description" >&2
        failures=$((failures + 1))
    fi
}

finish_checks() {
    if [ "$failures" -ne 0 ]; then
        echo "$failures packaging check(s) failed" >&2
        exit 1
    fi
    echo "$1"
}
