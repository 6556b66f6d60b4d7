#!/usr/bin/env python3
"""Replaces one comparison's table in docs/benchmarks.md with a fresh run's TSV, for bench/compare/all.sh.

Usage: rewrite_table.py BENCHMARKS.md NAME RESULT.tsv DATE MACHINE COMMAND
The table goes between the lines <!-- compare:NAME begin --> and <!-- compare:NAME end -->, headed by the date, the
machine and the command; lines of the TSV without a tab (notes such as the largest difference) follow the table.
"""
import sys

doc, name, tsv, date, machine, command = sys.argv[1:7]
begin, end = f"<!-- compare:{name} begin -->", f"<!-- compare:{name} end -->"
text = open(doc, encoding="utf-8").read()
if text.count(begin) != 1 or text.count(end) != 1 or text.index(begin) > text.index(end):
    sys.exit(f"{doc}: expected one '{begin}' followed by one '{end}'; add them around the table to rewrite")
rows, notes = [], []
for line in open(tsv, encoding="utf-8"):
    line = line.rstrip("\n")
    if "\t" in line:
        rows.append([cell.replace("|", "\\|") for cell in line.split("\t")])
    elif line.strip():
        notes.append(line.strip())
if len(rows) < 2:
    sys.exit(f"{tsv}: no results to write (the comparison printed {len(rows)} table lines)")
block = [begin, f"Measured {date} on {machine} with `{command}`.", ""]
block.append("| " + " | ".join(rows[0]) + " |")
block.append("|" + "---|" * len(rows[0]))
block += ["| " + " | ".join(r) + " |" for r in rows[1:]]
if notes:
    block += [""] + notes
block.append(end)
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(doc, "w", encoding="utf-8").write(head + "\n".join(block) + tail)
