#!/usr/bin/env python3
"""Times scikit-bio's PERMANOVA or ANOSIM on a distance matrix, for bench/compare/permanova-side-by-side.sh.

Usage: permutation_skbio.py DM.lsmat METADATA.tsv COLUMN permanova|anosim PERMUTATIONS
Prints the seconds spent in the call (reading the matrix is not timed), the statistic and the p-value.
"""
import sys
import time

import pandas as pd
from skbio import DistanceMatrix
from skbio.stats.distance import anosim, permanova

dm_path, metadata_path, column, test, permutations = sys.argv[1:6]
dm = DistanceMatrix.read(dm_path)
metadata = pd.read_csv(metadata_path, sep="\t", index_col=0, dtype=str)
grouping = metadata.loc[list(dm.ids), column]
method = permanova if test == "permanova" else anosim
start = time.perf_counter()
result = method(dm, grouping, permutations=int(permutations))
elapsed = time.perf_counter() - start
print(f"{elapsed:.3f}\t{result['test statistic']:.12g}\t{result['p-value']:.6g}")
