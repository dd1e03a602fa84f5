package procbook.mp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line that starts a JVM the way mp starts its children: this JVM's {@code java}, the
 * options that make a small, short-lived JVM start fast, and this JVM's {@code procbook.*}
 * settings. Every child of a {@link Process} is started with it, and the test kit starts a
 * lesson's main process with it, so that a scenario's first JVM and its children start alike.
 * Lessons do not need it.
 */
public final class JavaCommand {
    /** Extra JVM options for every child, space-separated, e.g. {@code -Xmx256m}. */
    public static final String OPTIONS_PROPERTY = "procbook.mp.jvmOptions";
    /**
     * In the environment of a JVM booted ahead for the next start() (a spare), and only there: {@value}=1.
     * The test kit, which tells a stalled run from a busy one, takes a spare that has recorded nothing for
     * what it is — idle — and not for a child still booting.
     */
    public static final String SPARE_VARIABLE = "PROCBOOK_MP_SPARE";

    private JavaCommand() {
    }

    /**
     * {@code java [options] -cp classPath mainClass}, with {@code settings} as {@code -D} options
     * (they win over this JVM's settings of the same name). Program arguments go after it.
     */
    public static List<String> of(String mainClass, String classPath, Map<String, String> settings) {
        return of(mainClass, classPath, settings, "procbook.");
    }

    /**
     * The same, passing on only this JVM's settings that start with {@code inherited}: the test kit
     * gives a scenario mp's settings ({@code procbook.mp.}) and nothing of the grader's or the kit's.
     */
    public static List<String> of(String mainClass, String classPath, Map<String, String> settings, String inherited) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Small and short-lived: the serial collector, the quick compiler, no perf-data file start fastest.
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:-UsePerfData");
        cmd.add("-Xshare:auto");
        cmd.addAll(ClassDataArchive.options());
        // the same temporary folder as this JVM unless told otherwise: whoever cleans ours cleans theirs
        if (!settings.containsKey("java.io.tmpdir")) {
            cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(inherited) && !settings.containsKey(key)) {
                cmd.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        settings.forEach((key, value) -> cmd.add("-D" + key + "=" + value));
        String extra = System.getProperty(OPTIONS_PROPERTY, "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        return cmd;
    }
}
