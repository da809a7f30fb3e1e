#!/usr/bin/env Rscript
# Independent reference for the nl.plein.hotspots tests (docs: server/METHODS.md §0–§4).
#
# Produced once with R and spdep 1.2.7 (sf for the polygons); run from this directory:
#
#     Rscript reference.R
#
# It writes the fixtures (grid-values.csv, polygons.csv, points.csv and the neighbour lists
# *-nb.csv) and the expected figures (*-expected.csv, *-global.csv, bh.csv). The Java tests only
# read the CSV files; R is not needed at test time. Numbers are written with 17 significant digits.
# NA in a CSV means R gave no number (an island's local Moran z, for example).
# cross_check.py (Python with libpysal 4.7) then checks the neighbour lists against PySAL's.
suppressPackageStartupMessages({ library(spdep); library(sf) })
stopifnot(packageVersion("spdep") == "1.2.7")
set.seed(20261128)
options(digits = 17)
num <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
write_plain <- function(df, file) write.csv(df, file, row.names = FALSE, quote = FALSE)

# Edge list "id,neighbour" from an nb object (one row per directed pair, in nb order).
edges <- function(nb, ids) {
  from <- rep(ids, card(nb))
  to <- unlist(lapply(nb, function(v) if (length(v) == 1 && v[1] == 0L) integer(0) else ids[v]))
  data.frame(id = from, neighbour = to)
}

# Gi* (binary weights, self included), two-sided normal p, BH-adjusted p and ArcGIS Gi_Bin.
gistar <- function(x, nb, prefix) {
  lw <- nb2listw(include.self(nb), style = "B", zero.policy = TRUE)
  z <- as.vector(localG(x, lw, zero.policy = TRUE))
  p <- 2 * pnorm(abs(z), lower.tail = FALSE)
  padj <- p.adjust(p, method = "BH")
  bin <- sign(z) * ifelse(padj < 0.01, 3, ifelse(padj < 0.05, 2, ifelse(padj < 0.10, 1, 0)))
  out <- data.frame(num(z), num(p), num(padj), bin)
  names(out) <- paste0(prefix, c("_gi_z", "_gi_p", "_gi_padj", "_gi_bin"))
  out
}

# Local Moran (row-standardised, spdep's default conditional randomisation variance), BH at 0.05
# and the quadrant of z and its lag ("pysal" column: HH z>0,lag>0; LL <=0,<=0; ...).
lisa <- function(x, nb, prefix) {
  lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
  lm <- localmoran(x, lw, zero.policy = TRUE)
  p <- lm[, 5]
  padj <- p.adjust(p, method = "BH")
  q <- as.character(attr(lm, "quadr")$pysal)
  type <- c("Low-Low" = "LL", "High-High" = "HH", "High-Low" = "HL", "Low-High" = "LH")[q]
  cluster <- ifelse(!is.na(padj) & padj < 0.05, type, "NOT_SIGNIFICANT")
  out <- data.frame(num(lm[, 1]), num(lm[, 2]), num(lm[, 3]), num(lm[, 4]), num(p), num(padj), cluster)
  names(out) <- paste0(prefix, c("_li_i", "_li_e", "_li_var", "_li_z", "_li_p", "_li_padj", "_li_cluster"))
  out
}

# Global Moran (row-standardised), randomisation variance, two-sided; islands left out.
moran_global <- function(x, nb, prefix) {
  keep <- card(nb) > 0
  lw <- nb2listw(subset(nb, keep), style = "W")
  mt <- moran.test(x[keep], lw, randomisation = TRUE, alternative = "two.sided")
  est <- mt$estimate
  data.frame(name = paste0(prefix, c("_n", "_islands", "_i", "_e", "_var", "_z", "_p")),
             value = c(sum(keep), sum(!keep), num(est[1]), num(est[2]), num(est[3]),
                       num(mt$statistic), num(mt$p.value)))
}

## 1. A 10 x 10 grid of 100 m cells: noise, a planted 3 x 3 hot spot and a 3 x 3 cold spot.
nr <- 10; nc <- 10
cells <- expand.grid(col = 0:(nc - 1), row = 0:(nr - 1))   # row-major, as cell2nb numbers cells
ids <- 5000L + sample.int(900L, nr * nc)                     # ids unrelated to position
value <- rnorm(nr * nc, mean = 10, sd = 0.5)
hot <- cells$row %in% 1:3 & cells$col %in% 1:3
cold <- cells$row %in% 6:8 & cells$col %in% 5:7
value[hot] <- value[hot] + 5
value[cold] <- value[cold] - 3
gx <- 100 * cells$col + 50; gy <- 100 * cells$row + 50
write_plain(data.frame(id = ids, row = cells$row, col = cells$col, x = gx, y = gy,
                       value = num(value), hot = as.integer(hot), cold = as.integer(cold)),
            "grid-values.csv")
queen <- cell2nb(nr, nc, type = "queen")
write_plain(edges(queen, ids), "grid-queen-nb.csv")
coords <- cbind(gx, gy)
band <- max(unlist(nbdists(knn2nb(knearneigh(coords, k = 1)), coords)))   # largest NN distance
stopifnot(band == 100)
banded <- dnearneigh(coords, 0, band, bounds = c("GT", "LE"))
write_plain(edges(banded, ids), "grid-band-nb.csv")
write_plain(data.frame(id = ids, gistar(value, queen, "queen"), gistar(value, banded, "band"),
                       lisa(value, queen, "queen")), "grid-expected.csv")
write_plain(rbind(data.frame(name = "band", value = band), moran_global(value, queen, "queen"),
                  moran_global(value, banded, "band")), "grid-global.csv")

## 2. Thirteen irregular polygons: a jittered 4 x 3 tiling (shared edges and corner-only
##    contacts, so queen and rook differ) and one detached island. Queen contiguity by poly2nb.
vx <- outer(0:4 * 100, rep(1, 4)) + matrix(round(runif(20, -30, 30)), 5, 4)
vy <- outer(rep(1, 5), 0:3 * 100) + matrix(round(runif(20, -30, 30)), 5, 4)
vx[1, ] <- 0; vx[5, ] <- 400; vy[, 1] <- 0; vy[, 4] <- 300                # straight outer border
ring <- function(i, j) {
  pts <- rbind(c(vx[i, j], vy[i, j]), c(vx[i + 1, j], vy[i + 1, j]), c(vx[i + 1, j + 1], vy[i + 1, j + 1]),
               c(vx[i, j + 1], vy[i, j + 1]), c(vx[i, j], vy[i, j]))
  st_polygon(list(pts))
}
polys <- list(); for (j in 1:3) for (i in 1:4) polys[[length(polys) + 1]] <- ring(i, j)
polys[[13]] <- st_polygon(list(rbind(c(700, 700), c(760, 690), c(750, 770), c(690, 760), c(700, 700))))
pids <- c(11L, 3L, 27L, 8L, 19L, 2L, 31L, 14L, 6L, 22L, 17L, 9L, 40L)
pvalue <- c(3, 4, 9, 12, 2, 5, 10, 14, 1, 3, 6, 8, 7) + round(rnorm(13, 0, 0.5), 3)
geoms <- st_sfc(polys)
writeLines(c("id,value,wkt", paste0(pids, ",", num(pvalue), ",\"", st_as_text(geoms), "\"")),
           "polygons.csv")
pq <- poly2nb(geoms, queen = TRUE)
write_plain(edges(pq, pids), "polygons-queen-nb.csv")
write_plain(data.frame(id = pids, gistar(pvalue, pq, "queen"), lisa(pvalue, pq, "queen")),
            "polygons-expected.csv")
write_plain(moran_global(pvalue, pq, "queen"), "polygons-global.csv")

## 3. Twelve points for k = 3 nearest neighbours. Point 50's third place is a deliberate tie:
##    90 (listed first) and 15 (listed later) are both at distance sqrt(16400), and the lower id,
##    15, must win. Ties inside the first k (50's 12 and 7; 33's 21 and 61) decide nothing.
pts <- data.frame(
  id = c(50L, 12L, 7L, 33L, 21L, 61L, 4L, 90L, 15L, 72L, 28L, 44L),
  x  = c(0,   30,  -40, 200, 230, 170, 120, 100, -80, 60, 150, 260),
  y  = c(0,   40,  -30, 200, 240, 160, -150, -80, 100, 150, 60, 120))
pts$value <- round(10 + 0.01 * pts$x + rnorm(12, 0, 1), 3)
write_plain(data.frame(id = pts$id, x = pts$x, y = pts$y, value = num(pts$value)), "points.csv")
k <- 3
d <- as.matrix(dist(cbind(pts$x, pts$y)))
knn <- t(sapply(seq_len(nrow(pts)), function(i) {
  others <- setdiff(seq_len(nrow(pts)), i)
  o <- others[order(d[i, others], pts$id[others])]                 # distance, then ascending id
  tie <- d[i, o[k]] == d[i, o[k + 1]]
  c(pts$id[o[1:k]], as.integer(tie))
}))
write_plain(data.frame(id = pts$id, n1 = knn[, 1], n2 = knn[, 2], n3 = knn[, 3], tie = knn[, 4]),
            "points-knn-expected.csv")
knb <- lapply(seq_len(nrow(pts)), function(i) sort(match(knn[i, 1:k], pts$id)))
class(knb) <- "nb"; attr(knb, "region.id") <- as.character(pts$id)
write_plain(moran_global(pts$value, knb, "knn"), "points-global.csv")
# spdep's own k-nearest neighbours agree wherever there is no tie
own <- knearneigh(cbind(pts$x, pts$y), k = k)$nn
for (i in which(knn[, 4] == 0)) stopifnot(setequal(pts$id[own[i, ]], knn[i, 1:k]))

## 4. Benjamini-Hochberg: seeded p-values with ties, tiny values, ones and an NA.
p <- c(runif(40), rep(0.02, 3), 1e-10, 3e-7, 1, 1, 0.5, 0.5, NA)
write_plain(data.frame(p = num(p), adjusted = num(p.adjust(p, method = "BH"))), "bh.csv")
