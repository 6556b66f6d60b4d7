#!/usr/bin/env bash
# Times `map build` (elastic net and random forest, 5 × 5-fold nested CV) on 1,000 simulated women × 2,000 taxa and
# `map score` of one sample, as whole commands, three runs each; prints the medians. Inputs are regenerated with
# fixed seeds under a temporary folder. Usage: bench/map-build.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ob="$root/osteobiome"
runs="${1:-3}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$ob" table generate --samples 300 --features 2000 --concentration 1 --seed 1 --out "$tmp/gen.biom" > /dev/null
# six planted shifts of ±1 log2 on the first six features of the generated table
ids=$("$ob" table convert "$tmp/gen.biom" --to tsv --out "$tmp/gen.tsv" > /dev/null; awk -F'\t' '!/^#/ && n < 6 {print $1; n++}' "$tmp/gen.tsv")
{ printf 'taxon\tlog2_fold_change\n'; i=0; for id in $ids; do i=$((i + 1)); if [ $((i % 2)) = 0 ]; then s=1; else s=-1; fi; printf '%s\t%s\n' "$id" "$s"; done; } > "$tmp/eff.tsv"
"$ob" cohort simulate --base "$tmp/gen.biom" --n 1000 --effects "$tmp/eff.tsv" --seed 2 --out "$tmp/big" > /dev/null
"$ob" cohort simulate --base "$tmp/gen.biom" --n 1 --effects "$tmp/eff.tsv" --seed 3 --out "$tmp/one" > /dev/null
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
time_it() { local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }
for what in build score; do
  for r in $(seq "$runs"); do
    if [ "$what" = build ]; then
      time_it "$ob" map build --table "$tmp/big/table.tsv" --metadata "$tmp/big/metadata.tsv" --group-column bone_status \
        --healthy normal --covariates age,bmi --seed 1 --no-progress --out "$tmp/big.osmap"
    else
      time_it "$ob" map score --map "$tmp/big.osmap" --sample "$tmp/one/table.tsv" --out "$tmp/one.json"
    fi
  done | median | xargs printf "map %s: median %s s over $runs runs\n" "$what"
done
"$ob" map show "$tmp/big.osmap" | grep -E '^(taxa|cv_auroc|forest_cv_auroc)'
