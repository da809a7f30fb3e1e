package nl.plein.gisdata.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.plein.gisdata.demo.DemoDataset.Variant;
import nl.plein.gisdata.demo.PeopleGenerator.People;
import org.locationtech.jts.geom.Geometry;

/**
 * Variants: another resident's version of a proposal's drawing (moved, turned, resized), mostly
 * on popular proposals, because that is where people engage enough to redraw.
 */
final class VariantGenerator {

    private static final int ATTEMPTS = 15;

    private final Rng rng;
    private final Frame frame;
    private final People people;
    private final Shapes shapes;

    VariantGenerator(Rng rng, Frame frame, People people) {
        this.rng = rng;
        this.frame = frame;
        this.people = people;
        this.shapes = new Shapes(rng);
    }

    List<Variant> generate(List<Draft> drafts, int count) {
        double[] weights = new double[drafts.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = drafts.get(i).isPublic() ? drafts.get(i).popularity : 0;
        }
        List<Variant> variants = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int index = rng.pickWeighted(weights);
            Draft d = drafts.get(index);
            Geometry geom = reshaped(d);
            if (geom == null) {
                continue; // no fitting variant near the edge of the area; fewer variants is fine
            }
            Instant created = Timeline.after(rng, d.publishedAt, 6, 30 * 24);
            boolean hasShape = d.geom.getDimension() > 0;
            var reason = rng.pick(hasShape && rng.chance(0.6) ? Phrases.VARIANT_RESHAPED : Phrases.VARIANT_MOVED);
            variants.add(new Variant(index, people.pickResident(rng, d.author), "Variant: " + d.title,
                    reason.in(d.english), geom, created));
        }
        variants.sort(Comparator.comparing(Variant::createdAt));
        return variants;
    }

    private Geometry reshaped(Draft d) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Geometry lonLat = frame.toLonLat(shapes.reshape(d.metres, d.plan.scale()));
            if (d.plan.fits(lonLat)) {
                return lonLat;
            }
        }
        return null;
    }
}
