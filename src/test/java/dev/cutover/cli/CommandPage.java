package dev.cutover.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A verb's page, {@code docs/commands/<verb>.md}: its text and the exit codes it names. The pages name them in
 * two ways — an {@code Exit:} line ({@code Exit: 0 shown · 2 invalid input · 70 bug.}) or a table with an
 * {@code exit} (or {@code code}) column — and both count; text inside code fences (sample output) does not.
 */
record CommandPage(Path file, String text, Set<Integer> exitCodes) {
    private static final Pattern LEADING_CODE = Pattern.compile("^\\s*(\\d+)");
    // A table cell boundary: a pipe not escaped as \| (a literal pipe inside a cell).
    private static final Pattern CELL = Pattern.compile("(?<!\\\\)\\|");

    static Path of(String verb) {
        return Path.of("docs", "commands", verb + ".md");
    }

    static CommandPage read(Path file) throws IOException {
        String text = Files.readString(file);
        return new CommandPage(file, text, exitCodes(text));
    }

    static Set<Integer> exitCodes(String markdown) {
        Set<Integer> codes = new TreeSet<>();
        List<String> prose = prose(markdown);
        int exitColumn = -1;
        for (int i = 0; i < prose.size(); i++) {
            String line = prose.get(i).strip();
            if (line.startsWith("Exit:")) {
                for (String part : line.substring("Exit:".length()).split("·")) {
                    leadingCode(part, codes);
                }
            }
            if (!line.startsWith("|")) {
                exitColumn = -1;
            } else if (exitColumn >= 0) {
                List<String> cells = cells(line);
                if (exitColumn < cells.size()) {
                    leadingCode(cells.get(exitColumn), codes);
                }
            } else if (i + 1 < prose.size() && prose.get(i + 1).strip().matches("\\|[-:| ]+\\|")) {
                // A table's header row (the next line is its separator): which column, if any, holds exit codes.
                List<String> header = cells(line);
                for (int c = 0; c < header.size(); c++) {
                    String name = header.get(c).strip().toLowerCase(Locale.ROOT);
                    if (name.equals("exit") || name.equals("code")) {
                        exitColumn = c;
                    }
                }
                i++; // the separator row
            }
        }
        return codes;
    }

    private static void leadingCode(String text, Set<Integer> codes) {
        Matcher m = LEADING_CODE.matcher(text);
        if (m.find()) {
            codes.add(Integer.parseInt(m.group(1)));
        }
    }

    /** The cells of a table row {@code | a | b |}, without the outer pipes. */
    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
        return List.of(CELL.split(inner, -1));
    }

    private static List<String> prose(String markdown) {
        List<String> prose = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                prose.add(line);
            }
        }
        return prose;
    }
}
