package se.lots.kaa;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Letters as one A4 PDF, a letter per page: the municipality's sender block, the recipient's address block and the
 * text. The page is the Thymeleaf template {@code kaa/letter-pdf}, written as XHTML because openhtmltopdf parses
 * XML.
 */
@Component
class LetterPdf {

    /**
     * The PDF base fonts cover å, ä and ö but not every name (ł, ş, đ …); DejaVu Sans does, so it is embedded when the
     * machine has it (Debian's fonts-dejavu-core).
     */
    private static final List<File> FONTS = List.of(new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            new File("/usr/share/fonts/TTF/DejaVuSans.ttf"));
    private static final List<File> BOLD_FONTS = List.of(
            new File("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
            new File("/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"));

    private final ITemplateEngine thymeleaf;

    LetterPdf(ITemplateEngine thymeleaf) {
        this.thymeleaf = thymeleaf;
    }

    byte[] render(String municipality, LetterSender sender, LocalDate date, List<RenderedLetter> letters) {
        var context = new Context(Locale.forLanguageTag("sv"));
        context.setVariable("municipality", municipality);
        context.setVariable("sender", sender);
        context.setVariable("date", date);
        context.setVariable("letters", letters);
        String xhtml = thymeleaf.process("kaa/letter-pdf", context);
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
