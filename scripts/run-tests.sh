#!/usr/bin/env bash
# Runs the test command given as arguments so that a stuck test names itself:
# - its output is line-buffered (piped, Swift Testing's output otherwise waits in a 4 KiB buffer, and a run
#   killed from outside loses the lines that say which test was running);
# - a watchdog ends it after PUNCHPLAY_TEST_TIME_LIMIT seconds (default 2700: the whole suite takes about
#   6 minutes), first printing the processes still running, so a hang fails with a diagnosis instead of
#   running into CI's own limit.
set -uo pipefail
limit="${PUNCHPLAY_TEST_TIME_LIMIT:-2700}"

stdbuf -oL -eL "$@" &
tests=$!

(
    trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
    sleep "$limit" &
    sleeper=$!
    wait "$sleeper"
    echo "run-tests: the tests were still running after $limit s; stopping them. Processes left:" >&2
    ps --ppid 2 -p 2 --deselect -o pid,ppid,etime,stat,args --forest >&2
    pkill -TERM -P "$tests"
    kill -TERM "$tests"
) &
watchdog=$!

wait "$tests"
status=$?
kill "$watchdog" 2>/dev/null
wait "$watchdog" 2>/dev/null
exit "$status"
