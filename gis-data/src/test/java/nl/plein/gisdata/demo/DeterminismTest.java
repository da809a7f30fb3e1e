package nl.plein.gisdata.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

class DeterminismTest {

    @Test
    void generatingTwiceGivesIdenticalOutput() {
        DemoDataset first = DemoGenerator.generate();
        DemoDataset second = DemoGenerator.generate();
        // Records compare field by field; JTS geometries compare exactly (equalsExact).
        assertEquals(first, second);
        // Belt and braces: the bytes that go to the database are identical too.
        assertArrayEquals(wkb(first), wkb(second));
        assertEquals(first.toString(), second.toString());
    }

    @Test
    void theSeedMatters() {
        assertNotEquals(Datasets.of(DemoGenerator.SEED).proposals(), Datasets.of(1).proposals());
    }

    private static byte[] wkb(DemoDataset data) {
        WKBWriter writer = new WKBWriter(2);
        List<Geometry> all = new ArrayList<>();
        data.areas().forEach(a -> all.add(a.geom()));
        data.projects().forEach(p -> all.add(p.area()));
        data.proposals().forEach(p -> all.add(p.geom()));
        data.variants().forEach(v -> all.add(v.geom()));
        data.comments().stream().filter(c -> c.geom() != null).forEach(c -> all.add(c.geom()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Geometry g : all) {
            out.writeBytes(writer.write(g));
        }
        return out.toByteArray();
    }
}
