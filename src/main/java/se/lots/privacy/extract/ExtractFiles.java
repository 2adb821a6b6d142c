package se.lots.privacy.extract;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import se.lots.privacy.PersonalDataSection;
import se.lots.shared.HtmlPdf;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reviewed extract as the person receives it: a PDF in Swedish (what GDPR art. 15.1 says the person is told,
 * then each register's records) and the same records as JSON. A withheld register's records are left out of both;
 * its name and the reviewer's reason are in.
 */
@Component
class ExtractFiles {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ITemplateEngine templates;
    private final MessageSource messages;

    ExtractFiles(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    byte[] pdf(RegisterExtractService.Case c, String organisationName, LocalDateTime printedAt) {
        var context = new Context(SWEDISH, Map.of("c", c, "organisation", organisationName, "printedAt",
                printedAt.withSecond(0).withNano(0).toString().replace('T', ' ')));
        return HtmlPdf.render(templates.process("privacy/extract-pdf", context));
    }

    byte[] json(RegisterExtractService.Case c, String organisationName, LocalDateTime printedAt) {
        var document = new LinkedHashMap<String, Object>();
        document.put("kind", "registerutdrag");
        document.put("legalBasis", "GDPR art. 15");
        document.put("organisation", organisationName);
        document.put("printedAt", printedAt.withNano(0).toString());
        document.put("preparedAt", c.extract().preparedAt() == null ? null : c.extract().preparedAt().toString());
        var person = new LinkedHashMap<String, Object>();
        person.put("name", c.subject().name());
        person.put("identity", c.subject().identity());
        document.put("person", person);
        var registers = new java.util.ArrayList<Map<String, Object>>();
        for (PersonalDataSection section : c.content()) {
            var register = new LinkedHashMap<String, Object>();
            register.put("register", section.register());
            register.put("name", messages.getMessage("privacy.register." + section.register(), null,
                    section.register(), SWEDISH));
            if (c.withheld(section.register())) {
                register.put("withheld", true);
                register.put("reason", c.reviews().get(section.register()).withheldReason());
            } else {
                register.put("records", section.records());
            }
            registers.add(register);
        }
        document.put("registers", registers);
        return JSON.writeValueAsBytes(document);
    }
}
