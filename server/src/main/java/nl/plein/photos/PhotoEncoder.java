package nl.plein.photos;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import nl.plein.http.ApiError;

/**
 * Turns an uploaded file into the two JPEG files Plein keeps: it tells the format from the content,
 * refuses what is not whole, reads the pixel size from the header and refuses what is too large
 * before any pixel is decoded (a decompression bomb never allocates), decodes within the
 * {@link DecodeBudget}, turns the picture upright as its EXIF orientation says, and writes new files
 * at display size and thumbnail size. Nothing of the upload but its pixels survives: no EXIF, no GPS,
 * no comments, nothing appended.
 */
public final class PhotoEncoder {
    /** The longest side of the display size and of the thumbnail, in pixels. */
    public static final int DISPLAY = 1600;
    public static final int THUMB = 320;
    private static final float QUALITY = 0.85f;
    private static final String FIELD = "file";

    static {
        // Decode from memory: no cache files in the temporary folder for hostile input to fill.
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    /** The new files and their sizes; {@code digest} is SHA-256 of the display file, in hex. */
    public record Encoded(byte[] display, int width, int height, byte[] thumb, int thumbWidth, int thumbHeight,
                          String digest) {
    }

    private final long maxPixels;
    private final DecodeBudget budget;

    public PhotoEncoder(long maxPixels, long heapBytes) {
        this.maxPixels = maxPixels;
        this.budget = new DecodeBudget(heapBytes);
    }

    public Encoded encode(byte[] file) {
        ImageFormat format = ImageFormat.of(file);
        format.requireWhole(file);
        ImageReader reader = ImageIO.getImageReadersByFormatName(format.readerName).next();
        try (var input = new MemoryCacheImageInputStream(new ByteArrayInputStream(file))) {
            reader.setInput(input, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width < 1 || height < 1 || width * height > maxPixels) {
                throw ApiError.invalid(FIELD, "is " + width + " × " + height + " pixels; at most "
                        + maxPixels / 1_000_000 + " megapixels are taken");
            }
            int step = (int) Math.max(1, Math.max(width, height) / (2L * DISPLAY));
            long decoded = (width / step + 1) * (height / step + 1);
            int cost = budget.cost(file.length, decoded, (long) DISPLAY * DISPLAY);
            int orientation = orientation(format, file);
            return budget.within(cost, () -> {
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                return encode(image, orientation);
            });
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiError apiError) {
                throw apiError;
            }
            throw ApiError.invalid(FIELD, "could not be read as a " + format.name() + " image");
        } finally {
            reader.dispose();
        }
    }

    private static Encoded encode(BufferedImage image, int orientation) throws IOException {
        BufferedImage display = upright(fit(image, DISPLAY), orientation);
        BufferedImage thumb = fit(display, THUMB);
        byte[] displayFile = jpeg(display);
        return new Encoded(displayFile, display.getWidth(), display.getHeight(), jpeg(thumb), thumb.getWidth(),
                thumb.getHeight(), sha256(displayFile));
    }

    /** Scaled down (never up) so its longest side is at most {@code longest}. */
    private static BufferedImage fit(BufferedImage image, int longest) throws IOException {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) longest / Math.max(w, h));
        if (scale == 1.0) {
            return image;
        }
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        return Thumbnails.of(image).forceSize(tw, th).asBufferedImage();
    }

    /**
     * Drawn upright (EXIF orientations 1–8) on white, as plain RGB: transparency flattened, since
     * JPEG has none.
     */
    static BufferedImage upright(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean turned = orientation >= 5 && orientation <= 8;
        var out = new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The EXIF orientation (1–8), 1 when the file has none or it cannot be read. */
    private static int orientation(ImageFormat format, byte[] file) {
        try {
            Metadata metadata = format == ImageFormat.JPEG
                    ? JpegMetadataReader.readMetadata(new ByteArrayInputStream(file), List.of(new ExifReader()))
                    : ImageMetadataReader.readMetadata(new ByteArrayInputStream(file), file.length);
            var directory = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (directory == null || !directory.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return 1;
            }
            int value = directory.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            return value >= 1 && value <= 8 ? value : 1;
        } catch (Exception e) {
            // A damaged EXIF block does not make the photo unusable: it is shown as stored.
            return 1;
        }
    }

    /** A new baseline JPEG with no metadata but the JFIF header. */
    private static byte[] jpeg(BufferedImage image) throws IOException {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4 + 1024);
        try (var output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** How many mebibytes of decoding may run at once (for the benchmark's report). */
    int budgetMebibytes() {
        return budget.total();
    }
}
