package nl.plein.ogc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The OGC API's HTML pages count in words that agree with the number: one collection, two collections. */
class OgcPagesTest {
    private static FeatureStore.Collection collection(String id) {
        return new FeatureStore.Collection(id, "Proposals", "The public proposals", null, null, null);
    }

    @Test
    void theCollectionsPageSaysOneCollectionAndTwoCollections() {
        String none = OgcPages.collections("/ogc", List.of(), "/ogc/collections?f=json");
        String one = OgcPages.collections("/ogc", List.of(collection("proposals-1")), "/ogc/collections?f=json");
        String two = OgcPages.collections("/ogc", List.of(collection("proposals-1"), collection("variants-1")),
                "/ogc/collections?f=json");
        assertTrue(none.contains("<caption>0 collections</caption>"), none);
        assertTrue(one.contains("<caption>1 collection</caption>"), one);
        assertTrue(two.contains("<caption>2 collections</caption>"), two);
    }
}
