package procbook.grading;

import java.util.List;

/** The sums over every lesson of a report. */
record Totals(int lessons, int lessonsDone, int lessonsWithoutResults, int testsPassed, int tests,
              int pointsEarned, int pointsPossible) {

    Totals {
        if (pointsEarned < 0 || pointsEarned > pointsPossible) {
            throw new IllegalArgumentException(
                    "points earned must be from 0 to the points possible, " + pointsPossible + ", got " + pointsEarned);
        }
    }

    static Totals of(List<LessonOutcome> outcomes) {
        int done = 0;
        int without = 0;
        int passed = 0;
        int tests = 0;
        int earned = 0;
        int possible = 0;
        for (LessonOutcome o : outcomes) {
            done += o.verdict() == LessonOutcome.Verdict.DONE ? 1 : 0;
            without += o.grade().isEmpty() ? 1 : 0;
            passed += o.testsPassed();
            tests += o.tests();
            earned += o.pointsEarned();
            possible += o.pointsPossible();
        }
        return new Totals(outcomes.size(), done, without, passed, tests, earned, possible);
    }

    /** Earned of possible, in whole percent, rounded down: 99.9% of the points is not 100%. */
    int percent() {
        return pointsPossible == 0 ? 0 : (int) (100L * pointsEarned / pointsPossible);
    }

    /** Whether the points reach {@code required} percent, computed exactly rather than from {@link #percent()}. */
    boolean reaches(int required) {
        return lessonsWithoutResults == 0 && 100L * pointsEarned >= (long) required * pointsPossible;
    }
}
