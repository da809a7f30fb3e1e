package nl.plein.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF a browser printed, read back with PDFBox: every page must be A4 (595 × 842 pt); its text
 * comes with every run of white space as one space, since table cells and headings wrap over lines.
 */
public record A4Pdf(int pages, String text) {
    public static A4Pdf read(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                assertEquals(595, page.getMediaBox().getWidth(), 1.5, "A4 width in points");
                assertEquals(842, page.getMediaBox().getHeight(), 1.5, "A4 height in points");
            }
            return new A4Pdf(document.getNumberOfPages(),
                    new PDFTextStripper().getText(document).replaceAll("\\s+", " "));
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF cannot be read", e);
        }
    }
}
