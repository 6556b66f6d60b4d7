#!/usr/bin/env python3
"""Checks that two distance matrices agree, for the side-by-side scripts: a faster wrong answer must not pass.

Usage: matrices_agree.py A B TOLERANCE
Each matrix is lsmat text or HDF5 in ssu's layout (datasets order and matrix). The rows and columns of B are put in
A's id order; prints the largest absolute difference and exits 1 when it exceeds TOLERANCE or the ids differ.
"""
import sys

import h5py
import numpy as np


def load(path):
    if h5py.is_hdf5(path):
        with h5py.File(path, "r") as f:
            ids = [i.decode() if isinstance(i, bytes) else str(i) for i in f["order"][:]]
            return ids, np.asarray(f["matrix"][:], dtype=float)
    with open(path) as f:
        lines = [line for line in f if not line.startswith("#")]
    ids = lines[0].rstrip("\n").split("\t")[1:]
    values = np.array([[float(v) for v in line.rstrip("\n").split("\t")[1:]] for line in lines[1:]])
    return ids, values


a_ids, a = load(sys.argv[1])
b_ids, b = load(sys.argv[2])
tolerance = float(sys.argv[3])
if sorted(a_ids) != sorted(b_ids):
    sys.exit(f"the matrices have different ids ({len(a_ids)} and {len(b_ids)})")
position = {s: i for i, s in enumerate(b_ids)}
order = [position[s] for s in a_ids]
difference = float(np.max(np.abs(a - b[np.ix_(order, order)])))
print(f"{difference:.3g}")
if not difference <= tolerance:
    sys.exit(f"{sys.argv[1]} and {sys.argv[2]} differ by {difference:.3g} > {tolerance}")
