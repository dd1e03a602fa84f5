package procbook.mp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM: this JVM's java and class path, tuned to start fast. */
final class ChildJvm {
    /** Extra JVM options for every child, space-separated, e.g. {@code -Xmx256m}. */
    static final String OPTIONS_PROPERTY = "procbook.mp.jvmOptions";

    private ChildJvm() {
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
