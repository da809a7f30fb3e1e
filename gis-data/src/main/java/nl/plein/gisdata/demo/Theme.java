package nl.plein.gisdata.demo;

/**
 * What a proposal is about. Projects name their categories in their own words and language
 * ("groen", "trees", "nature"); each category maps to one theme, and the text templates are per theme.
 */
enum Theme {
    GREEN, PLAY, TRAFFIC, STAY, CYCLE, PARKING, WALK, LIGHT, WATER, SPORT
}
