package se.lots.kaa.letter;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import se.lots.shared.HtmlPdf;

/**
 * Letters as one A4 PDF, a letter per page: the municipality's sender block, the recipient's address block and the
 * text. The page is the Thymeleaf template {@code kaa/letter-pdf}, written as XHTML because openhtmltopdf parses
 * XML.
 */
@Component
class LetterPdf {

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
        return HtmlPdf.render(xhtml);
    }
}
