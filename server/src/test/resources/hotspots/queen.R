#!/usr/bin/env Rscript
# Independent reference for Plein's queen contiguity between areas (METHODS.md §0.3):
# spdep's poly2nb, which makes two areas neighbours when a boundary vertex of one lies within
# `snap` of a boundary vertex of the other, distances measured in the coordinates it is given.
# Plein measures in the boundary set's metric CRS with a snap of 0.01 m, so this script first
# transforms to that CRS.
#
#     Rscript queen.R FILE CODE-FIELD SRID SNAP OUT.csv
#
# writes OUT.csv with one row "code,neighbour" per directed pair (both directions, in poly2nb's
# order); an island appears in no row. Tested with R 4.2 and spdep 1.2.7, sf 1.0.9 (Debian 12:
# r-cran-spdep, r-cran-sf). Two uses:
#
#   * the committed fixture, from this directory (ContiguityTest reads the result):
#       Rscript queen.R contiguity.geojson code 28992 0.01 contiguity-queen-nb.csv
#   * the CBS wijken of 2024, run by WijkenContiguityTest at test time with the srid of the set
#     Plein made from the file.
#
# Summary figures go to standard error: areas, links (directed pairs) and the islands' codes.
suppressPackageStartupMessages({ library(sf); library(spdep) })
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 5) stop("usage: Rscript queen.R FILE CODE-FIELD SRID SNAP OUT.csv")
areas <- st_transform(st_read(args[1], quiet = TRUE), as.integer(args[3]))
codes <- as.character(areas[[args[2]]])
nb <- poly2nb(st_geometry(areas), queen = TRUE, snap = as.numeric(args[4]))
from <- rep(codes, card(nb))
to <- unlist(lapply(nb, function(v) if (length(v) == 1 && v[1] == 0L) character(0) else codes[v]))
write.csv(data.frame(code = from, neighbour = to), args[5], row.names = FALSE, quote = FALSE)
message("areas ", length(nb), ", links ", sum(card(nb)), ", islands ", sum(card(nb) == 0), ": ",
        paste(codes[card(nb) == 0], collapse = " "))
