package procbook.mp;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * How a child JVM is launched: its command line ({@link JavaCommand}, with this JVM's class path)
 * and the launch written to its standard input, which then stays open — its end tells the
 * child that the parent is gone.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /** A started child JVM, and the pipe to its standard input, kept open for as long as the parent lives. */
    record Launched(java.lang.Process process, DataOutputStream toChild) {
    }

    /** Hands {@code launch} to a new child JVM (a warm one if ready); pipe ends among its arguments become the child's. */
    static Launched launch(Launch launch, String name) {
        try {
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            Connection.collectHandovers();
            long pid = 0;
            java.lang.Process os;
            byte[] payload;
            try {
                LaunchCodec.write(launch, new DataOutputStream(encoded), "cannot start " + name);
                payload = encoded.toByteArray();
                os = WarmJvm.take();
                pid = os.pid();
            } finally {
                Connection.giveCollectedTo(pid); // 0 when nothing was launched: the ends stay ours
            }
            DataOutputStream toChild = new DataOutputStream(os.getOutputStream());
            toChild.writeInt(payload.length);
            toChild.write(payload);
            toChild.flush();
            return new Launched(os, toChild);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    static List<String> command() {
        return JavaCommand.of(ChildMain.class.getName(), System.getProperty("java.class.path"), Map.of());
    }
}
