package se.lots.kaa.letter;

import java.util.List;
import java.util.UUID;

/** One recipient's letter with every merge field filled in; {@code paragraphs} are lists of lines. */
public record RenderedLetter(UUID personId, List<String> addressLines, String heading, List<List<String>> paragraphs) {

    /** Blank lines separate paragraphs, a single line break stays a line break (a signature, an address). */
    static List<List<String>> paragraphs(String text) {
        return java.util.Arrays.stream(text.replace("\r\n", "\n").split("\n\\s*\n"))
                .map(p -> p.lines().map(String::strip).toList()).filter(p -> p.stream().anyMatch(l -> !l.isEmpty())).toList();
    }
}
