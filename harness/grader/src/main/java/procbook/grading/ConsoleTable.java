package procbook.grading;

import java.util.ArrayList;
import java.util.List;

/**
 * The report as a terminal or a CI log shows it: one row per lesson, drawn in ASCII, because a CI
 * log or a Windows console in a legacy code page turns anything else into question marks.
 */
final class ConsoleTable {
    private static final String[] HEADERS = {"Lesson", "Tests", "Points", "Status"};

    private ConsoleTable() {
    }

    static String render(List<LessonOutcome> outcomes, Totals totals) {
        List<String[]> rows = new ArrayList<>();
        for (LessonOutcome o : outcomes) {
            boolean results = o.grade().isPresent();
            rows.add(new String[] {
                o.lesson().id(),
                results ? o.testsPassed() + "/" + o.tests() : "-",
                results ? o.pointsEarned() + "/" + o.pointsPossible() : "-",
                ascii(o.status())
            });
        }
        String[] total = {
            "Total",
            totals.testsPassed() + "/" + totals.tests(),
            totals.pointsEarned() + "/" + totals.pointsPossible(),
            totals.percent() + "%" + (totals.lessonsWithoutResults() > 0
                    ? " of the lessons with results" : "")
        };
        int[] widths = new int[HEADERS.length];
        for (int c = 0; c < HEADERS.length; c++) {
            widths[c] = Math.max(HEADERS[c].length(), total[c].length());
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        String rule = rule(widths);
        out.append(rule).append(line(HEADERS, widths)).append(rule);
        for (String[] row : rows) {
            out.append(line(row, widths));
        }
        out.append(rule).append(line(total, widths)).append(rule);
        return out.toString();
    }

    /** Replaces what an ASCII console cannot show: dashes and quotes by their ASCII look-alikes. */
    static String ascii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\u2014', '\u2013', '\u2212' -> out.append('-');
                case '\u2018', '\u2019' -> out.append('\'');
                case '\u201c', '\u201d' -> out.append('"');
                case '\u2026' -> out.append("...");
                default -> out.append(c < 0x80 ? c : '?');
            }
        }
        return out.toString();
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder out = new StringBuilder("|");
        for (int c = 0; c < cells.length; c++) {
            String cell = cells[c];
            // numbers read best right-aligned, words left-aligned
            boolean number = c == 1 || c == 2;
            String padded = number ? " ".repeat(widths[c] - cell.length()) + cell : cell + " ".repeat(widths[c] - cell.length());
            out.append(' ').append(padded).append(" |");
        }
        return out.append('\n').toString();
    }

    private static String rule(int[] widths) {
        StringBuilder out = new StringBuilder("+");
        for (int width : widths) {
            out.append("-".repeat(width + 2)).append('+');
        }
        return out.append('\n').toString();
    }
}
