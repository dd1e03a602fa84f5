package procbook.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import procbook.testkit.Confinement;

/**
 * Where a lesson's test JVM runs: on Linux, when the machine allows it, in namespaces of its own —
 * its own PID namespace (it is process 1 there: when it ends, the kernel ends every process of it,
 * wherever they went; nothing inside can see or signal the grader), its own mount namespace (the
 * course, the submission and the home folder read-only; a private {@code /dev/shm}) and its own network
 * namespace (no network). As root that takes {@code unshare}; otherwise also a user namespace, which
 * some systems forbid. Where none of it is possible the run is not isolated, and the report says so.
 *
 * <p>As real root it also confines the scenarios: they start without capabilities, in group
 * {@value #SCENARIO_GROUP} (see the kit's {@code Confinement}), so that the student's program cannot read
 * the test JVM's memory or open its pipes — where the key that signs the lesson's grade is, and the pipe
 * the grade goes through. In a user namespace there is only one user and one group to be: no confinement,
 * and the report says so.
 *
 * @param isolated whether the test JVM runs in the namespaces
 * @param prefix   the command words that put a command inside them (empty when not isolated)
 * @param how      what the report says: which isolation, or why there is none
 * @param confined whether scenarios run without capabilities, in group {@value #SCENARIO_GROUP}
 */
record Sandbox(boolean isolated, List<String> prefix, String how, boolean confined) {
    /** nogroup: the group a confined scenario runs in, other than the test JVM's. */
    static final int SCENARIO_GROUP = 65534;

    static final String READ_ONLY_VARIABLE = "PROCBOOK_SANDBOX_READ_ONLY";
    static final String HIDDEN_VARIABLE = "PROCBOOK_SANDBOX_HIDDEN";

    // Inside the new namespaces, as (mapped) root: make the folders read-only, give /dev/shm its own
    // memory, then become the test JVM — which is then process 1 of its PID namespace.
    private static final String SETUP = String.join("\n",
            "set -e",
            "IFS=:",
            "for d in $" + READ_ONLY_VARIABLE + "; do",
            "  [ -d \"$d\" ] || continue",
            "  mount --bind \"$d\" \"$d\"",
            // a mount's locked flags (nosuid, nodev) must be kept: ask for them, then for ro alone
            "  mount -o remount,bind,ro,nosuid,nodev \"$d\" 2>/dev/null || mount -o remount,bind,ro \"$d\"",
            "done",
            "for d in $" + HIDDEN_VARIABLE + "; do",
            "  [ -d \"$d\" ] || continue",
            "  mount -t tmpfs -o size=1k,mode=0555 tmpfs \"$d\"",
            "done",
            "unset IFS",
            "if [ -d /dev/shm ]; then mount -t tmpfs -o mode=1777 tmpfs /dev/shm; fi",
            "exec \"$@\"");

    Sandbox {
        prefix = List.copyOf(prefix);
    }

    static Sandbox none(String why) {
        return new Sandbox(false, List.of(), "not isolated: " + why, false);
    }

    /** The best isolation this machine allows, found by trying it. */
    static Sandbox detect() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return none(System.getProperty("os.name") + " has no PID and mount namespaces: scenarios run as the grader's"
                    + " user, and the grader checks afterwards that the course's files are unchanged");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> base = new ArrayList<>(List.of("unshare"));
        if (!root) {
            base.addAll(List.of("--user", "--map-root-user"));
        }
        base.addAll(List.of("--pid", "--fork", "--kill-child", "--mount", "--mount-proc", "--propagation", "private", "--net"));
        base.addAll(List.of("/bin/sh", "-c", SETUP, "procbook-sandbox"));
        String how = "isolated: own PID, mount and network namespaces" + (root ? "" : " (in a user namespace)")
                + "; course, submission and home folder read-only, the course's solutions and history hidden; private /dev/shm; no network";
        // as root, the sandbox and the scenarios' confinement are tried at once: one trial when both work
        String refused = "";
        if (root) {
            List<String> confined = new ArrayList<>(base);
            confined.addAll(Confinement.words(SCENARIO_GROUP));
            refused = tryRun(confined);
            if (refused.isEmpty()) {
                return new Sandbox(true, base, how + "; scenarios without capabilities, in group " + SCENARIO_GROUP
                        + ": no access to the test JVM's memory or pipes", true);
            }
        }
        String trouble = tryRun(base);
        if (trouble.isEmpty()) {
            return new Sandbox(true, base, how + (root ? "; scenarios keep root's capabilities (setpriv: " + refused + ")"
                    : "; scenarios run as the test JVM's user (a user namespace has only one): grade as root for them to lose access to its memory"),
                    false);
        }
        return none((root ? "unshare failed (" : "user namespaces are not available to this user (") + trouble
                + "): scenarios run unconfined, the grader checks afterwards that the course's files are unchanged");
    }

    /** The command, inside the sandbox if there is one. */
    List<String> wrap(List<String> command) {
        List<String> out = new ArrayList<>(prefix);
        out.addAll(command);
        return out;
    }

    /** Empty when {@code prefix + true} ran and exited 0; else what went wrong. */
    private static String tryRun(List<String> prefix) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add("true");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put(READ_ONLY_VARIABLE, Path.of("").toAbsolutePath().toString());
            java.lang.Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unshare did not answer in 10 s";
            }
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() == 0) {
                return "";
            }
            return said.isEmpty() ? "exit code " + p.exitValue()
                    : said.lines().limit(2).collect(Collectors.joining("; "));
        } catch (IOException e) {
            return "unshare (util-linux) not found";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
