/**
 * Spatial statistics for hot spot maps, in plain Java (METHODS.md §0–§4): neighbour weights
 * ({@link nl.plein.hotspots.SpatialWeights}), Getis–Ord Gi* hot and cold spots
 * ({@link nl.plein.hotspots.GetisOrdGiStar}), global Moran's I ({@link nl.plein.hotspots.MoranGlobal}),
 * local Moran clusters and outliers ({@link nl.plein.hotspots.MoranLocal}) and the
 * Benjamini–Hochberg correction for testing many units at once
 * ({@link nl.plein.hotspots.BenjaminiHochberg}).
 *
 * <p>Every figure follows the published definition and is checked against R's spdep on the same
 * input (see {@code src/test/resources/hotspots/reference.R}). Values are given per unit in the
 * order of the weights' ids; the statistics themselves touch no database.
 *
 * <p>Two analyses run them through the shared kit ({@link nl.plein.analysis.Analyses}):
 * {@link nl.plein.hotspots.HotSpots} (Gi*) and {@link nl.plein.hotspots.Moran} (Moran's I and LISA),
 * over the units {@link nl.plein.hotspots.SpatialUnitStore} reads as
 * {@link nl.plein.hotspots.UnitsAndWeights} asks. {@link nl.plein.hotspots.HotSpotCells} gives the
 * public hot-spot cells of the OGC API.
 */
package nl.plein.hotspots;
