package nl.plein.meetings;

import io.nayuki.qrcodegen.QrCode;

/** A QR code as SVG: one path of unit squares, with the quiet zone the standard asks for. */
final class QrSvg {
    private static final int BORDER = 4;

    private QrSvg() {
    }

    /** The code of {@code text}; {@code title} names it for screen readers (escaped here). */
    static String of(String text, String title) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * BORDER;
        var path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-labelledby=\"t\">"
                + "<title id=\"t\">" + escape(title) + "</title>"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
