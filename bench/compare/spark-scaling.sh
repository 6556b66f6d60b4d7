#!/usr/bin/env bash
# The Spark engine against the local engine on this machine, 1 and 2 cores: a virtual population and a block-wise
# Bray–Curtis. Prints one TSV; every Spark output is checked against the local engine's in the same run (identical
# quantile table; every distance equal).
# Usage: bench/compare/spark-scaling.sh [SUBJECTS [SAMPLES]]   (defaults 20000 and 10000; RUNS=3, OUT=folder)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/timing.sh"
subjects=${1:-20000}
samples=${2:-10000}
runs=${RUNS:-3}
out="${OUT:-$(mktemp -d)}"
mkdir -p "$out"
cli="$root/osteobiome"
vpop=(vpop gut-bone-axis --scenario menopause-natural --variability human-variability.tsv --observables bmd_pct --step 365 --rtol 1e-6
      --n "$subjects")
"$cli" --version > /dev/null                                   # builds the app
"$cli" vpop gut-bone-axis --n 1 --variability human-variability.tsv --engine spark > /dev/null 2>&1   # and the spark module
"$cli" table generate --samples "$samples" --features 2000 --seed 1 --out "$out/table.biom" > /dev/null
cp="$root/spark/target/osteobiome-spark.jar:$(cat "$root/spark/target/classpath-runtime.txt"):$(cat "$root/spark/target/classpath-spark.txt")"

printf 'workload\tengine\tcores\tmedian s\tcore-ms per item\toutput\n'
per_item() { echo "scale=4; $1 * $2 * 1000 / $3" | bc -l | awk '{printf "%.3g", $1}'; }

"$cli" "${vpop[@]}" --threads 2 > "$out/vpop-reference.tsv" 2> /dev/null
for cores in 1 2; do
  for engine in local spark; do
    times=""
    for _ in $(seq "$runs"); do
      times+=" $(seconds "$cli" "${vpop[@]}" --threads "$cores" --engine "$engine" --out "$out/vpop-$engine-$cores.tsv")"
    done
    cmp -s "$out/vpop-reference.tsv" "$out/vpop-$engine-$cores.tsv" && same="identical" || same="DIFFERS"
    m=$(echo "$times" | median)
    printf 'vpop, %s women × 20 y (per woman)\t%s\t%s\t%s\t%s\t%s\n' "$subjects" "$engine" "$cores" "$m" "$(per_item "$m" "$cores" "$subjects")" "$same"
    [ "$same" = identical ] || exit 1
  done
done

pairs=$(( samples * (samples - 1) / 2 ))
for cores in 1 2; do
  times=""
  for _ in $(seq "$runs"); do
    times+=" $(seconds "$cli" diversity beta "$out/table.biom" --metric braycurtis --threads "$cores" --out "$out/bc-local-$cores.h5" --no-progress)"
  done
  m=$(echo "$times" | median)
  printf 'Bray–Curtis, %s samples (per 1,000 pairs)\tlocal (HDF5 out)\t%s\t%s\t%s\t%s\n' "$samples" "$cores" "$m" "$(per_item "$m" "$cores" "$(( pairs / 1000 ))")" "reference"
  times=""
  for _ in $(seq "$runs"); do
    rm -rf "$out/bc-spark-$cores"
    times+=" $(seconds "$cli" diversity beta "$out/table.biom" --metric braycurtis --threads "$cores" --engine spark --out "$out/bc-spark-$cores" --no-progress)"
  done
  java $(cat "$root/spark/target/classes/spark-jvm.options") -cp "$cp" org.osteobiome.spark.BetaJob "$out/bc-spark-$cores" "$samples" "$out/bc-spark-$cores.h5" 2> /dev/null
  /usr/bin/python3 "$here/matrices_agree.py" "$out/bc-local-$cores.h5" "$out/bc-spark-$cores.h5" 0 > /dev/null && same="every distance equal" || same="DIFFERS"
  m=$(echo "$times" | median)
  printf 'Bray–Curtis, %s samples (per 1,000 pairs)\tspark (Parquet blocks)\t%s\t%s\t%s\t%s\n' "$samples" "$cores" "$m" "$(per_item "$m" "$cores" "$(( pairs / 1000 ))")" "$same"
  [ "$same" = "every distance equal" ] || exit 1
done
echo "work folder: $out" >&2
