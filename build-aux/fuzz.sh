#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets of fuzz/ with clang + ASan + UBSan and runs each for a
# bounded time, seeded from ../shared/corpus and the tests' fixtures.
#
#   bash build-aux/fuzz.sh [TARGET...]      (default: every fuzz-* target)
#
# Environment:
#   LEKH_FUZZ_SECONDS    seconds per target (default 60)
#   LEKH_FUZZ_RUNS       executions per target (default: as many as fit in the seconds);
#                        with LEKH_FUZZ_SEED the run is reproducible: the same inputs in the
#                        same order on every machine (ASLR off, no corpus reloads), the
#                        seconds then only cap a slow machine
#   LEKH_FUZZ_SEED       libFuzzer's random seed (default: a new one each run)
#   LEKH_FUZZ_BUILDDIR   build folder (default _build-fuzz)
#   LEKH_FUZZ_MAX_LEN    largest input in bytes (default 8192)
#   LEKH_FUZZ_RESULTS    file to write one TAP line per target to (for count-tests.py)
#   LEKH_SHARED_DIR      the shared folder with corpus/ (default ../shared)
#
# Prints, per target, the executions and the coverage libFuzzer reached (cov: edges,
# ft: features), and exits 1 when a target crashed, leaked, hung or failed a property.
# Crash inputs are kept in BUILDDIR/fuzz/artifacts/TARGET/; turn each into a test in
# tests/test-hostile.c.
set -uo pipefail

# Everything in a function, read whole before it runs: editing this file while a long
# fuzzing run is going does not derail it.
main() {
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
builddir="${LEKH_FUZZ_BUILDDIR:-$here/_build-fuzz}"
seconds="${LEKH_FUZZ_SECONDS:-60}"
max_len="${LEKH_FUZZ_MAX_LEN:-8192}"
shared="${LEKH_SHARED_DIR:-$here/../shared}"
results="${LEKH_FUZZ_RESULTS:-}"

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
seeds="$work/seeds"
rm -rf "$seeds"
python3 "$here/fuzz/make-seeds.py" "$seeds" "$here" "$shared" --max-len "$max_len" \
  || fail_setup "cannot build the seed corpus"

if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(find "$work" -maxdepth 1 -type f -executable -name 'fuzz-*' -printf '%f\n' | sort)
fi
[ "${#targets[@]}" -gt 0 ] || fail_setup "no fuzz targets were built"

# UBSan findings are crashes; libFuzzer's own ASan options stay (leaks are reported).
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:abort_on_error=1"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export G_SLICE=always-malloc LC_ALL=C.UTF-8

# A reproducible run: a fixed seed and number of executions, no address randomisation
# (pointer hashes would steer the mutations) and no corpus reloads (timing).
repro=()
launch=()
if [ -n "${LEKH_FUZZ_SEED:-}" ]; then
  repro+=(-seed="$LEKH_FUZZ_SEED" -reload=0)
  if setarch "$(uname -m)" -R true >/dev/null 2>&1; then
    launch=(setarch "$(uname -m)" -R)
  else
    echo "fuzz: setarch -R is not allowed here, the run may differ from machine to machine" >&2
  fi
fi
[ -n "${LEKH_FUZZ_RUNS:-}" ] && repro+=(-runs="$LEKH_FUZZ_RUNS")
if [ -n "${LEKH_FUZZ_RUNS:-}" ]; then
  echo "fuzz: ${LEKH_FUZZ_RUNS} executions per target (at most ${seconds} s), seed ${LEKH_FUZZ_SEED:-random}"
fi

status=0
printf '%-18s %11s %7s %11s %7s %12s  %s\n' target executions exec/s cov/edges ft corpus result
for target in "${targets[@]}"; do
  exe="$work/$target"
  log="$work/$target.log"
  corpus="$work/corpus-$target"
  artifacts="$work/artifacts/$target/"
  # A reproducible run starts from the seeds alone.
  [ -n "${LEKH_FUZZ_SEED:-}" ] && rm -rf "$corpus"
  mkdir -p "$corpus" "$artifacts"
  if [ ! -x "$exe" ]; then
    echo "$target: not built" >&2
    [ -n "$results" ] && echo "not ok - fuzz $target: not built" >> "$results"
    status=1
    continue
  fi

  # Seeds are read-only input; new inputs go to the target's own corpus folder.
  rc=0
  "${launch[@]}" "$exe" -max_total_time="$seconds" -print_final_stats=1 -max_len="$max_len" \
    -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$artifacts" "${repro[@]}" \
    "$corpus" "$seeds" >"$log" 2>&1 || rc=$?

  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  units=$(sed -n 's/.* corp: \([0-9]*\/[^ ]*\).*/\1/p' <<<"$last")
  # edges libFuzzer can see: the inline 8-bit counters of the instrumented code
  total=$(sed -n 's/^INFO: Loaded [0-9]* modules *(\([0-9]*\) inline 8-bit counters).*/\1/p' "$log" | head -1)

  if [ "$rc" -eq 0 ] && ! grep -qE '^(==[0-9]+==ERROR|SUMMARY: )' "$log"; then
    result=ok
  else
    result=FAILED
    status=1
  fi
  printf '%-18s %11s %7s %11s %7s %12s  %s\n' "$target" "${execs:-?}" "${speed:-?}" \
    "${cov:-?}/${total:-?}" "${ft:-?}" "${units:-?}" "$result"
  if [ "$result" != ok ]; then
    grep -E 'property failed|ERROR:|SUMMARY:|Test unit written|^artifact_prefix' "$log" | head -8 | sed 's/^/    /'
    echo "    full log: $log"
  fi
  if [ -n "$results" ]; then
    line="fuzz $target: ${execs:-?} executions (${LEKH_FUZZ_RUNS:+${LEKH_FUZZ_RUNS} runs, seed ${LEKH_FUZZ_SEED:-random}, }${seconds} s budget), cov ${cov:-?} of ${total:-?} edges, ft ${ft:-?}"
    if [ "$result" = ok ]; then echo "ok - $line" >> "$results"
    else echo "not ok - $line (crash inputs in $artifacts)" >> "$results"; fi
  fi
done
return $status
}

main "$@"
exit $?
