#!/usr/bin/env python3
"""Independent reference for ParticipationReferenceTest (METHODS.md §8).

Produced once with Python 3 + SciPy (scipy.stats.chi2.ppf); run from this directory:

    python3 reference.py

It writes fixture.csv (40 seeded random areas, two with unknown population) and expected.csv
(per-area rate, ratio and Garwood bounds) and expected-summary.csv (C, P, Gini, Hoover). The Java
tests only read the CSV files; Python is not needed at test time.
"""
import csv
import random

from scipy.stats import chi2

random.seed(20261128)

areas = []
for i in range(1, 41):
    population = random.randint(300, 12000)
    # rates from 0 to ~20 per 1,000, with some empty and some small areas
    participants = 0 if i % 9 == 0 else (random.randint(1, 4) if i % 7 == 0
                                         else round(population * random.uniform(0.5, 20) / 1000))
    areas.append([i, f"BU{i:04d}", f"Buurt {i}", population, participants])
areas[12][3] = None      # unknown: missing
areas[30][3] = -99997    # unknown: CBS sentinel

with open("fixture.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["area_id", "code", "name", "population", "participants"])
    for a in areas:
        w.writerow([a[0], a[1], a[2], "" if a[3] is None else a[3], a[4]])

known = [a for a in areas if a[3] is not None and a[3] > 0]
C = sum(a[4] for a in known)
P = sum(a[3] for a in known)

with open("expected.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["area_id", "rate_per_1000", "ratio", "ratio_lower", "ratio_upper", "representation"])
    for area_id, _, _, p, c in areas:
        if p is None or p <= 0:
            w.writerow([area_id, "", "", "", "", "UNKNOWN"])
            continue
        e = p * C / P
        lower = 0.0 if c == 0 else chi2.ppf(0.025, 2 * c) / 2
        upper = chi2.ppf(0.975, 2 * c + 2) / 2
        lo, up = lower / e, upper / e
        rep = "UNDER" if up < 1 else ("OVER" if lo > 1 else "WITHIN")
        w.writerow([area_id, repr(1000 * c / p), repr(c / e), repr(float(lo)), repr(float(up)), rep])

# Lorenz curve over areas sorted by rate, computed with exact fractions of the sorted cumulative sums
ordered = sorted(known, key=lambda a: (a[4] / a[3], a[0]))
x_prev = y_prev = 0.0
cum_p = cum_c = 0
area_under = 0.0
for a in ordered:
    cum_p += a[3]
    cum_c += a[4]
    x, y = cum_p / P, cum_c / C
    area_under += (x - x_prev) * (y + y_prev)
    x_prev, y_prev = x, y
gini = 1 - area_under
hoover = sum(abs(a[4] / C - a[3] / P) for a in known) / 2

with open("expected-summary.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["name", "value"])
    w.writerow(["participants", C])
    w.writerow(["population", P])
    w.writerow(["participants_all_areas", sum(a[4] for a in areas)])
    w.writerow(["gini", repr(gini)])
    w.writerow(["hoover", repr(hoover)])

# Garwood bounds used by ParticipationTest's hand-checked cases
for c in (0, 1, 5, 10):
    print(c, 0.0 if c == 0 else float(chi2.ppf(0.025, 2 * c) / 2), float(chi2.ppf(0.975, 2 * c + 2) / 2))
