package se.lots.kaa.figures;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import se.lots.reference.MunicipalityCode;

/**
 * Lots' documented layout (docs/kaa.md, "Fil per person till SCB"): UTF-8, semicolons, a header row, CRLF, one row
 * per person. It must be checked against SCB's current instructions before a file is sent.
 */
@Component
class SemicolonScbKaaExporter implements ScbKaaExporter {

    static final List<String> COLUMNS = List.of("kommunkod", "period", "personnummer", "kon", "registreringsdatum",
            "registreringsorsak", "status_periodens_slut", "atgard_erbjuden", "atgard_pagaende",
            "tackat_nej_forsta_atgard", "avslutsdatum", "avslutsorsak");

    @Override
    public String fileName(MunicipalityCode municipalityCode, HalfYear half) {
        return "kaa-" + municipalityCode + "-" + half + ".csv";
    }

    @Override
    public String contentType() {
        return "text/csv;charset=UTF-8";
    }

    @Override
    public byte[] write(List<Row> rows) {
        var sb = new StringBuilder(String.join(";", COLUMNS)).append("\r\n");
        for (Row r : rows) {
            sb.append(String.join(";", List.of(r.municipalityCode().value(), r.half().toString(),
                    text(r.personalIdentityNumber()), gender(r.gender()), date(r.registeredOn()),
                    text(r.registrationReason()), text(r.statusAtEnd()), String.join(",", r.offered()),
                    String.join(",", r.underWay()), r.declinedFirst() == null ? "" : r.declinedFirst() ? "J" : "N",
                    date(r.exitedOn()), text(r.exitReason())))).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String gender(String gender) {
        if (gender == null) {
            return "";
        }
        return switch (gender) {
            case "KVINNA" -> "K";
            case "MAN" -> "M";
            case "ANNAT" -> "A";
            default -> "U";
        };
    }

    // the codes are Lots' own enum names: upper-case letters and underscores, never a separator
    private static String text(String s) {
        return s == null ? "" : s.replace(";", " ").replace("\r", " ").replace("\n", " ");
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
