package se.lots.kaa.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import se.lots.shared.Validation;

/**
 * Fills a template's {fält} with a recipient's values. Text outside braces is left exactly as written; a brace that
 * names no known field is an error at the time the template is saved, so that a letter never goes out with
 * "{personnummer}" or an empty gap in it.
 */
final class MergeFields {

    private MergeFields() {
    }

    /** The template text with every merge field replaced; a field without a value becomes empty. */
    static String render(String template, Map<MergeField, String> values) {
        var out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            out.append(template, i, open);
            if (close < 0) {
                out.append(template, open, template.length());
                break;
            }
            var field = MergeField.byWord(template.substring(open + 1, close));
            if (field.isPresent()) {
                String value = values.get(field.get());
                out.append(value == null ? "" : value);
            } else {
                out.append(template, open, close + 1);
            }
            i = close + 1;
        }
        return out.toString();
    }

    /** Rejects, on {@code formField}, each brace that names no merge field and a brace left open or not opened. */
    static void check(Validation v, String formField, String template) {
        if (template == null) {
            return;
        }
        var unknown = new ArrayList<String>();
        int open = -1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{') {
                if (open >= 0) {
                    v.reject(formField, "kaa.letter.unclosedField", excerpt(template, open), allowed());
                    return;
                }
                open = i;
            } else if (c == '}') {
                if (open < 0) {
                    v.reject(formField, "kaa.letter.unclosedField", excerpt(template, i), allowed());
                    return;
                }
                String written = template.substring(open + 1, i);
                if (MergeField.byWord(written).isEmpty()) {
                    unknown.add("{" + written + "}");
                }
                open = -1;
            }
        }
        if (open >= 0) {
            v.reject(formField, "kaa.letter.unclosedField", excerpt(template, open), allowed());
        } else if (!unknown.isEmpty()) {
            v.reject(formField, "kaa.letter.unknownField", String.join(", ", unknown), allowed());
        }
    }

    static List<String> placeholders() {
        return java.util.Arrays.stream(MergeField.values()).map(MergeField::placeholder).toList();
    }

    private static String allowed() {
        return String.join(", ", placeholders());
    }

    private static String excerpt(String text, int at) {
        return text.substring(Math.max(0, at - 10), Math.min(text.length(), at + 15)).replace('\n', ' ').strip();
    }
}
