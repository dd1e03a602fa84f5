package procbook.mp;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a child JVM is launched: its command line (this JVM's java and class path, tuned to start
 * fast) and the launch written to its standard input, which then stays open — its end tells the
 * child that the parent is gone.
 */
final class ChildJvm {
    /** Extra JVM options for every child, space-separated, e.g. {@code -Xmx256m}. */
    static final String OPTIONS_PROPERTY = "procbook.mp.jvmOptions";

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
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Children are small and short-lived: the serial collector and no perf-data file start fastest.
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:-UsePerfData");
        cmd.add("-Xshare:auto");
        cmd.addAll(ClassDataArchive.options());
        // the same temporary folder as the parent: whoever cleans the parent's cleans the children's
        cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("procbook.")) {
                cmd.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        String extra = System.getProperty(OPTIONS_PROPERTY, "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ChildMain.class.getName());
        return cmd;
    }
}
