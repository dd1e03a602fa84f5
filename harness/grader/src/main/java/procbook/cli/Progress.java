package procbook.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./procbook list}: every lesson with its points from the last grading, a progress bar, and
 * what to do next. It grades nothing itself, so it answers at once.
 */
final class Progress {
    static final String REPORT = "target/grading/report.json";
    private static final int BAR = 40;

    private Progress() {
    }

    static String render(Path root) {
        List<Lessons.Lesson> lessons = Lessons.under(root);
        Map<String, JsonNode> graded = lastGrading(root.resolve(REPORT));
        long earned = 0;
        long possible = 0;
        int titleWidth = lessons.stream().mapToInt(l -> l.title().length()).max().orElse(10);
        StringBuilder rows = new StringBuilder();
        String next = null;
        for (Lessons.Lesson l : lessons) {
            JsonNode g = graded.get(l.id());
            String points;
            String status;
            if (g == null || !g.path("resultsAvailable").asBoolean(false)) {
                points = "-";
                status = g == null ? "not graded yet" : g.path("status").asText();
            } else {
                earned += g.path("pointsEarned").asLong();
                possible += g.path("pointsPossible").asLong();
                points = g.path("pointsEarned").asLong() + "/" + g.path("pointsPossible").asLong();
                status = g.path("status").asText();
            }
            boolean done = g != null && "done".equals(g.path("verdict").asText());
            if (!done && next == null) {
                next = l.id().substring(0, 2);
            }
            rows.append(String.format("  %s  %-" + titleWidth + "s  %7s  %s%n", done ? "[x]" : "[ ]", l.title(), points, status));
        }
        StringBuilder out = new StringBuilder();
        if (graded.isEmpty()) {
            out.append("Procbook — ").append(lessons.size()).append(" lessons, none graded yet.\n");
        } else {
            int percent = possible == 0 ? 0 : (int) (100 * earned / possible);
            int filled = possible == 0 ? 0 : (int) (BAR * earned / possible);
            out.append("Procbook — ").append(earned).append(" of ").append(possible).append(" points (").append(percent).append("%)\n");
            out.append('[').append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("]\n");
        }
        out.append(rows);
        out.append(graded.isEmpty() ? "Points appear after a grading: ./procbook grade\n" : "Points from the last grading (./procbook grade to update them).\n");
        if (next != null) {
            out.append("Next: lesson ").append(next).append(" — its README is lessons/").append(Lessons.named(root, next).id())
                    .append("/README.md; stuck? ./procbook hint ").append(next).append('\n');
        } else {
            out.append("Every lesson is done.\n");
        }
        return out.toString();
    }

    /** The lessons of the last complete report, by id; none when there is no report or it is incomplete. */
    private static Map<String, JsonNode> lastGrading(Path report) {
        Map<String, JsonNode> out = new HashMap<>();
        if (!Files.isRegularFile(report)) {
            return out;
        }
        try {
            JsonNode tree = new ObjectMapper().readTree(report.toFile());
            if (tree.has("complete") && !tree.path("complete").asBoolean()) {
                return out; // a grading that stopped half-way
            }
            for (JsonNode lesson : tree.path("lessons")) {
                out.put(lesson.path("lesson").asText(), lesson);
            }
        } catch (IOException e) {
            // a damaged report shows as no grading
        }
        return out;
    }
}
