#!/usr/bin/env python3
"""Independent reference for KernelDensityReferenceTest (METHODS.md §6, kernel density).

Written for Plein and run once with Python 3.11 and NumPy 1.24 (Debian's python3-numpy). To re-run,
from this directory, with a Python 3 that has NumPy:

    python3 reference.py

It writes, each starting with a '#' comment line:

  fixture.csv           60 seeded points (id, x, y, weight) in metres of EPSG:28992: two clusters,
                        one point of weight 5, one point exactly at a cell centre, one point exactly
                        300 m (the fixed bandwidth) from another cell centre, one point outside the
                        grid's bounds but within reach of it, and two scattered points.
  expected-summary.csv  mean centre, standard distance, median distance, default bandwidth, the
                        points' extent and the default cell size and grid shape for that extent.
  grid-fixed.csv        density per km² at every cell centre with h = 300 m.
  grid-default.csv      the same with the default bandwidth.

Both grids cover (120000, 486000)-(122500, 488000) with 50 m cells: 50 columns x 40 rows, row 0
southernmost. Unlike the Java code, this evaluates every point against every cell centre (no search
window). The Java tests only read the CSV files; Python is not needed at test time.
"""
import csv
import math

import numpy as np

COMMENT = "# written by reference.py in this directory (NumPy, every point against every cell); re-run: python3 reference.py"

rng = np.random.default_rng(20261128)

points = []  # (x, y, weight)
for x, y in zip(rng.normal(120700, 120, 30), rng.normal(486700, 120, 30)):
    points.append((round(float(x), 2), round(float(y), 2), 1.0))
for x, y in zip(rng.normal(121600, 200, 24), rng.normal(487250, 200, 24)):
    points.append((round(float(x), 2), round(float(y), 2), 1.0))
points.append((121100.0, 487000.0, 5.0))   # weighted
points.append((121025.0, 486775.0, 1.0))   # exactly at the centre of cell (20, 15)
points.append((120405.0, 487535.0, 1.0))   # exactly 300 m (180, -240) from the centre of cell (4, 35)
points.append((119900.0, 486500.0, 1.0))   # west of the bounds, within 300 m of the first column
points.append((122300.0, 486200.0, 1.0))   # scattered
points.append((120300.0, 486150.0, 1.0))   # scattered
assert len(points) == 60

x = np.array([p[0] for p in points])
y = np.array([p[1] for p in points])
w = np.array([p[2] for p in points])
n = len(x)

# ArcGIS default bandwidth, unweighted: h = 0.9 min(SD, sqrt(1/ln 2) D_m) n^-0.2
mean_x, mean_y = x.mean(), y.mean()
standard_distance = math.sqrt(np.sum((x - mean_x) ** 2) / n + np.sum((y - mean_y) ** 2) / n)
median_distance = float(np.median(np.sqrt((x - mean_x) ** 2 + (y - mean_y) ** 2)))
default_bandwidth = 0.9 * min(standard_distance, math.sqrt(1 / math.log(2)) * median_distance) * n ** -0.2

# ArcGIS default cell size: min(width, height) / 250 of the extent
min_x, max_x, min_y, max_y = x.min(), x.max(), y.min(), y.max()
default_cell = min(max_x - min_x, max_y - min_y) / 250


def cells(length, size):
    # enough cells to cover the length, ignoring a remainder under 1e-9 cell (rounding only)
    return max(1, math.ceil(length / size - 1e-9))


ORIGIN_X, ORIGIN_Y, CELL, COLUMNS, ROWS = 120000.0, 486000.0, 50.0, 50, 40


def density(h):
    """Quartic kernel at every cell centre, per km²: sum_k w_k 3/(pi h^2) (1 - d^2/h^2)^2 for d < h."""
    cx = ORIGIN_X + (np.arange(COLUMNS) + 0.5) * CELL
    cy = ORIGIN_Y + (np.arange(ROWS) + 0.5) * CELL
    dx = x[:, None, None] - cx[None, None, :]
    dy = y[:, None, None] - cy[None, :, None]
    d2 = dx ** 2 + dy ** 2                               # points x rows x columns
    k = np.where(d2 < h * h, (1 - d2 / (h * h)) ** 2, 0.0)
    return (w[:, None, None] * k).sum(axis=0) * 3 / (math.pi * h * h) * 1e6


def write_grid(name, values):
    with open(name, "w", newline="") as f:
        f.write(COMMENT + "\n")
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["col", "row", "value_per_km2"])
        for row in range(ROWS):
            for col in range(COLUMNS):
                out.writerow([col, row, repr(float(values[row, col]))])


with open("fixture.csv", "w", newline="") as f:
    f.write(COMMENT + "\n")
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["id", "x", "y", "weight"])
    for i, p in enumerate(points):
        out.writerow([i, repr(p[0]), repr(p[1]), repr(p[2])])

summary = {
    "n": n,
    "mean_x": mean_x,
    "mean_y": mean_y,
    "standard_distance": standard_distance,
    "median_distance": median_distance,
    "default_bandwidth": default_bandwidth,
    "extent_min_x": min_x,
    "extent_min_y": min_y,
    "extent_max_x": max_x,
    "extent_max_y": max_y,
    "default_cell_size": default_cell,
    "default_columns": cells(max_x - min_x, default_cell),
    "default_rows": cells(max_y - min_y, default_cell),
}
with open("expected-summary.csv", "w", newline="") as f:
    f.write(COMMENT + "\n")
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["name", "value"])
    for key, value in summary.items():
        out.writerow([key, repr(float(value)) if isinstance(value, (float, np.floating)) else value])

fixed = density(300.0)
assert fixed[35, 4] == 0.0 and fixed[35, 5] > 0.0   # the point at exactly h adds nothing
write_grid("grid-fixed.csv", fixed)
write_grid("grid-default.csv", density(default_bandwidth))
print(f"h = {default_bandwidth!r} m, max {fixed.max():.3f} / {density(default_bandwidth).max():.3f} per km²")
