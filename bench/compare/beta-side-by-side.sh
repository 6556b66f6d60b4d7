#!/usr/bin/env bash
# Times `osteobiome diversity beta` against scikit-bio and Striped UniFrac (ssu) on the same generated tables and
# checks that the matrices agree. Needs Debian's python3-skbio, python3-biom-format and unifrac-tools.
# Usage: bench/compare/beta-side-by-side.sh [SAMPLES...]   (default: 1000 5000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${WORK:-$(mktemp -d)}"
sizes=("${@:-1000 5000}")
[ $# -eq 0 ] && sizes=(1000 5000)
runs=${RUNS:-3}
py=/usr/bin/python3

wall() { # median wall seconds of $runs runs of a command
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n "$(( (runs + 1) / 2 ))p"
}

"$root/osteobiome" --version > /dev/null   # build once, outside the timings
echo -e "samples\tmetric\ttool\tmedian_seconds"
for n in "${sizes[@]}"; do
  table="$work/gen$n.biom"; tree="$work/gen$n.nwk"; vlen="$work/gen$n-vlen.biom"
  "$root/osteobiome" table generate --samples "$n" --features 2000 --seed 1 --out "$table" --tree-out "$tree"
  # ssu needs variable-length id strings; rewrite the table with biom-format.
  $py -c "import biom,h5py,sys; t=biom.load_table('$table'); f=h5py.File('$vlen','w'); t.to_hdf5(f,'bench'); f.close()"
  for metric in braycurtis unweighted_unifrac weighted_normalized_unifrac; do
    for threads in 1 2; do
      t=$(wall "$root/osteobiome" diversity beta "$table" --tree "$tree" --metric "$metric" --threads "$threads" --no-progress \
          --out "$work/ours-$n-$metric.tsv")
      echo -e "$n\t$metric\tosteobiome --threads $threads (whole command)\t$t"
    done
    if [ "$metric" != braycurtis ]; then
      ssu_method=${metric%_unifrac}
      t=$(wall env OMP_NUM_THREADS=1 ssu -i "$vlen" -t "$tree" -m "${ssu_method}_fp64" -o "$work/ssu-$n-$metric.dm")
      echo -e "$n\t$metric\tssu fp64 (whole command)\t$t"
    fi
    if [ "$n" -le 1000 ] || [ "$metric" = braycurtis ]; then
      skbio_metric=$metric; [ "$metric" = weighted_normalized_unifrac ] && skbio_metric=weighted_unifrac
      s=$($py "$here/beta_skbio.py" "$table" "$tree" "$skbio_metric" "$work/skbio-$n-$metric.lsmat")
      echo -e "$n\t$metric\tscikit-bio beta_diversity call only\t$s"
    fi
  done
done
echo "work folder: $work"
