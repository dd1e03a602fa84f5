package procbook.testkit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one definition of a stub's "not done yet": where the student has work to do, a stub throws
 * {@code new UnsupportedOperationException("not done yet: what is missing")}; the kit turns the
 * exception on a scenario's standard error into a failure that begins with {@value #FAILURE_PREFIX};
 * {@code ./procbook watch} looks for {@value #IN_SOURCE} to find the next unfinished lesson, and the
 * grader and the self-check tell "not done yet" from "wrong" by the prefix.
 */
public final class NotDoneYet {
    /** What a stub's source says where work is left. */
    public static final String IN_SOURCE = "UnsupportedOperationException(\"not done yet";
    /** How every failure caused by an unfinished stub begins. */
    public static final String FAILURE_PREFIX = "Not done yet:";
    private static final Pattern ON_STANDARD_ERROR = Pattern.compile("UnsupportedOperationException: not done yet:([^\\n]*)");

    private NotDoneYet() {
    }

    /** Whether a test failed only because the stub is unfinished. */
    public static boolean isTheReason(String failureMessage) {
        return failureMessage != null && failureMessage.startsWith(FAILURE_PREFIX);
    }

    /** The failure for a scenario whose standard error shows a stub's exception, saying which file to open. */
    static Optional<AssertionError> in(String standardError, String mainClass) {
        Matcher m = ON_STANDARD_ERROR.matcher(standardError);
        if (!m.find()) {
            return Optional.empty();
        }
        String simple = mainClass.substring(mainClass.lastIndexOf('.') + 1);
        return Optional.of(new AssertionError(FAILURE_PREFIX + " " + m.group(1).trim() + " — open " + simple
                + ".java, do the TODOs, and remove the line that throws UnsupportedOperationException."));
    }
}
