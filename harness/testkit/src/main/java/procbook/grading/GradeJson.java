package procbook.grading;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps a {@link LessonGrade} to the JSON tree of a grade file and back. */
final class GradeJson {
    /** Bumped when a field changes meaning, so that a reader can refuse what it would misread. */
    static final int FORMAT = 1;

    private GradeJson() {
    }

    static Map<String, Object> toTree(LessonGrade grade) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("format", FORMAT);
        tree.put("lesson", grade.lesson());
        tree.put("edition", grade.edition());
        tree.put("title", grade.title());
        tree.put("startedAt", grade.startedAt().toString());
        tree.put("finished", grade.finished());
        // derived, for people and scripts reading the file; the reader recomputes them
        tree.put("testsPassed", grade.testsPassed());
        tree.put("tests", grade.tests().size());
        tree.put("pointsEarned", grade.pointsEarned());
        tree.put("pointsPossible", grade.pointsPossible());
        List<Object> results = new ArrayList<>();
        for (TestResult test : grade.tests()) {
            results.add(toTree(test));
        }
        tree.put("results", results);
        return tree;
    }

    static Map<String, Object> toTree(TestResult test) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("testClass", test.testClass());
        tree.put("method", test.method());
        tree.put("displayName", test.displayName());
        tree.put("status", test.status().json());
        tree.put("pointsEarned", test.pointsEarned());
        tree.put("pointsPossible", test.pointsPossible());
        tree.put("message", test.message());
        tree.put("durationMillis", test.durationMillis());
        return tree;
    }

    static LessonGrade fromTree(Object tree) {
        JsonFields grade = JsonFields.of(tree, "the grade");
        long format = grade.integer("format");
        if (format != FORMAT) {
            throw new IllegalArgumentException(
                    "the grade has format " + format + ", this reader knows format " + FORMAT
                            + ": rebuild the lessons and the report with the same Procbook version");
        }
        Instant startedAt;
        try {
            startedAt = Instant.parse(grade.string("startedAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the grade: field 'startedAt' is not an instant: " + e.getMessage());
        }
        List<TestResult> tests = new ArrayList<>();
        List<?> results = grade.list("results");
        for (int i = 0; i < results.size(); i++) {
            tests.add(testFromTree(results.get(i), "result " + (i + 1)));
        }
        return new LessonGrade(grade.string("lesson"), grade.string("edition"), grade.optionalString("title"),
                startedAt, grade.bool("finished"), tests);
    }

    private static TestResult testFromTree(Object tree, String where) {
        JsonFields test = JsonFields.of(tree, where);
        return new TestResult(test.string("testClass"), test.string("method"), test.string("displayName"),
                TestStatus.fromJson(test.string("status")), test.smallInteger("pointsEarned"),
                test.smallInteger("pointsPossible"), test.optionalString("message"), test.integer("durationMillis"));
    }
}
