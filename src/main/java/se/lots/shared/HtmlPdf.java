package se.lots.shared;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * XHTML (a Thymeleaf page written as XML, because openhtmltopdf parses XML) to an A4 PDF, with DejaVu Sans embedded
 * when the machine has it: the PDF base fonts cover å, ä and ö but not every name (ł, ş, đ …). Pages use the font
 * family "Letter Sans".
 */
public final class HtmlPdf {

    private static final List<File> FONTS = List.of(new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            new File("/usr/share/fonts/TTF/DejaVuSans.ttf"));
    private static final List<File> BOLD_FONTS = List.of(
            new File("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
            new File("/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"));

    private HtmlPdf() {
    }

    public static byte[] render(String xhtml) {
        var out = new ByteArrayOutputStream();
        try {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            FONTS.stream().filter(File::isFile).findFirst().ifPresent(f -> builder.useFont(f, "Letter Sans", 400,
                    PdfRendererBuilder.FontStyle.NORMAL, true));
            BOLD_FONTS.stream().filter(File::isFile).findFirst().ifPresent(f -> builder.useFont(f, "Letter Sans", 700,
                    PdfRendererBuilder.FontStyle.NORMAL, true));
            builder.withHtmlContent(xhtml, null);
            builder.withProducer("Lots");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
