package se.lots.intervention.catalogue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

import se.lots.intervention.Need;
import se.lots.intervention.Provider;
import se.lots.intervention.coverage.CoverageCell;
import se.lots.intervention.coverage.CoverageMatrix;

/** The catalogue and the coverage map as xlsx (fastexcel), in the layout {@link CatalogueColumn} describes. */
final class CatalogueWorkbook {

    static final Locale SWEDISH = Locale.forLanguageTag("sv");
    static final String MARK = "x";

    private CatalogueWorkbook() {
    }

    /** One row per intervention; texts (kind, party, eligibility) in Swedish so that the file reads back. */
    static byte[] catalogue(List<Intervention> interventions, List<Need> needs, Map<Long, Provider> providers,
            MessageSource messages) {
        var out = new ByteArrayOutputStream();
        try {
            var workbook = new Workbook(out, "Lots", "1.0");
            Worksheet sheet = workbook.newWorksheet("Insatser");
            int c = 0;
            for (CatalogueColumn col : CatalogueColumn.BEFORE_NEEDS) {
                header(sheet, c++, col.header);
            }
            for (Need n : needs) {
                header(sheet, c++, n.name());
            }
            for (CatalogueColumn col : CatalogueColumn.AFTER_NEEDS) {
                header(sheet, c++, col.header);
            }
            int r = 1;
            for (Intervention i : interventions) {
                Provider p = providers.get(i.providerId());
                c = 0;
                sheet.value(r, c++, i.id());
                sheet.value(r, c++, i.providerName());
                sheet.value(r, c++, sv(messages, "partyType." + i.partyType().name()));
                sheet.value(r, c++, i.name());
                sheet.value(r, c++, sv(messages, "intervention.kind." + i.kind().name()));
                text(sheet, r, c++, i.targetGroup());
                sheet.value(r, c++, i.ageMin());
                sheet.value(r, c++, i.ageMax());
                for (Need n : needs) {
                    boolean has = i.needs().stream().anyMatch(x -> x.id() == n.id());
                    text(sheet, r, c++, has ? MARK : null);
                }
                text(sheet, r, c++, i.eligibility().stream().map(e -> sv(messages, "intervention.eligibility." + e.name()))
                        .collect(Collectors.joining("; ")));
                text(sheet, r, c++, i.method());
                number(sheet, r, c++, i.durationWeeks());
                number(sheet, r, c++, i.capacity());
                number(sheet, r, c++, i.occupancy());
                number(sheet, r, c++, i.waitingDays());
                text(sheet, r, c++, i.cost());
                text(sheet, r, c++, i.financing());
                text(sheet, r, c++, i.kaaMeasure() ? MARK : null);
                text(sheet, r, c++, String.join("; ", i.municipalityCodes()));
                text(sheet, r, c++, i.validFrom() == null ? null : i.validFrom().toString());
                text(sheet, r, c++, i.validTo() == null ? null : i.validTo().toString());
                text(sheet, r, c++, p == null ? null : p.contactName());
                text(sheet, r, c++, p == null ? null : p.phone());
                text(sheet, r, c++, p == null ? null : p.email());
                text(sheet, r, c++, i.description());
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The coverage map: a row per need, per band the number of interventions and their open places. */
    static byte[] coverage(CoverageMatrix matrix, MessageSource messages, Locale locale) {
        var out = new ByteArrayOutputStream();
        try {
            var workbook = new Workbook(out, "Lots", "1.0");
            Worksheet sheet = workbook.newWorksheet(messages.getMessage("coverage.title", null, locale));
            header(sheet, 0, messages.getMessage("coverage.table.need", null, locale));
            int c = 1;
            for (AgeBand b : matrix.bands()) {
                String band = messages.getMessage("coverage.band", new Object[] { b.label() }, locale);
                header(sheet, c++, band + " – " + messages.getMessage("coverage.col.interventions", null, locale));
                header(sheet, c++, band + " – " + messages.getMessage("coverage.col.open", null, locale));
            }
            int r = 1;
            for (Need n : matrix.needs()) {
                sheet.value(r, 0, n.name());
                c = 1;
                for (AgeBand b : matrix.bands()) {
                    CoverageCell cell = matrix.cell(b, n);
                    sheet.value(r, c++, cell.interventions());
                    sheet.value(r, c++, cell.openPlaces());
                }
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void header(Worksheet sheet, int c, String text) {
        sheet.value(0, c, text);
        sheet.style(0, c).bold().set();
    }

    private static void text(Worksheet sheet, int r, int c, String value) {
        if (value != null && !value.isEmpty()) {
            sheet.value(r, c, value);
        }
    }

    private static void number(Worksheet sheet, int r, int c, Integer value) {
        if (value != null) {
            sheet.value(r, c, value);
        }
    }

    static String sv(MessageSource messages, String key) {
        return messages.getMessage(key, null, SWEDISH);
    }
}
