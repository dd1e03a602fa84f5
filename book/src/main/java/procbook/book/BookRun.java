package procbook.book;

import java.util.List;

/**
 * One run the book makes while it is built: a lesson's program — its reference, a typical wrong
 * solution of it, or the Python original — started as the lesson's tests start it, driven as they
 * drive it, and recorded for the chapter's timeline and for the parity checks.
 *
 * @param lesson  the lesson's folder name, {@code 07-ticket-lock}
 * @param variant {@value #REFERENCE} (or {@code reference-<program>} for a lesson's second program), a mutant's name
 *                from {@code mutants.txt}, or {@code python-<listing>}
 * @param program the main class of the lesson (reference and wrong runs) or the Python file's name
 * @param args    the program's arguments
 * @param drive   how the run is driven and ended
 * @param figure  what its timeline shows; null when it gets none
 */
record BookRun(String lesson, String variant, String program, List<String> args, Drive drive, Figure figure) {
    static final String REFERENCE = "reference";
    /** The folder of the Python listings, under the course's folder. */
    static final String PYTHON_LISTINGS = "book/src/python";
    static final String PYTHON = "python-";

    BookRun {
        args = List.copyOf(args);
    }

    boolean isPython() {
        return variant.startsWith(PYTHON);
    }

    boolean isWrong() {
        return !isPython() && !variant.startsWith(REFERENCE);
    }

    /** Where the run is kept, under the book's runs folder, and the name of its picture: {@code 07-ticket-lock-no-lock}. */
    String name() {
        return lesson + "-" + variant;
    }

    @Override
    public String toString() {
        return lesson + " " + variant + " (" + program + (args.isEmpty() ? "" : " " + String.join(" ", args)) + ")";
    }
}
