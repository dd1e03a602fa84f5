package procbook.grading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** The report as JSON, for tools: every lesson with its verdict, its results and the totals. */
final class ReportJson {
    private ReportJson() {
    }

    static Map<String, Object> toTree(List<LessonOutcome> outcomes, Totals totals, OptionalInt failUnder, Instant now) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("format", GradeJson.FORMAT);
        tree.put("generatedAt", now.toString());
        Map<String, Object> sums = new LinkedHashMap<>();
        sums.put("lessons", totals.lessons());
        sums.put("lessonsDone", totals.lessonsDone());
        sums.put("lessonsWithoutResults", totals.lessonsWithoutResults());
        sums.put("testsPassed", totals.testsPassed());
        sums.put("tests", totals.tests());
        sums.put("pointsEarned", totals.pointsEarned());
        sums.put("pointsPossible", totals.pointsPossible());
        sums.put("percent", totals.percent());
        tree.put("totals", sums);
        tree.put("failUnder", failUnder.isPresent() ? (Object) failUnder.getAsInt() : null);
        List<Object> lessons = new ArrayList<>();
        for (LessonOutcome o : outcomes) {
            Map<String, Object> lesson = new LinkedHashMap<>();
            lesson.put("lesson", o.lesson().id());
            lesson.put("title", o.title());
            lesson.put("verdict", o.verdict().json);
            lesson.put("status", o.status());
            lesson.put("detail", o.detail());
            lesson.put("resultsAvailable", o.grade().isPresent());
            lesson.put("testsPassed", o.testsPassed());
            lesson.put("tests", o.tests());
            lesson.put("pointsEarned", o.pointsEarned());
            lesson.put("pointsPossible", o.pointsPossible());
            lesson.put("edition", o.grade().map(LessonGrade::edition).orElse(null));
            lesson.put("startedAt", o.grade().map(g -> g.startedAt().toString()).orElse(null));
            List<Object> results = new ArrayList<>();
            o.grade().ifPresent(g -> g.tests().forEach(t -> results.add(GradeJson.toTree(t))));
            lesson.put("results", results);
            lessons.add(lesson);
        }
        tree.put("lessons", lessons);
        return tree;
    }
}
