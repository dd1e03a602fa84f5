package procbook.selfcheck;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program that does none of a lesson's work, yet ends cleanly: the reference with the body of every
 * {@code main} replaced. No lesson's tests may give it a single point — a test that does would reward
 * a student for nothing.
 */
public enum VacuousProgram {
    /** Does nothing and exits 0. */
    DOES_NOTHING("does-nothing", "a main that does nothing and exits 0", "{\n    }"),
    /** Starts a daemon process that loops, and exits 0 (which ends the daemon). */
    LONE_DAEMON("lone-daemon", "a main that starts a looping daemon process and exits 0", """
            {
                    procbook.mp.Process looper = new procbook.mp.Process(() -> {
                        while (true) {
                            Thread.sleep(20);
                        }
                    });
                    looper.setDaemon(true);
                    looper.start();
                }""");

    private static final Pattern MAIN = Pattern.compile(
            "static\\s+void\\s+main\\s*\\(\\s*(final\\s+)?String\\s*(\\[\\s*]|\\.\\.\\.)\\s*\\w+\\s*\\)[^{;]*\\{");

    private final String label;
    private final String description;
    private final String body;

    VacuousProgram(String label, String description, String body) {
        this.label = label;
        this.description = description;
        this.body = body;
    }

    /** Its name in logs and folders, e.g. {@code does-nothing}. */
    public String label() {
        return label;
    }

    /** What it is, as a failure message says it. */
    public String description() {
        return description;
    }

    /** {@code source} with the body of each {@code static void main(String[])} replaced by this program's. */
    public String applyTo(String source) {
        StringBuilder out = new StringBuilder();
        Matcher m = MAIN.matcher(source);
        int from = 0;
        while (m.find(from)) {
            int open = m.end() - 1;
            int close = matchingBrace(source, open);
            out.append(source, from, open).append(body);
            from = close + 1;
        }
        return out.append(source.substring(from)).toString();
    }

    /** Whether {@code source} has a main method this program would replace. */
    static boolean hasMain(String source) {
        return MAIN.matcher(source).find();
    }

    /** The index of the brace closing the one at {@code open}, skipping strings, characters and comments. */
    static int matchingBrace(String s, int open) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                i = s.indexOf('\n', i);
                if (i < 0) {
                    break;
                }
            } else if (s.startsWith("/*", i)) {
                i = s.indexOf("*/", i + 2) + 1;
                if (i <= 0) {
                    break;
                }
            } else if (s.startsWith("\"\"\"", i)) {
                i = s.indexOf("\"\"\"", i + 3) + 2;
                if (i <= 1) {
                    break;
                }
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < s.length() && s.charAt(i) != c) {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
            i++;
        }
        throw new IllegalArgumentException("no brace closes the main method's body opened at offset " + open);
    }
}
