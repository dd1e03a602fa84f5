package procbook.mp;

import java.time.Duration;

/** The naming, argument checks and warnings the shared primitives have in common. */
final class Names {
    private static final java.util.Map<String, Integer> counters = new java.util.HashMap<>();

    private Names() {
    }

    /** The given name, checked to be one word for the trace, or the next {@code Kind-N}. */
    static synchronized String checked(String name, String kind, Class<?> type) {
        if (name == null) {
            return kind + "-" + counters.merge(kind, 1, Integer::sum);
        }
        boolean word = !name.isEmpty();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            word &= Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
        }
        if (!word) {
            throw new IllegalArgumentException("new " + type.getSimpleName() + "(\"" + name + "\"): a name must be one word"
                    + " of letters, digits and _.- (it appears in the trace), such as \"tickets\"");
        }
        return name;
    }

    /**
     * mp's one timeout rule, Python's: {@code null} means no limit (returned as {@code null}), a negative
     * timeout means zero — look once, do not wait.
     */
    static Duration timeout(Duration timeout) {
        return timeout == null || !timeout.isNegative() ? timeout : Duration.ZERO;
    }

    /** Says that this process took over something a dead process held. */
    static void abandoned(String what, int deadPid, String traceKey, String traceName) {
        Trace.mp(traceKey + ".abandoned", "name", traceName, "holder", deadPid);
        System.err.println("procbook.mp: " + what + " was held by pid " + deadPid + ", which died without releasing it; "
                + ThisProcess.name() + " (pid " + ThisProcess.PID + ") takes it over. What it protected may be half-updated.");
    }
}
