package procbook.mp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Python's exit code of an ended child, from what the OS says and what the child wrote.
 *
 * <p>The OS gives a JVM ended by signal N the exit value 128+N, which {@code System.exit(128+N)}
 * gives too. So a child that ends by mp's own hand writes a word in its status file: "signal N"
 * when a signal ended it, "exit" when it exited with a value above 128. A child that wrote nothing
 * with a value of 128+N was ended by a signal that left it no time to write: SIGKILL, or a signal
 * that came before mp's start-up in it was done. Before its last word, the file holds "started":
 * the child is up, and signals may be sent to it.
 */
final class ExitStatus {
    /** What a child writes in its status file once it is up: not yet a word on how it ended. */
    static final String STARTED = "started";

    private ExitStatus() {
    }

    /** The exit code: 0, 1, System.exit's value, or -N for signal N. Reads and deletes the status file. */
    static int of(int raw, Path statusFile) {
        String status = null;
        try {
            if (statusFile != null && Files.exists(statusFile)) {
                status = Files.readString(statusFile).trim();
                Files.delete(statusFile);
            }
        } catch (IOException e) {
            // the status is a refinement; the raw exit value still tells most of the story
        }
        if (status != null && status.startsWith("signal ")) {
            return -Integer.parseInt(status.substring("signal ".length()));
        }
        if (STARTED.equals(status)) {
            status = null;
        }
        if (status == null && raw > 128 && raw < 128 + 32) {
            return -(raw - 128);
        }
        return raw;
    }
}
