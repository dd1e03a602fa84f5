package procbook.mp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process, by pid, is still running — used by waiters to notice that the process they
 * wait for (a lock holder, the other end of a pipe) has died, so that nobody waits forever.
 */
final class Liveness {
    private Liveness() {
    }

    /** True while the process runs; a zombie (ended, not yet reaped by its parent) counts as dead. */
    static boolean isAlive(long pid) {
        if (pid <= 0) {
            return false;
        }
        if (ProcStat.AVAILABLE) {
            try {
                return ProcStat.of(pid).map(stat -> !stat.ended()).orElse(false);
            } catch (IOException | RuntimeException e) {
                return !Files.notExists(Path.of("/proc/" + pid));
            }
        }
        // macOS: no /proc; a zombie still counts as alive here until its parent reaps it
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
