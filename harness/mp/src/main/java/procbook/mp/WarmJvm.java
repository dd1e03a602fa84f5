package procbook.mp;

import java.io.IOException;

/**
 * One child JVM started ahead of time, booted and waiting on its standard input for the next
 * {@link Process#start()} — as Python's forkserver keeps a process ready. A JVM takes tens of
 * milliseconds to start; this way the caller of {@code start()} rarely waits for that.
 *
 * <p>The spare records nothing and belongs to nobody until it is handed a process to run. It
 * ends by itself when this JVM ends (its standard input closes), and is killed when this
 * process's main code is over. Turn it off with {@code -Dprocbook.mp.warmJvm=false}.
 */
final class WarmJvm {
    static final String ENABLED_PROPERTY = "procbook.mp.warmJvm";

    private static java.lang.Process spare;

    private WarmJvm() {
    }

    /** A child JVM waiting for its launch: the spare if there is a live one, else a new one. */
    static synchronized java.lang.Process take() throws IOException {
        java.lang.Process p = spare;
        spare = null;
        return p != null && p.isAlive() ? p : launch(false);
    }

    /** Starts the spare for the next start(), if none is waiting. */
    static synchronized void prepareNext() {
        if (spare != null || !Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))) {
            return;
        }
        try {
            spare = launch(true);
        } catch (IOException e) {
            spare = null; // the next start() will launch a JVM itself, and report a failure then
        }
    }

    /** This process is ending: its spare will never be used. */
    static synchronized void discard() {
        if (spare != null) {
            spare.destroyForcibly();
            spare = null;
        }
    }

    private static java.lang.Process launch(boolean asSpare) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.command())
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().remove(JavaCommand.SPARE_VARIABLE); // inherited from a spare that became this process
        if (asSpare) {
            pb.environment().put(JavaCommand.SPARE_VARIABLE, "1");
        }
        return pb.start();
    }
}
