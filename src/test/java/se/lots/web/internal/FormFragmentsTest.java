package se.lots.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** The form fragments (forms.html, choices.html) render GOV.UK Frontend's markup with fields, errors and hints tied. */
class FormFragmentsTest {

    private static final Locale SV = Locale.forLanguageTag("sv");

    private final SpringTemplateEngine engine = engine();

    private static SpringTemplateEngine engine() {
        var page = new StringTemplateResolver();
        page.setResolvablePatterns(Set.of("<*"));
        page.setOrder(1);
        var files = new ClassLoaderTemplateResolver();
        files.setPrefix("templates/");
        files.setSuffix(".html");
        files.setCheckExistence(true);
        files.setOrder(2);
        var messages = new StaticMessageSource();
        messages.addMessage("error.prefix", SV, "Fel:");
        messages.addMessage("error.formErrors", SV, "Formuläret innehåller fel.");
        messages.addMessage("occupation.WORK", SV, "Arbetar");
        messages.addMessage("occupation.STUDY", SV, "Studerar");
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolvers(Set.of(page, files));
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }

    private String render(String html, Map<String, Object> variables) {
        var context = new Context(SV);
        context.setVariables(variables);
        return engine.process(html, context).replaceAll("\\s+", " ");
    }

    @Test
    void anInputHasItsLabelHintAndWidthAndWithAnErrorIsMarkedAndDescribedByIt() {
        String fine = render("<div th:replace=\"~{forms :: input('address.city', 'Ort', 'Svalöv', 'text', 'Som i folkbokföringen')}\"></div>",
                Map.of());
        String wrong = render("<div th:replace=\"~{forms :: input('visitOn', 'Datum', '', 'date', null)}\"></div>",
                Map.of("errors", Map.of("visitOn", "Ange ett datum")));

        assertThat(fine).contains("<div class=\"govuk-form-group\">", "<label class=\"govuk-label\" for=\"address-city\">Ort</label>",
                "<div id=\"address-city-hint\" class=\"govuk-hint\">Som i folkbokföringen</div>",
                "class=\"govuk-input govuk-input--width-30\"", "id=\"address-city\"", "name=\"address.city\"",
                "value=\"Svalöv\"", "aria-describedby=\"address-city-hint\"", "aria-invalid=\"false\"")
                .doesNotContain("govuk-error-message", "<input type=\"checkbox\"", "<input class=\"govuk-checkboxes");
        assertThat(fine.split("<input", -1)).as("one input, nothing else of the file").hasSize(2);
        assertThat(wrong).contains("class=\"govuk-form-group govuk-form-group--error\"",
                "<p id=\"visitOn-error\" class=\"govuk-error-message field-error\"><span class=\"govuk-visually-hidden\">Fel:</span> Ange ett datum</p>",
                "class=\"govuk-input govuk-input--width-10 govuk-input--error\"", "aria-invalid=\"true\"",
                "aria-describedby=\"visitOn-error\"");
    }

    @Test
    void radiosSitBesideTheirLabelsTheFirstCarriesTheFieldsIdAndTheChosenIsChecked() {
        String html = render("<div th:replace=\"~{choices :: radios('occupation', 'Sysselsättning', ${values}, 'STUDY', 'occupation', 'Välj en')}\"></div>",
                Map.of("values", List.of("WORK", "STUDY"), "errors", Map.of("occupation", "Välj sysselsättning")));

        assertThat(html).contains("<fieldset class=\"govuk-fieldset\" aria-describedby=\"occupation-hint occupation-error\">",
                "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Sysselsättning</legend>",
                "<div class=\"govuk-radios govuk-radios--small\" data-module=\"govuk-radios\">",
                "id=\"occupation\" name=\"occupation\" value=\"WORK\"",
                "<label class=\"govuk-label govuk-radios__label\" for=\"occupation\">Arbetar</label>",
                "<label class=\"govuk-label govuk-radios__label\" for=\"occupation-STUDY\">Studerar</label>",
                "govuk-form-group--error");
        assertThat(html).containsPattern("id=\"occupation-STUDY\" name=\"occupation\" value=\"STUDY\" checked")
                .doesNotContainPattern("value=\"WORK\" checked");
    }

    @Test
    void aCheckboxHasItsLabelBesideItAndTheErrorSummaryLinksToEachField() {
        String box = render("<div th:replace=\"~{choices :: checkbox('interpreterNeeded', 'Behöver tolk', true, null)}\"></div>",
                Map.of());
        String summary = render("<div th:replace=\"~{forms :: errorSummary}\"></div>",
                Map.of("errors", Map.of("address.city", "Ange ort")));

        assertThat(box).containsPattern("<input class=\"govuk-checkboxes__input\" type=\"checkbox\" value=\"true\" "
                + "id=\"interpreterNeeded\" name=\"interpreterNeeded\" checked=\"checked\"> "
                + "<label class=\"govuk-label govuk-checkboxes__label\" for=\"interpreterNeeded\">Behöver tolk</label>");
        assertThat(summary).contains("data-module=\"govuk-error-summary\"", "<div role=\"alert\">",
                "<h2 class=\"govuk-error-summary__title\">Formuläret innehåller fel.</h2>",
                "<a href=\"#address-city\">Ange ort</a>");
    }
}
