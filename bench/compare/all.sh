#!/usr/bin/env bash
# Runs every side-by-side comparison and rewrites its table in docs/benchmarks.md (between the markers
# <!-- compare:NAME begin --> and <!-- compare:NAME end -->) with the date, the machine and the command.
# Each comparison checks in the same run that the tools' outputs agree and stops the suite if they do not.
# Usage: bench/compare/all.sh   (BETA_SIZES="1000 5000", PERMUTATION_SAMPLES=5000, RUNS=3; OUT=folder keeps the TSVs)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${OUT:-$(mktemp -d)}"
mkdir -p "$out"
machine="$(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ {print $2}') GiB,
$(java -version 2>&1 | head -1)"
machine="${machine//$'\n'/ }"
"$here/ensure-peers.sh" python3-scipy python3-skbio python3-biom-format python3-h5py unifrac-tools bc

compare() {   # NAME COMMAND...: runs one comparison, keeps its TSV, rewrites its table
  local name=$1
  shift
  echo "== $name: $*" >&2
  "$@" > "$out/$name.tsv"
  cat "$out/$name.tsv"
  /usr/bin/python3 "$here/rewrite_table.py" "$root/docs/benchmarks.md" "$name" "$out/$name.tsv" "$(date -u +%F)" "$machine" \
      "bench/compare/${1##*/}${2:+ ${*:2}}"
}

compare beta "$here/beta-side-by-side.sh" ${BETA_SIZES:-1000 5000}
compare permutations "$here/permanova-side-by-side.sh" "${PERMUTATION_SAMPLES:-5000}"
compare islam2021-accuracy "$here/islam2021-side-by-side.sh"
compare stiff-solvers "$here/stiff-solvers-side-by-side.sh"
echo "tables rewritten in docs/benchmarks.md; TSVs in $out" >&2
