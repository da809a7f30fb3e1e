package nl.plein.photos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The eight EXIF orientations, each against where the EXIF specification puts a stored picture's
 * first two pixels once shown upright (a 4 × 2 picture: red top-left, green beside it).
 */
class UprightTest {
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
        "1, 4, 2, 0, 0, 1, 0",
        "2, 4, 2, 3, 0, 2, 0",
        "3, 4, 2, 3, 1, 2, 1",
        "4, 4, 2, 0, 1, 1, 1",
        "5, 2, 4, 0, 0, 0, 1",
        "6, 2, 4, 1, 0, 1, 1",
        "7, 2, 4, 1, 3, 1, 2",
        "8, 2, 4, 0, 3, 0, 2"})
    void eachOrientationPutsThePixelsWhereTheSpecificationSays(int orientation, int width, int height, int redX,
                                                               int redY, int greenX, int greenY) {
        var stored = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        stored.setRGB(0, 0, 0xff0000);
        stored.setRGB(1, 0, 0x00ff00);
        BufferedImage upright = PhotoEncoder.upright(stored, orientation);
        assertEquals(width, upright.getWidth());
        assertEquals(height, upright.getHeight());
        assertEquals(0xff0000, upright.getRGB(redX, redY) & 0xffffff, "red");
        assertEquals(0x00ff00, upright.getRGB(greenX, greenY) & 0xffffff, "green");
    }
}
