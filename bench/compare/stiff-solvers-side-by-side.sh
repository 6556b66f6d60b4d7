#!/usr/bin/env bash
# Islam et al. 2021, case 2, 28 days on the 0.1-day grid, at each relative tolerance given (atol = rtol / 100):
# osteobiome's solvers (JMH, medians) against SUNDIALS CVODE (BDF, dense, C driver islam2021_cvode.c, in-process
# medians of 201 runs, before and after the JMH session), each with its day-28 error against osteobiome's DP853 (explicit,
# order 8) at rtol 1e-13, which must itself agree with CVODE at rtol 1e-12 to 1e-9. A work-precision table: the last
# column compares each run with the fastest CVODE run that is at least as accurate.
# CVODE also runs at the tolerances in between and beyond (CVODE_TOLERANCES), so that each osteobiome run finds CVODE
# runs of about its accuracy.
# Usage: bench/compare/stiff-solvers-side-by-side.sh [RTOL...]   (default 1e-6 1e-8 1e-10; prints one TSV table)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tolerances=("${@:-1e-6 1e-8 1e-10}")
read -r -a tolerances <<< "${tolerances[*]}"
read -r -a cvode_tolerances <<< "${CVODE_TOLERANCES:-1e-6 1e-7 1e-8 1e-9 1e-10 1e-11 1e-12}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/ensure-peers.sh" gcc libsundials-dev python3-scipy
gcc -O2 -o "$work/cvode" "$here/islam2021_cvode.c" -lsundials_cvode -lsundials_nvecserial -lsundials_sunmatrixdense \
    -lsundials_sunlinsoldense -lm
observables=bone_volume_pct,treg_bone_pct,tgf_beta_fold,wnt10b_fold
ours() {   # SOLVER RTOL ATOL: the day-28 row of osteobiome
  "$root/osteobiome" simulate islam2021-butyrate --set case=2 --t-end 28 --step 28 --solver "$1" --rtol "$2" --atol "$3" \
      --observables "$observables" | tail -1 | cut -f2-
}
ours dp853 1e-13 1e-15 > "$work/reference.tsv"
"$work/cvode" 1e-12 1e-14 0 | tail -1 > "$work/cvode-reference.tsv"
for rtol in "${tolerances[@]}"; do
  for solver in radau5 rodas4 dp853; do ours "$solver" "$rtol" "$(python3 -c "print($rtol / 100)")" > "$work/$solver-$rtol.tsv"; done
done
for rtol in "${cvode_tolerances[@]}"; do
  atol="$(python3 -c "print($rtol / 100)")"
  "$work/cvode" "$rtol" "$atol" 0 | tail -1 > "$work/cvode-$rtol.tsv"
  "$work/cvode" "$rtol" "$atol" 201 2>> "$work/cvode-times-$rtol.txt" > /dev/null
done
list="$(IFS=,; echo "${tolerances[*]}")"
"$root/bench/run.sh" IslamToleranceBenchmark -p rtol="$list" -p atolRatio=1e-2 -rf csv -rff "$work/jmh.csv" \
    > "$work/jmh.log" 2>&1 || { tail -20 "$work/jmh.log" >&2; exit 1; }
for rtol in "${cvode_tolerances[@]}"; do
  "$work/cvode" "$rtol" "$(python3 -c "print($rtol / 100)")" 201 2>> "$work/cvode-times-$rtol.txt" > /dev/null
done

/usr/bin/python3 - "$work" "${tolerances[*]}" "${cvode_tolerances[*]}" <<'PY'
import csv, os, statistics, sys
work, tolerances, cvode_tolerances = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
def row(name):
    return [float(v) for v in open(f"{work}/{name}.tsv").read().split()]
reference = row("reference")
check = max(abs(a - b) / abs(a) for a, b in zip(reference, row("cvode-reference")))
if check > 1e-9:
    sys.exit(f"the two references disagree by {check:.2e} (DP853 at rtol 1e-13, CVODE at 1e-12)")
def error(name):
    return max(abs(a - b) / abs(b) for a, b in zip(row(name), reference))
medians = {}
for r in csv.DictReader(open(f"{work}/jmh.csv")):
    if r["Benchmark"].endswith("twoCycles:p0.50"):
        medians[(r["Param: solver"], float(r["Param: rtol"]))] = float(r["Score"])
rows = []
for rtol in sorted(set(tolerances) | set(cvode_tolerances), key=lambda v: -float(v)):
    path = f"{work}/cvode-times-{rtol}.txt"
    runs = [l.split() for l in open(path) if l.startswith("cvode median")] if os.path.exists(path) else []
    if runs:
        rows.append((rtol, f"CVODE {runs[0][-1]} (BDF, dense, C)", statistics.median(float(r[2]) for r in runs),
                     error("cvode-" + rtol), runs[0][7]))
    for solver in ("radau5", "rodas4", "dp853") if rtol in tolerances else ():
        rows.append((rtol, f"osteobiome {solver}", medians[(solver, float(rtol))], error(solver + "-" + rtol), ""))
cvode = [r for r in rows if r[1].startswith("CVODE")]
print("rtol (atol = rtol/100)\tsolver\tmedian of one 28-day run\tCVODE steps\tlargest day-28 error (relative)"
      "\tCVODE at least as accurate: its time / this one")
for rtol, name, ms, err, steps in rows:
    as_good = [c for c in cvode if c[3] <= err]
    if name.startswith("CVODE"):
        versus = "1"
    elif as_good:
        best = min(as_good, key=lambda c: c[2])
        versus = f"{best[2] / ms:.2f} (CVODE at rtol {best[0]})"
    else:
        versus = "no CVODE run here is as accurate"
    print(f"{rtol}\t{name}\t{ms:.2f} ms\t{steps}\t{err:.1e}\t{versus}")
print(f"# errors against DP853 at rtol 1e-13, which agrees with CVODE at 1e-12 to {check:.1e}; CVODE: median of two"
      " sessions of 201 in-process runs around the JMH session; osteobiome: JMH p50")
PY
