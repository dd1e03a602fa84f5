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
            List<TestResult> notPassed = o.grade().map(LessonGrade::notPassed).orElse(List.of());
            boolean oneReason = notPassed.size() > 1 && !notPassed.get(0).message().isBlank()
                    && notPassed.stream().allMatch(t -> t.status() == TestStatus.FAILED)
                    && notPassed.stream().map(TestResult::message).distinct().count() == 1;
            if (oneReason) {
                // an untouched stub fails every test alike: say it once
                md.append("All ").append(notPassed.size()).append(" fail with")
                        .append(explained(lines(notPassed.get(0).message()))).append('\n');
                notPassed.forEach(test -> md.append(testName(test)).append('\n'));
            } else {
                notPassed.forEach(test -> md.append(testLine(test)));
            }
        }
        return md.toString();
    }

    private static String testLine(TestResult test) {
        String status = test.status() == TestStatus.NOT_RUN ? "not run" : test.status().json();
        List<String> lines = lines(test.message());
        if (lines.isEmpty()) {
            return testName(test) + ", " + status + "\n";
        }
        // a message that begins by saying the status, as "not run: ..." does, needs no second saying
        return testName(test) + (lines.get(0).startsWith(status) ? "" : ", " + status) + explained(lines);
    }

    private static String testName(TestResult test) {
        StringBuilder line = new StringBuilder("- `").append(test.shortName()).append('`');
        if (!test.displayName().equals(test.method()) && !test.displayName().equals(test.method() + "()")) {
            line.append(" (").append(inline(test.displayName())).append(')');
        }
        return line.append(", ").append(test.pointsPossible()).append(test.pointsPossible() == 1 ? " point" : " points")
                .toString();
    }

    private static List<String> lines(String message) {
        return message.lines().filter(l -> !l.isBlank()).toList();
    }

    /** ": " and the first line, then the rest verbatim in a code block. */
    private static String explained(List<String> lines) {
        StringBuilder out = new StringBuilder(": ").append(inline(lines.get(0))).append('\n');
        if (lines.size() > 1) {
            // verbatim: assertion messages align "expected" and "but was" with spaces
            out.append("\n  ```\n");
            for (String rest : lines.subList(1, lines.size())) {
                out.append("  ").append(rest.replace("```", "'''")).append('\n');
            }
            out.append("  ```\n\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    private static String inline(String text) {
        return text.replace("\r", "").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }
}
