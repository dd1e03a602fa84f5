package procbook.grading;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a failure that a grade report shows: the first lines of its message. Assertion
 * messages speak for themselves; any other exception is named, since "null" or "Broken pipe" alone
 * would not say what happened.
 */
final class FailureMessage {
    static final int MAX_LINES = 6;
    static final int MAX_CHARS = 600;
    static final String CUT = "...";

    private FailureMessage() {
    }

    static String of(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().strip();
        String text;
        if (speaksForItself(failure)) {
            text = message.isEmpty() ? failure.getClass().getSimpleName() : message;
        } else {
            String name = failure.getClass().getSimpleName().isEmpty()
                    ? failure.getClass().getName()
                    : failure.getClass().getSimpleName();
            text = message.isEmpty() ? name : name + ": " + message;
        }
        return trim(text);
    }

    /** The first {@value #MAX_LINES} non-empty lines, at most {@value #MAX_CHARS} characters. */
    static String trim(String text) {
        List<String> lines = new ArrayList<>();
        boolean cut = false;
        for (String line : text.strip().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            if (lines.size() == MAX_LINES) {
                cut = true;
                break;
            }
            lines.add(line.stripTrailing());
        }
        String joined = String.join("\n", lines);
        if (joined.length() > MAX_CHARS) {
            return joined.substring(0, MAX_CHARS - CUT.length()) + CUT;
        }
        return cut ? joined + "\n" + CUT : joined;
    }

    private static boolean speaksForItself(Throwable failure) {
        return failure instanceof AssertionError || failure.getClass().getName().startsWith("org.opentest4j.");
    }
}
