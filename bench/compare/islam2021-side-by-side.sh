#!/usr/bin/env bash
# Runs the Islam et al. 2021 model two ways and compares day-28 values case by case:
#   1. osteobiome (Java, Dormand–Prince 8(5,3), rtol 1e-10), through the CLI;
#   2. an independent SciPy script that runs it like the original (odeint/LSODA on the 0.001-day grid).
# Needs python3 with numpy and scipy. Timing of the Java side is in docs/benchmarks.md (JMH); the SciPy
# script prints its own median wall time on standard error.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 "$here/islam2021_scipy.py" "${1:-5}" > "$work/scipy.tsv"
printf 'case\tbone_volume_pct\ttreg_bone_pct\ttgf_beta_fold\twnt10b_fold\n' > "$work/osteobiome.tsv"
for c in 1 2 3 4 5 6 7 8 9; do
  "$root/osteobiome" simulate islam2021-butyrate --set case=$c --t-end 28 --step 28 \
      --observables bone_volume_pct,treg_bone_pct,tgf_beta_fold,wnt10b_fold | tail -1 \
    | awk -v c=$c 'BEGIN{OFS="\t"} {$1=c; print}' >> "$work/osteobiome.tsv"
done
/usr/bin/python3 - "$work/scipy.tsv" "$work/osteobiome.tsv" <<'PY'
import sys
def read(path):
    rows = [l.rstrip("\n").split("\t") for l in open(path) if not l.startswith("#")]
    return rows[0], {r[0]: [float(v) for v in r[1:]] for r in rows[1:]}
header, scipy_rows = read(sys.argv[1])
_, ours = read(sys.argv[2])
worst = 0.0
print("case\t" + "\t".join(f"{h} (scipy | osteobiome)" for h in header[1:]))
for case in sorted(scipy_rows):
    cells = []
    for a, b in zip(scipy_rows[case], ours[case]):
        worst = max(worst, abs(a - b) / max(abs(a), 1e-12))
        cells.append(f"{a:.9g} | {b:.9g}")
    print(case + "\t" + "\t".join(cells))
print(f"largest relative difference: {worst:.2e}")
PY
