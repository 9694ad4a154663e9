#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The libFuzzer targets of fuzz/, built with clang + ASan + UBSan in their own folder.
#
#   bash build-aux/fuzz.sh replay [TARGET...]    what CI runs: every committed input once
#   bash build-aux/fuzz.sh explore [TARGET...]   new inputs with a new seed, for a set time
#
# (default TARGET: every fuzz-* target)
#
# replay: each target runs every file of fuzz/corpus/TARGET/ (a minimised corpus) and
#   fuzz/regressions/TARGET/ (every input that ever failed) exactly once, and prints the
#   inputs run and the code edges they reach (cov). No mutation, no time budget, a fixed
#   order: the same verdict and the same edges on every machine and every run. (libFuzzer's
#   "ft" feature count is left out: it moves by one or two between runs of the same inputs
#   while the targets' own execution counts do not — checked with clang's profile counters
#   over runs with address randomisation on.)
# explore: libFuzzer mutates, seeded from the committed corpus, the regressions, tests/data
#   and the test programs' fixture strings (fuzz/make-seeds.py), for LEKH_FUZZ_SECONDS per
#   target; then `-merge=1` adds the inputs that reach new coverage to fuzz/corpus/TARGET/.
#   A crash stops that target: its input is copied to fuzz/regressions/TARGET/ (fix it,
#   add a test, commit both). Run it after every change to src/core: at least 30 minutes
#   per target touched, all of them after a core change.
#
# Environment:
#   LEKH_FUZZ_BUILDDIR   build folder (default _build-fuzz)
#   LEKH_FUZZ_RESULTS    file to append one TAP line per target to (for count-tests.py)
#   LEKH_FUZZ_SECONDS    explore: seconds per target (default 1800)
#   LEKH_FUZZ_SEED       explore: libFuzzer's seed (default: a new one)
#   LEKH_FUZZ_JOBS       explore: targets run side by side (default 1)
#   LEKH_FUZZ_MAX_LEN    explore: largest input in bytes (default 8192)
#   LEKH_FUZZ_TIMEOUT    explore: seconds one input may take before it counts as a hang
#                        (default 30: eight targets sharing two cores starve each other, and a
#                        10-second limit reported inputs that take 0.3-2 s alone as hangs)
#   LEKH_FUZZ_SHARED     explore: 1 also seeds from ../shared/corpus (real articles); the
#                        new inputs are then not merged into fuzz/corpus (nothing of the
#                        shared corpus is copied into the repository), findings still are kept
#   LEKH_SHARED_DIR      the shared folder (default ../shared)
set -uo pipefail

# Everything in a function, read whole before it runs: editing this file while a long
# fuzzing run is going does not derail it.
main() {
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
builddir="${LEKH_FUZZ_BUILDDIR:-$here/_build-fuzz}"
results="${LEKH_FUZZ_RESULTS:-}"
mode="${1:-}"
case "$mode" in
  replay|explore) shift ;;
  *) echo "usage: $0 replay|explore [TARGET...]" >&2; return 2 ;;
esac

fail_setup() {
  echo "fuzz: $*" >&2
  [ -n "$results" ] && echo "not ok - fuzz build: $*" >> "$results"
  exit 1
}

command -v clang >/dev/null 2>&1 || fail_setup "clang is missing (apt-get install clang libclang-rt-14-dev)"

mkdir -p "$builddir"
if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang meson setup "$builddir" "$here" -Dfuzzing=true -Dui=false \
    -Db_sanitize=address,undefined -Db_lundef=false >"$builddir/lekh-setup.log" 2>&1 \
    || { cat "$builddir/lekh-setup.log" >&2; fail_setup "meson setup failed"; }
fi
ninja -C "$builddir" -j2 >"$builddir/lekh-build.log" 2>&1 \
  || { tail -40 "$builddir/lekh-build.log" >&2; fail_setup "build failed"; }

work="$builddir/fuzz"
if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(find "$work" -maxdepth 1 -type f -executable -name 'fuzz-*' -printf '%f\n' | sort)
fi
[ "${#targets[@]}" -gt 0 ] || fail_setup "no fuzz targets were built"

# UBSan findings are crashes; leaks are reported. One locale, one allocator everywhere.
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:abort_on_error=1"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export G_SLICE=always-malloc LC_ALL=C.UTF-8

if [ "$mode" = replay ]; then
  replay_all
else
  explore_all
fi
}

# The figures of libFuzzer's log LOG: "INPUTS COV FT" (? where absent).
log_figures() {
  local log="$1" line inputs cov ft
  line=$(grep -E '^#[0-9]+[[:space:]]+(INITED|DONE|pulse)' "$log" | grep -E 'INITED|DONE' | tail -1)
  inputs=$(sed -n 's/.* corp: \([0-9]*\)\/.*/\1/p' <<<"$line")
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$line")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$line")
  echo "${inputs:-?} ${cov:-?} ${ft:-?}"
}

log_failed() {
  grep -qE '^(==[0-9]+==ERROR|SUMMARY: |.*property failed)' "$1"
}

replay_all() {
  local status=0
  printf '%-20s %7s %7s  %s\n' target inputs cov result
  for target in "${targets[@]}"; do
    replay_one "$target" || status=1
  done
  return $status
}

# Runs every committed input of TARGET once: libFuzzer's -runs=0 executes the folders'
# inputs (unshuffled, by size) and stops before mutating.
replay_one() {
  local target="$1" exe="$work/$1" log="$work/$1.replay.log" rc=0 n_files result
  local dirs=()
  for d in "$here/fuzz/corpus/$target" "$here/fuzz/regressions/$target"; do
    [ -d "$d" ] && dirs+=("$d")
  done
  n_files=$(find "${dirs[@]}" -type f 2>/dev/null | wc -l)
  if [ ! -x "$exe" ]; then
    echo "$target: not built" >&2
    [ -n "$results" ] && echo "not ok - fuzz $target: not built" >> "$results"
    return 1
  fi
  if [ "$n_files" -eq 0 ]; then
    echo "$target: no committed inputs in fuzz/corpus/$target or fuzz/regressions/$target" >&2
    [ -n "$results" ] && echo "not ok - fuzz $target: no committed inputs" >> "$results"
    return 1
  fi
  # No -max_len: an input is never cut. Timeouts and memory limits only catch hangs.
  "$exe" -runs=0 -seed=1 -shuffle=0 -timeout=60 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/replay-$target-" "${dirs[@]}" >"$log" 2>&1 || rc=$?
  read -r inputs cov ft < <(log_figures "$log")
  if [ "$rc" -eq 0 ] && ! log_failed "$log"; then result=ok; else result=FAILED; fi
  printf '%-20s %7s %7s  %s\n' "$target" "$n_files" "$cov" "$result"
  if [ "$result" != ok ]; then
    grep -E 'property failed|ERROR:|SUMMARY:|Test unit written|^Running:' "$log" | head -8 | sed 's/^/    /'
    echo "    full log: $log"
  fi
  if [ -n "$results" ]; then
    local line="fuzz $target: replayed $n_files committed inputs, $cov edges"
    if [ "$result" = ok ]; then echo "ok - $line" >> "$results"; else echo "not ok - $line" >> "$results"; fi
  fi
  [ "$result" = ok ]
}

explore_all() {
  local seconds="${LEKH_FUZZ_SECONDS:-1800}" jobs="${LEKH_FUZZ_JOBS:-1}"
  local shared="${LEKH_SHARED_DIR:-$here/../shared}" seeds="$work/seeds" status=0 running=0
  local seed_args=("$seeds" "$here")
  if [ "${LEKH_FUZZ_SHARED:-0}" = 1 ]; then
    seed_args+=("$shared")
  else
    seed_args+=(/nonexistent)
  fi
  rm -rf "$seeds"
  python3 "$here/fuzz/make-seeds.py" "${seed_args[@]}" --max-len "${LEKH_FUZZ_MAX_LEN:-8192}" 2>/dev/null \
    || fail_setup "cannot build the seed folder"
  echo "fuzz: exploring ${#targets[@]} target(s), $seconds s each, $jobs at a time"
  for target in "${targets[@]}"; do
    explore_one "$target" "$seconds" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
      wait -n || status=1
      running=$((running - 1))
    fi
  done
  while [ "$running" -gt 0 ]; do
    wait -n || status=1
    running=$((running - 1))
  done
  return $status
}

explore_one() {
  local target="$1" seconds="$2" exe="$work/$1" seed="${LEKH_FUZZ_SEED:-}"
  local out="$work/explore-$target" artifacts="$work/artifacts/$target/" log="$work/$1.explore.log"
  local corpus="$here/fuzz/corpus/$target" regressions="$here/fuzz/regressions/$target"
  local rc=0 before after
  [ -n "$seed" ] || seed=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
  [ -x "$exe" ] || { echo "$target: not built" >&2; return 1; }
  rm -rf "$out"
  mkdir -p "$out" "$artifacts" "$corpus" "$regressions"
  "$exe" -seed="$seed" -max_total_time="$seconds" -max_len="${LEKH_FUZZ_MAX_LEN:-8192}" \
    -timeout="${LEKH_FUZZ_TIMEOUT:-30}" -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts" \
    "$out" "$work/seeds" "$corpus" "$regressions" >"$log" 2>&1 || rc=$?
  read -r _ cov ft < <(log_figures "$log")
  local execs
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ "$rc" -ne 0 ] || log_failed "$log"; then
    local unit
    unit=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    echo "$target: FAILED after ${execs:-?} executions (seed $seed), log $log"
    grep -E 'property failed|ERROR:|SUMMARY:' "$log" | head -5 | sed 's/^/    /'
    if [ -n "$unit" ] && [ -f "$unit" ]; then
      cp "$unit" "$regressions/"
      echo "    input kept as fuzz/regressions/$target/$(basename "$unit"): fix it and add a test"
    fi
    return 1
  fi
  if [ "${LEKH_FUZZ_SHARED:-0}" = 1 ]; then
    echo "$target: ok, ${execs:-?} executions in $seconds s (seed $seed), cov $cov ft $ft (not merged: seeded from the shared corpus)"
    return 0
  fi
  before=$(find "$corpus" -type f | wc -l)
  "$exe" -merge=1 -max_len="${LEKH_FUZZ_MAX_LEN:-8192}" -timeout="${LEKH_FUZZ_TIMEOUT:-30}" -rss_limit_mb=2048 \
    "$corpus" "$out" >"$work/$target.merge.log" 2>&1 \
    || { echo "$target: merge failed, see $work/$target.merge.log"; return 1; }
  after=$(find "$corpus" -type f | wc -l)
  echo "$target: ok, ${execs:-?} executions in $seconds s (seed $seed), cov $cov ft $ft;" \
       "fuzz/corpus/$target: $before -> $after inputs"
}

main "$@"
exit $?
