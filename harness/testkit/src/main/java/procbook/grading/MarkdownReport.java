package procbook.grading;

import java.util.List;

/**
 * The report as Markdown: a summary table, then every test that did not pass and why. It is what
 * a CI job summary shows, so a failure must be readable there without opening a log.
 */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static String render(List<LessonOutcome> outcomes, Totals totals) {
        StringBuilder md = new StringBuilder("## Procbook grades\n\n");
        md.append("| Lesson | Title | Tests passed | Points | Status |\n");
        md.append("|---|---|---:|---:|---|\n");
        for (LessonOutcome o : outcomes) {
            boolean results = o.grade().isPresent();
            md.append("| ").append(cell(o.lesson().id()))
                    .append(" | ").append(cell(o.title()))
                    .append(" | ").append(results ? o.testsPassed() + "/" + o.tests() : "-")
                    .append(" | ").append(results ? o.pointsEarned() + "/" + o.pointsPossible() : "-")
                    .append(" | ").append(cell(o.status())).append(" |\n");
        }
        md.append("| **Total** | | **").append(totals.testsPassed()).append('/').append(totals.tests())
                .append("** | **").append(totals.pointsEarned()).append('/').append(totals.pointsPossible())
                .append("** | **").append(totals.percent()).append("%**")
                .append(totals.lessonsWithoutResults() > 0 ? " of the lessons with results" : "").append(" |\n");

        boolean headed = false;
        for (LessonOutcome o : outcomes) {
            if (o.verdict() == LessonOutcome.Verdict.DONE) {
                continue;
            }
            if (!headed) {
                md.append("\n### What is left\n");
                headed = true;
            }
            md.append("\n#### ").append(o.lesson().id()).append(": ").append(o.status()).append("\n\n");
            if (o.grade().isEmpty() || o.verdict() == LessonOutcome.Verdict.CRASHED) {
                md.append(o.detail()).append("\n\n");
            }
            for (TestResult test : o.grade().map(LessonGrade::notPassed).orElse(List.of())) {
                md.append(testLine(test));
            }
        }
        return md.toString();
    }

    private static String testLine(TestResult test) {
        StringBuilder line = new StringBuilder("- `").append(test.shortName()).append('`');
        if (!test.displayName().equals(test.method()) && !test.displayName().equals(test.method() + "()")) {
            line.append(" (").append(inline(test.displayName())).append(')');
        }
        line.append(", ").append(test.pointsPossible()).append(test.pointsPossible() == 1 ? " point" : " points");
        List<String> lines = test.message().lines().filter(l -> !l.isBlank()).toList();
        String status = test.status() == TestStatus.NOT_RUN ? "not run" : test.status().json();
        if (lines.isEmpty()) {
            line.append(", ").append(status);
        } else {
            // a message that begins by saying the status, as "not run: ..." does, needs no second saying
            line.append(lines.get(0).startsWith(status) ? ": " : ", " + status + ": ").append(inline(lines.get(0)));
        }
        line.append('\n');
        if (lines.size() > 1) {
            // the rest verbatim: assertion messages align "expected" and "but was" with spaces
            line.append("\n  ```\n");
            for (String rest : lines.subList(1, lines.size())) {
                line.append("  ").append(rest.replace("```", "'''")).append('\n');
            }
            line.append("  ```\n\n");
        }
        return line.toString();
    }

    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    private static String inline(String text) {
        return text.replace("\r", "").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }
}
