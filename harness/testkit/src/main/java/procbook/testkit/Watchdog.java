package procbook.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A tiny shell process that kills a scenario's process group if the test JVM dies first,
 * even by SIGKILL: it waits for the end of a pipe that only the test JVM holds open. It ignores
 * INT, TERM and HUP, so that Ctrl-C on Maven cannot take it down before it has done its job.
 */
final class Watchdog {
    private static final String SCRIPT =
            "trap '' INT TERM HUP; read pgid; cat >/dev/null; kill -s KILL -- \"-$pgid\" 2>/dev/null; exit 0";

    private final java.lang.Process shell;

    private Watchdog(java.lang.Process shell) {
        this.shell = shell;
    }

    /** Starts watching before the scenario exists, so that no moment is left unguarded. */
    static Watchdog start() {
        try {
            // in a session of its own, too: a signal to the test JVM's group must not reach it
            java.util.List<String> cmd = new java.util.ArrayList<>(CleanSession.prefix());
            cmd.addAll(java.util.List.of("/bin/sh", "-c", SCRIPT));
            java.lang.Process p = new ProcessBuilder(cmd)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new Watchdog(p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the watchdog shell /bin/sh: " + e.getMessage(), e);
        }
    }

    void guard(long pgid) {
        try {
            OutputStream out = shell.getOutputStream();
            out.write((pgid + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the watchdog shell died before it could guard process group " + pgid, e);
        }
    }

    /** The test cleaned up itself: stand down without killing anything. */
    void dismiss() {
        shell.destroyForcibly();
    }
}
