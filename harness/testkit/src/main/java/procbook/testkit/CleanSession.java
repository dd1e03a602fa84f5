package procbook.testkit;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command prefix that starts a scenario in a session (and process group) of its own, with
 * INT, TERM and HUP back at their default disposition.
 *
 * <p>Why: a program started in the background by a non-interactive shell inherits "ignore
 * SIGINT", and a JVM cannot undo that — its handlers are silently never installed. Ctrl-C
 * would then do nothing in the scenario. {@code setsid} gives the scenario its own process group,
 * so that a signal to the group reaches its processes and nobody else.
 */
final class CleanSession {
    private static final List<String> PREFIX = choose();

    private CleanSession() {
    }

    static List<String> prefix() {
        return PREFIX;
    }

    private static List<String> choose() {
        // Linux: util-linux setsid and coreutils env (8.31+) exec in place, so the pid we get is the JVM's.
        List<String> linux = List.of("setsid", "env", "--default-signal=INT,TERM,HUP");
        if (works(linux)) {
            return linux;
        }
        // macOS and others: perl is nearly always there.
        List<String> perl = List.of("perl", "-e",
                "use POSIX; POSIX::setsid(); $SIG{$_} = 'DEFAULT' for qw(INT TERM HUP); exec { $ARGV[0] } @ARGV or die \"cannot run $ARGV[0]: $!\\n\"");
        if (works(perl)) {
            return perl;
        }
        throw new IllegalStateException("cannot start a scenario in a process group of its own: neither 'setsid' with GNU 'env --default-signal'"
                + " (Linux: packages util-linux and coreutils 8.31+) nor 'perl' was found. Install one of them.");
    }

    private static boolean works(List<String> prefix) {
        try {
            List<String> cmd = new java.util.ArrayList<>(prefix);
            cmd.add("true");
            java.lang.Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
