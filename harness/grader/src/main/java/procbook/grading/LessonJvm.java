package procbook.grading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import procbook.testkit.Confinement;

/**
 * Runs one lesson's tests in a JVM of its own ({@link LessonRunner}), in the sandbox, and collects
 * what it reports. Whatever the JVM does — pass, fail, hang, crash, get killed by its own scenario —
 * the grader gets the last grade it signed and how the JVM ended, within the time limit.
 */
final class LessonJvm {
    /** Only these reach the test JVM: no CI token, no job-summary path, nothing a scenario could misuse. */
    private static final List<String> PASSED_ON = List.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "JAVA_HOME", "XDG_CACHE_HOME");

    /**
     * What became of a lesson's run.
     *
     * @param grade          the last grade the test JVM reported, if any
     * @param ending         how the test JVM ended, in words: "finished", "was killed by SIGKILL", ...
     * @param finishedNormally whether it reached the end of its tests and exited 0
     * @param unsignedLines  lines on the results channel that the test JVM did not sign: ignored
     * @param took           how long the run took
     */
    record Outcome(Optional<LessonGrade> grade, String ending, boolean finishedNormally, int unsignedLines, Duration took) {
    }

    private LessonJvm() {
    }

    static Outcome run(Sandbox sandbox, List<Path> readOnly, List<Path> hidden, String lesson, String title, Path testClasses, String testPackage, String classPath,
            Path log, Path tmp, Duration limit) {
        List<String> java = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                // no agent attached from a scenario, no perf-data file to read the JVM's state from
                "-XX:+DisableAttachMechanism", "-XX:-UsePerfData",
                "-Djava.io.tmpdir=" + tmp,
                "-Dfile.encoding=UTF-8"));
        if (sandbox.confined()) {
            // scenarios started by the kit without capabilities, in another group: none can read this JVM's key
            java.add("-D" + Confinement.GROUP_PROPERTY + "=" + Sandbox.SCENARIO_GROUP);
        }
        java.addAll(List.of("-cp", classPath, LessonRunner.class.getName(), lesson, testClasses.toString(), testPackage, title));
        ProcessBuilder pb = new ProcessBuilder(sandbox.wrap(java)).redirectError(log.toFile());
        Map<String, String> env = pb.environment();
        Map<String, String> mine = System.getenv();
        env.clear();
        for (String name : PASSED_ON) {
            if (mine.containsKey(name)) {
                env.put(name, mine.get(name));
            }
        }
        env.put(Sandbox.READ_ONLY_VARIABLE, String.join(":", readOnly.stream().map(Path::toString).toList()));
        env.put(Sandbox.HIDDEN_VARIABLE, String.join(":", hidden.stream().map(Path::toString).toList()));

        String key = SignedLine.newKey();
        long started = System.nanoTime();
        java.lang.Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Outcome(Optional.empty(), "could not be started: " + e.getMessage(), false, 0, Duration.ZERO);
        }
        List<ProcessHandle> tree = new ArrayList<>();
        try (OutputStream in = p.getOutputStream()) {
            in.write((key + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // it died at once; its exit says why
        }
        AtomicReference<LessonGrade> last = new AtomicReference<>();
        AtomicInteger unsigned = new AtomicInteger();
        Thread reader = new Thread(() -> read(p.getInputStream(), key, last, unsigned), "procbook-grader-results-" + lesson);
        reader.setDaemon(true);
        reader.start();

        boolean timedOut = false;
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                p.descendants().forEach(tree::add);
                tree.forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            // a process left behind may hold the pipe open: the results are in once the JVM is gone, give the reader a moment
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String ending;
        boolean normal = false;
        if (timedOut) {
            ending = "ran past the lesson's time limit of " + limit.toSeconds() + " s and was stopped";
        } else if (p.isAlive()) {
            ending = "was interrupted";
        } else {
            int code = p.exitValue();
            normal = code == 0;
            ending = describe(code);
        }
        LessonGrade grade = last.get();
        return new Outcome(Optional.ofNullable(grade), ending, normal && grade != null && grade.finished(), unsigned.get(), took);
    }

    private static void read(InputStream stream, String key, AtomicReference<LessonGrade> last, AtomicInteger unsigned) {
        long seq = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Optional<String> payload = SignedLine.verify(key, seq, line);
                if (payload.isEmpty()) {
                    unsigned.incrementAndGet();
                    continue;
                }
                seq++;
                try {
                    last.set(GradeJson.fromTree(Json.read(payload.get())));
                } catch (IllegalArgumentException e) {
                    unsigned.incrementAndGet();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the JVM is gone: what it signed so far stands
        }
    }

    static String describe(int code) {
        if (code == 0) {
            return "finished";
        }
        if (code > 128 && code < 160) {
            return "was ended by " + procbook.mp.Signal.nameOf(code - 128) + " (exit code " + code + ")";
        }
        return "exited with code " + code;
    }

    /** Keeps the grader's own folder out of the way of the runs: a fresh temporary folder per lesson. */
    static Path freshTemporaryFolder(Path scratch, String lesson) {
        try {
            Files.createDirectories(scratch);
            return Files.createTempDirectory(scratch, "procbook-grade-" + lesson + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for " + lesson + "'s run: " + e.getMessage(), e);
        }
    }
}
