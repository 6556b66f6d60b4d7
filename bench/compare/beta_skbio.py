#!/usr/bin/env python3
"""Times scikit-bio's beta_diversity on a BIOM table, single-threaded, for bench/compare/beta-side-by-side.sh.

Usage: beta_skbio.py TABLE.biom TREE.nwk METRIC OUT.lsmat
METRIC is braycurtis, unweighted_unifrac or weighted_normalized_unifrac (scikit-bio's weighted_unifrac with
normalized=True).
Prints the seconds spent in beta_diversity (the table is loaded before timing starts).
"""
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
import biom  # noqa: E402
from skbio import TreeNode  # noqa: E402
from skbio.diversity import beta_diversity  # noqa: E402

table_path, tree_path, metric, out = sys.argv[1:5]
table = biom.load_table(table_path)
ids = list(table.ids(axis="sample"))
otus = list(table.ids(axis="observation"))
counts = table.matrix_data.toarray().T
kwargs = {}
if "unifrac" in metric:
    kwargs = {"otu_ids": otus, "tree": TreeNode.read(tree_path, convert_underscores=False)}
    counts = counts.astype(int)
if metric == "weighted_normalized_unifrac":
    metric = "weighted_unifrac"
    kwargs["normalized"] = True
start = time.perf_counter()
dm = beta_diversity(metric, counts, ids, **kwargs)
elapsed = time.perf_counter() - start
dm.write(out)
print(f"{elapsed:.3f}")
