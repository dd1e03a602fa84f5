package procbook.testkit;

import java.util.List;

/**
 * The command words that take a scenario's privileges away, when the grader asks for it.
 *
 * <p>Why: in the grader's sandbox the lesson's test JVM runs as root of its namespaces, and so, by
 * default, would the student's program. Root with its capabilities may read another process's memory
 * ({@code /proc/PID/mem}) and open its pipes ({@code /proc/PID/fd/1}) — the test JVM's, which holds the
 * key that signs the lesson's grade and the pipe the grade goes through. A scenario started through
 * {@code setpriv}, in group {@code nogroup} and without any capability, keeps user 0 (it can still read
 * the lesson's classes and write its own run's folder, which root owns) but no longer passes the kernel's
 * ptrace check against the test JVM: a different group and no {@code CAP_SYS_PTRACE}. It may still signal
 * the test JVM — which costs its own lesson, nothing more.
 *
 * <p>The grader sets {@value #GROUP_PROPERTY} on the test JVM only where it has checked that this works
 * (Linux, as real root); elsewhere scenarios start as before.
 */
public final class Confinement {
    /** The group id scenarios run in; unset: no confinement. Set by the grader, on the test JVM only. */
    public static final String GROUP_PROPERTY = "procbook.kit.scenarioGroup";

    private Confinement() {
    }

    /** The words to put before a scenario's command: empty unless the grader asked for confinement. */
    static List<String> prefix() {
        String group = System.getProperty(GROUP_PROPERTY, "").strip();
        if (group.isEmpty()) {
            return List.of();
        }
        if (!group.matches("\\d+")) {
            throw new IllegalStateException(GROUP_PROPERTY + " must be a numeric group id, like 65534, got '" + group + "'");
        }
        return words(Integer.parseInt(group));
    }

    /** The words that start a command in {@code group}, without capabilities: the grader tries them once before it asks for them. */
    public static List<String> words(int group) {
        return List.of("setpriv", "--regid=" + group, "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs");
    }
}
