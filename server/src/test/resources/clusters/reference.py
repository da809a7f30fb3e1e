#!/usr/bin/python3
"""Independent reference for ClusterReferenceTest (METHODS.md §5).

Produced once with scikit-learn 1.2 (sklearn.cluster.DBSCAN, Debian's python3-sklearn); run from
this directory with the system Python that has it:

    /usr/bin/python3 reference.py

It writes fixture.csv (seeded points in RD New metres: four blobs of different density, a chain
of points exactly eps apart, a border point between two clusters, scattered noise) and expected.csv
(each point's DBSCAN label, -1 for noise, and whether it is a core point) for eps = 100 m and
min_samples = 5 (a point counts itself, as in PostGIS). Coordinates are whole millimetres, so the
distances that are exactly eps in metres stay so. The Java test only reads the CSV files.
"""
import csv
import random

import numpy as np
from sklearn.cluster import DBSCAN

EPS = 100.0
MIN_POINTS = 5
random.seed(20261128)

points = []


def add(x, y):
    points.append((round(x, 3), round(y, 3)))


# four blobs around a centre in Eindhoven's part of the national grid
for cx, cy, spread, n in [(161000, 383000, 40, 40), (161600, 383100, 70, 35),
                          (160500, 383800, 120, 30), (162300, 384200, 25, 12)]:
    for _ in range(n):
        add(random.gauss(cx, spread), random.gauss(cy, spread))
# a chain of points exactly eps apart, five of them: each inner one has three points within eps
# (itself included), so with minPoints 5 the chain is noise; with 3 it would be one cluster only
# because d <= eps counts
for k in range(5):
    add(163000 + k * EPS, 383000)
# two rows of six points 10 m apart, 190 m from each other, and one point midway: 95 m from the
# nearest point of each row and further from the rest, so it is not core itself (three points
# within eps) but lies within eps of a core point of both clusters: either cluster may take it
for k in range(6):
    add(164000 - k * 10, 383500)
    add(164190 + k * 10, 383500)
add(164095, 383500)
# scattered noise
for _ in range(40):
    add(random.uniform(159500, 165000), random.uniform(382000, 385500))

xy = np.array(points)
model = DBSCAN(eps=EPS, min_samples=MIN_POINTS, metric="euclidean").fit(xy)
core = set(model.core_sample_indices_.tolist())

with open("fixture.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "x", "y"])
    for i, (x, y) in enumerate(points, start=1):
        w.writerow([i, f"{x:.3f}", f"{y:.3f}"])
with open("expected.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "label", "core"])
    for i, label in enumerate(model.labels_.tolist(), start=1):
        w.writerow([i, label, "true" if (i - 1) in core else "false"])
print(len(points), "points,", len(set(model.labels_)) - (1 if -1 in model.labels_ else 0), "clusters,",
      int((model.labels_ == -1).sum()), "noise")
