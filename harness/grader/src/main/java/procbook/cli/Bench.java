package procbook.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./procbook bench}: how long a student waits for a verdict, in figures, against the goals.
 * Works on a copy of the lessons with the reference solutions in place (a student who has solved
 * them), so that every verdict is a full run of every test:
 * <ul>
 *   <li>{@code run NN}: a cold {@code ./procbook run NN}, a new JVM each time, until its verdict;</li>
 *   <li>{@code watch NN}: from saving a file of the lesson to the new verdict, the JVM kept warm;</li>
 *   <li>{@code grade}: {@code ./procbook grade} of the solved copy, every lesson.</li>
 * </ul>
 * With {@code --loaded}, each figure is measured again while another build runs (the project's mp
 * tests, in a copy, over and over): a student's laptop or a CI runner is rarely quiet.
 */
final class Bench {
    private static final Pattern VERDICT = Pattern.compile("^\\d\\d-[a-z0-9-]+: \\d+ of \\d+ points");

    private final Path root;
    private final Path work;
    private final String classPath;
    private final PrintStream out;

    private Bench(Path root, Path work, PrintStream out) {
        this.root = root;
        this.work = work;
        this.classPath = System.getProperty("java.class.path");
        this.out = out;
    }

    record Options(List<String> lessons, int rounds, boolean grade, boolean loaded) {
        static Options parse(List<String> args) {
            List<String> lessons = List.of("01", "07", "10");
            int rounds = 3;
            boolean grade = true;
            boolean loaded = false;
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--lessons" -> lessons = List.of(value(args, ++i).split(","));
                    case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
                    case "--no-grade" -> grade = false;
                    case "--loaded" -> loaded = true;
                    default -> throw new IllegalArgumentException("unknown option " + args.get(i)
                            + "; usage: ./procbook bench [--lessons 01,07,10] [--rounds 3] [--no-grade] [--loaded]");
                }
            }
            if (rounds < 1) {
                throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
            }
            return new Options(lessons, rounds, grade, loaded);
        }

        private static String value(List<String> args, int i) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(args.get(i - 1) + " needs a value");
            }
            return args.get(i);
        }
    }

    static int main(Path root, PrintStream out, List<String> args) throws Exception {
        Options options = Options.parse(args);
        Path scratch = Files.createTempDirectory("procbook-bench-");
        Path work = scratch.resolve("solved");
        try {
            Bench bench = new Bench(root, work, out);
            bench.solvedCopy();
            out.printf(Locale.ROOT, "procbook bench — %d cores, Java %s; the lessons solved with the references, in %s%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version().feature(), work);
            List<String[]> rows = new ArrayList<>();
            for (String id : options.lessons()) {
                rows.add(new String[] {"run " + id + " (cold start → verdict)", "≤ 5 s", "run", id});
                rows.add(new String[] {"watch " + id + " (save → verdict)", "≤ 3 s", "watch", id});
            }
            if (options.grade()) {
                rows.add(new String[] {"grade, every lesson", "≤ 45 s", "grade", ""});
            }
            List<String> quiet = new ArrayList<>();
            out.println("  load average before: " + load());
            for (String[] row : rows) {
                quiet.add(bench.measure(row[2], row[3], row[2].equals("grade") ? 1 : options.rounds()));
            }
            List<String> busy = new ArrayList<>();
            if (options.loaded()) {
                try (OtherBuild other = OtherBuild.start(root, scratch.resolve("other-build"))) {
                    Thread.sleep(15_000); // let it get going: Maven starting is not yet load
                    out.println("  load average with another build running: " + load());
                    for (String[] row : rows) {
                        busy.add(bench.measure(row[2], row[3], row[2].equals("grade") ? 1 : options.rounds()));
                    }
                    out.println("  load average at the end: " + load());
                }
            }
            out.println();
            out.println("figure                            goal     " + column("quiet") + (options.loaded() ? column("another build running") : ""));
            for (int i = 0; i < rows.size(); i++) {
                out.printf(Locale.ROOT, "%-33s %-8s %s%s%n", rows.get(i)[0], rows.get(i)[1], column(quiet.get(i)),
                        options.loaded() ? column(busy.get(i)) : "");
            }
            out.println("(median of " + options.rounds() + " rounds, and the slowest; grade: one round)");
            return 0;
        } finally {
            procbook.grading.LessonCompiler.deleteTree(scratch);
        }
    }

    private static String column(String s) {
        return String.format(Locale.ROOT, "%-24s", s);
    }

    /** Seconds of each round: "median s (max s)", or what went wrong. */
    private String measure(String what, String lesson, int rounds) {
        List<Double> seconds = new ArrayList<>();
        try {
            switch (what) {
                case "run" -> {
                    for (int r = 0; r < rounds; r++) {
                        seconds.add(coldRun(lesson));
                    }
                }
                case "watch" -> seconds.addAll(watch(lesson, rounds));
                case "grade" -> seconds.add(grade());
                default -> throw new IllegalStateException(what);
            }
        } catch (Exception e) {
            return "failed: " + e.getMessage();
        }
        double[] s = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        String figure = String.format(Locale.ROOT, "%.1f s (max %.1f)", s[s.length / 2], s[s.length - 1]);
        out.println("  " + what + " " + lesson + ": " + Arrays.stream(s).mapToObj(x -> String.format(Locale.ROOT, "%.1f", x)).toList() + " s");
        return figure;
    }

    private double coldRun(String lesson) throws Exception {
        long start = System.nanoTime();
        java.lang.Process p = procbook("run", lesson).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("run " + lesson + " gave no verdict in 5 minutes");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("run " + lesson + " did not pass with the reference (exit code " + p.exitValue() + ")");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Starts a watch, waits for its first verdict, then saves a file {@code rounds} times, timing each new verdict. */
    private List<Double> watch(String lesson, int rounds) throws Exception {
        java.lang.Process p = procbook("watch", lesson).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the watch ended: nothing more to read
            }
        }, "bench-watch-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            verdict(lines, lesson);
            Path source;
            try (Stream<Path> all = Files.walk(Lessons.named(work, lesson).dir().resolve("src/main/java"))) {
                source = all.filter(f -> f.toString().endsWith(".java")).findFirst().orElseThrow();
            }
            List<Double> seconds = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                Thread.sleep(1100); // a new modification time, even where the file system counts whole seconds
                long start = System.nanoTime();
                Files.writeString(source, "\n// saved by procbook bench, round " + r + "\n", java.nio.file.StandardOpenOption.APPEND);
                verdict(lines, lesson);
                seconds.add((System.nanoTime() - start) / 1e9);
            }
            return seconds;
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static void verdict(BlockingQueue<String> lines, String lesson) throws InterruptedException {
        while (true) {
            String line = lines.poll(5, TimeUnit.MINUTES);
            if (line == null) {
                throw new IllegalStateException("watch " + lesson + " gave no verdict in 5 minutes");
            }
            if (VERDICT.matcher(line).find()) {
                if (!line.contains("DONE")) {
                    throw new IllegalStateException("watch " + lesson + " did not pass with the reference: " + line);
                }
                return;
            }
        }
    }

    private double grade() throws Exception {
        long start = System.nanoTime();
        java.lang.Process p = new ProcessBuilder(java(), "-Dfile.encoding=UTF-8", "-cp", classPath, "procbook.grading.Grade",
                "--course", root.toString(), "--submission", work.toString(), "--out", work.resolveSibling("grading").toString())
                .redirectErrorStream(true).redirectOutput(work.resolveSibling("grade.log").toFile()).start();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the grading did not end in 20 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String report = Files.readString(work.resolveSibling("grading/report.json"));
        if (p.exitValue() != 0 || !report.contains("\"complete\" : true") && !report.contains("\"complete\": true")) {
            throw new IllegalStateException("the grading failed (exit code " + p.exitValue() + "): see " + work.resolveSibling("grade.log"));
        }
        return seconds;
    }

    /** The command ./procbook runs, with the JVM options it gives (passed on as {@code procbook.launcher.jvm}), on the solved copy. */
    private ProcessBuilder procbook(String command, String lesson) {
        List<String> cmd = new ArrayList<>(List.of(java()));
        String options = System.getProperty("procbook.launcher.jvm", "").strip();
        if (!options.isEmpty()) {
            cmd.addAll(List.of(options.split("\\s+")));
        }
        cmd.addAll(List.of("-Dfile.encoding=UTF-8", "-Dprocbook.root=" + work, "-cp", classPath, "procbook.cli.Procbook", command, lesson));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The lessons' folders, sources only, with each reference's sources in place of the stub's. */
    private void solvedCopy() throws IOException {
        for (Lessons.Lesson lesson : Lessons.under(root)) {
            Path to = work.resolve("lessons").resolve(lesson.dir().getFileName());
            copyTree(lesson.dir(), to);
            Path reference = root.resolve("solutions").resolve(lesson.dir().getFileName()).resolve("src/main/java");
            if (!Files.isDirectory(reference)) {
                throw new IllegalStateException("no reference solution in " + reference + ": bench needs the instructor's edition");
            }
            procbook.grading.LessonCompiler.deleteTree(to.resolve("src/main/java"));
            copyTree(reference, to.resolve("src/main/java"));
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path rel = from.relativize(p);
                if (rel.toString().equals("target") || rel.startsWith("target")) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }


    private static String load() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "(unknown: no /proc/loadavg)";
        }
    }

    /** Another build on the machine: the project's mp tests, in a copy of its own, over and over until closed. */
    private static final class OtherBuild implements AutoCloseable {
        private final java.lang.Process loop;

        private OtherBuild(java.lang.Process loop) {
            this.loop = loop;
        }

        static OtherBuild start(Path root, Path copy) throws IOException {
            for (String part : List.of("pom.xml", "mvnw", ".mvn", "harness/mp")) {
                if (Files.isDirectory(root.resolve(part))) {
                    copyTree(root.resolve(part), copy.resolve(part));
                } else {
                    Files.createDirectories(copy.resolve(part).getParent());
                    Files.copy(root.resolve(part), copy.resolve(part), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            String build = "while true; do ./mvnw -q -B -o -f harness/mp/pom.xml test >/dev/null 2>&1 || sleep 1; done";
            java.lang.Process p = new ProcessBuilder("setsid", "sh", "-c", build).directory(copy.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return new OtherBuild(p);
        }

        @Override
        public void close() throws Exception {
            // the loop is a group of its own (setsid): end all of it, Maven and its test JVMs too
            new ProcessBuilder("kill", "-KILL", "--", "-" + loop.pid()).start().waitFor();
            loop.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
