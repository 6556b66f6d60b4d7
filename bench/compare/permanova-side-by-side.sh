#!/usr/bin/env bash
# Times `osteobiome stats permanova|anosim` against scikit-bio on the same Bray–Curtis matrix, checks that the
# statistics agree, and prints one table. Installs Debian's python3-skbio and python3-h5py when missing (needs root).
# Usage: bench/compare/permanova-side-by-side.sh [SAMPLES]   (default 5000; RUNS=3 repetitions, medians)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${WORK:-$(mktemp -d)}"
n=${1:-5000}
runs=${RUNS:-3}
py=/usr/bin/python3
"$here/ensure-peers.sh" python3-skbio python3-h5py

source "$here/timing.sh"

"$root/osteobiome" --version > /dev/null   # build once, outside the timings
"$root/osteobiome" table generate --samples "$n" --features 2000 --seed 1 --out "$work/table.biom" > /dev/null
"$root/osteobiome" diversity beta "$work/table.biom" --metric braycurtis --no-progress --out "$work/bc.tsv" 2> /dev/null
"$root/osteobiome" diversity beta "$work/table.biom" --metric braycurtis --no-progress --out "$work/bc.h5" 2> /dev/null
$py - "$work/bc.tsv" "$work/metadata.tsv" <<'PY'
import random, sys
random.seed(1)
ids = open(sys.argv[1]).readline().rstrip("\n").split("\t")[1:]
with open(sys.argv[2], "w") as f:
    f.write("sample-id\tgroup\n")
    for i in ids:
        f.write(f"{i}\t{random.choice('abc')}\n")
PY

echo -e "samples\ttest\ttool\tmedian_seconds\tstatistic\tp_value"
for test in permanova anosim; do
  declare -A times=()
  for r in $(seq "$runs"); do   # the tools alternate, so that a slow spell of the machine hits all of them
    for input in h5 tsv; do
      for threads in 1 2; do
        times["$input $threads"]+="$(seconds "$root/osteobiome" stats "$test" "$work/bc.$input" --metadata "$work/metadata.tsv" \
            --column group --seed 1 --threads "$threads" --no-progress) "
      done
    done
    skbio_out=$($py "$here/permutation_skbio.py" "$work/bc.tsv" "$work/metadata.tsv" group "$test" 999)
    times[skbio]+="$(cut -f1 <<< "$skbio_out") "
  done
  ours=$("$root/osteobiome" stats "$test" "$work/bc.h5" --metadata "$work/metadata.tsv" --column group --seed 1 --no-progress)
  statistic=$(awk -F'\t' '$1 == "statistic" {print $2}' <<< "$ours")
  p=$(awk -F'\t' '$1 == "p_value" {print $2}' <<< "$ours")
  skbio_statistic=$(cut -f2 <<< "$skbio_out")
  $py -c "import sys; a, b = $statistic, $skbio_statistic; sys.exit(0 if abs(a - b) <= 1e-9 * max(1, abs(b)) else f'$test statistics differ: {a} vs {b}')"
  for input in h5 tsv; do
    for threads in 1 2; do
      t=$(median <<< "${times["$input $threads"]}")
      echo -e "$n\t$test\tosteobiome, $input input, --threads $threads (whole command)\t$t\t$statistic\t$p"
    done
  done
  t=$(median <<< "${times[skbio]}")
  echo -e "$n\t$test\tscikit-bio $($py -c 'import skbio; print(skbio.__version__)') (call only)\t$t\t$skbio_statistic\t$(cut -f3 <<< "$skbio_out")"
  unset times
done
echo "work folder: $work" >&2
