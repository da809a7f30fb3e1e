#!/usr/bin/env python3
"""Second opinion on the neighbour lists that reference.R wrote, from PySAL (libpysal 4.7).

Run from this directory, after reference.R, with a Python that has libpysal, numpy and scipy:

    python3 cross_check.py

It writes nothing: it checks that libpysal's queen contiguity of polygons.csv, its distance band
on the grid and its k nearest neighbours of points.csv agree with spdep's lists, and prints OK.
(libpysal's KNN breaks distance ties in no stated order, so tied units are skipped there.)
"""
import csv
from collections import defaultdict

import libpysal
from libpysal.io.iohandlers.wkt import WKTParser


def rows(name):
    with open(name, newline="") as f:
        return list(csv.DictReader(f))


def edges(name):
    out = defaultdict(set)
    for r in rows(name):
        out[int(r["id"])].add(int(r["neighbour"]))
    return out


def same(label, ids, pysal_neighbours, expected, skip=()):
    for i, unit in enumerate(ids):
        if unit in skip:
            continue
        got = {ids[j] for j in pysal_neighbours[i]}
        assert got == expected.get(unit, set()), (label, unit, got, expected.get(unit))
    print("OK", label)


polygons = rows("polygons.csv")
pids = [int(r["id"]) for r in polygons]
parse = WKTParser()
shapes = [parse(r["wkt"]) for r in polygons]
queen = libpysal.weights.Queen.from_iterable(shapes, ids=list(range(len(shapes))))
same("queen contiguity of the polygons", pids, queen.neighbors, edges("polygons-queen-nb.csv"))

grid = rows("grid-values.csv")
gids = [int(r["id"]) for r in grid]
coords = [(float(r["x"]), float(r["y"])) for r in grid]
band = libpysal.weights.DistanceBand(coords, threshold=100, binary=True, ids=list(range(len(grid))),
                                     silence_warnings=True)
same("distance band of the grid", gids, band.neighbors, edges("grid-band-nb.csv"))

points = rows("points.csv")
ptids = [int(r["id"]) for r in points]
knn = libpysal.weights.KNN([(float(r["x"]), float(r["y"])) for r in points], k=3, ids=list(range(len(points))))
expected = {int(r["id"]): {int(r["n1"]), int(r["n2"]), int(r["n3"])} for r in rows("points-knn-expected.csv")}
tied = {int(r["id"]) for r in rows("points-knn-expected.csv") if r["tie"] == "1"}
same("3 nearest neighbours of the points", ptids, knn.neighbors, expected, skip=tied)
