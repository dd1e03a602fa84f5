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
    // Kills the group, then every process that carries the run's mark (one that left the group with
    // setsid), a few rounds in case one was forking, and removes the run's folders.
    private static final String SCRIPT = String.join("\n",
            "trap '' INT TERM HUP",
            "read pgid mark; read dirs",
            "cat >/dev/null",
            "kill -s KILL -- \"-$pgid\" 2>/dev/null",
            "for round in 1 2 3 4 5; do",
            "  [ -d /proc/self ] || break",
            "  pids=$(grep -lzx \"PROCBOOK_SCENARIO_MARK=$mark\" /proc/[0-9]*/environ 2>/dev/null | sed 's|^/proc/||; s|/environ$||')",
            "  [ -n \"$pids\" ] || break",
            "  kill -s KILL $pids 2>/dev/null; kill -s KILL -- \"-$pgid\" 2>/dev/null; sleep 0.1",
            "done",
            "rm -rf -- $dirs",
            "exit 0");

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

    /** Guards the run: its process group, the mark its processes carry, and the folders to remove (no spaces in their paths). */
    void guard(long pgid, String mark, java.util.List<java.nio.file.Path> folders) {
        StringBuilder dirs = new StringBuilder();
        for (java.nio.file.Path f : folders) {
            dirs.append(' ').append(f.toAbsolutePath());
        }
        try {
            OutputStream out = shell.getOutputStream();
            out.write((pgid + " " + mark + "\n" + dirs.toString().trim() + "\n").getBytes(StandardCharsets.UTF_8));
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
