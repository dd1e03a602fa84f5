package procbook.book;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalInt;
import procbook.testkit.ScenarioRun;
import procbook.testkit.TraceLog;

/**
 * A run as the book keeps it, in a folder of its own under {@code target/book-runs}: its trace, what
 * it printed, and how it ended. The timelines are drawn from it and the parity checks read it, so
 * both speak of the same run.
 *
 * @param folder where it is kept
 */
record RunRecord(Path folder) {
    private static final String TRACE = "trace.log";
    private static final String STDOUT = "stdout.log";
    private static final String STDERR = "stderr.log";
    private static final String ENDED = "ended.txt";

    /** Keeps what {@code run} recorded and how it ended ({@code ended}: "exit code 0", "still running …"). */
    static RunRecord keep(ScenarioRun run, String ended, Path folder) {
        try {
            Files.createDirectories(folder);
            for (String file : new String[] {TRACE, STDOUT, STDERR}) {
                Path from = run.directory().resolve(file);
                if (Files.exists(from)) {
                    Files.copy(from, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.writeString(folder.resolve(file), "");
                }
            }
            Files.writeString(folder.resolve(ENDED), ended + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the run in " + folder + ": " + e.getMessage(), e);
        }
        return new RunRecord(folder);
    }

    boolean exists() {
        return Files.isRegularFile(folder.resolve(ENDED));
    }

    TraceLog trace() {
        return TraceLog.read(folder.resolve(TRACE));
    }

    String stdout() {
        return read(STDOUT);
    }

    String stderr() {
        return read(STDERR);
    }

    /** How the run ended, in words: "exit code 0", "Ctrl-C after …, then exit code 0", "still running …". */
    String ended() {
        return read(ENDED).strip();
    }

    /** The main process's exit code, as the OS reported it; empty when the book had to stop the run. */
    OptionalInt exitCode() {
        String ended = ended();
        int at = ended.lastIndexOf("exit code ");
        return at < 0 ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(ended.substring(at + "exit code ".length()).strip()));
    }

    /** What a failing check shows after its own words: how the run ended, its output, its trace. */
    String report() {
        return "the run kept in " + folder + " ended: " + ended() + "\n--- standard output\n" + stdout() + "--- standard error\n" + stderr()
                + "--- timeline\n" + trace().fullTimeline();
    }

    private String read(String file) {
        try {
            return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.resolve(file) + ": " + e.getMessage(), e);
        }
    }
}
