package procbook.mp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class-data-sharing archive of the JDK classes every child JVM loads (serialization, lambdas,
 * NIO, signals): with it a child maps them ready-made instead of loading ~1000 classes one by one.
 *
 * <p>Made once per JDK, in the background, the first time a process starts a child; kept in
 * {@code ~/.cache/procbook/cds}. Only JDK classes go in, so it fits any class path. Until it
 * exists, and wherever it cannot be made, children simply start without it.
 * Turn it off with {@code -Dprocbook.mp.cds=false}.
 */
final class ClassDataArchive {
    static final String ENABLED_PROPERTY = "procbook.mp.cds";
    private static final Duration STALE_LOCK = Duration.ofSeconds(30);
    private static boolean attempted;

    private ClassDataArchive() {
    }

    /** The JVM options that use the archive, or none while it does not exist. */
    static List<String> options() {
        if (!Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))) {
            return List.of();
        }
        Path archive = archive();
        if (Files.isRegularFile(archive)) {
            // -Xlog:cds=off: a JVM that cannot use an archive says so on standard output, which is the student's
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off");
        }
        makeInBackground(archive);
        return List.of();
    }

    /** The version of the warm-up's class list: 2 adds the shared primitives (locks, queues, pipes). */
    private static final int LIST_VERSION = 2;

    private static Path archive() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
        // one archive per exact JVM (an archive only fits the JVM build that made it) and per class list
        // version: bump LIST_VERSION when the warm-up in ChildMain loads new classes
        String key = Integer.toHexString((System.getProperty("java.home") + "|" + System.getProperty("java.vm.version")
                + "|" + LIST_VERSION).hashCode());
        return base.resolve("procbook").resolve("cds").resolve("child-" + System.getProperty("java.vm.version")
                .replaceAll("[^A-Za-z0-9._-]", "_") + "-" + key + ".jsa");
    }

    /** Starts a process that makes the archive: a process, not a thread, so that it may outlive a short-lived starter. */
    private static synchronized void makeInBackground(Path archive) {
        if (attempted) {
            return;
        }
        attempted = true;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    ClassDataArchive.class.getName(), archive.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            // no archive this time: children start a little slower, nothing else changes
        }
    }

    /** The archive maker's own main: {@code ClassDataArchive <archive>}. */
    public static void main(String[] args) {
        make(Path.of(args[0]));
    }

    private static void make(Path archive) {
        Path lock = archive.resolveSibling(archive.getFileName() + ".lock");
        try {
            Files.createDirectories(archive.getParent());
            if (Files.exists(archive)) {
                return;
            }
            if (Files.exists(lock) && !makerAlive(lock)) {
                Files.deleteIfExists(lock); // its maker died: killed with a test's processes, say
            }
            Files.createFile(lock); // fails if another process is making it right now
            Files.writeString(lock, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            return;
        }
        Path list = lock.resolveSibling(archive.getFileName() + ".classlist");
        Path made = lock.resolveSibling(archive.getFileName() + ".tmp");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // 1. a throwaway child does what every child does, and lists the classes it loaded
            List<String> warmUp = new ArrayList<>(List.of(java, "-XX:DumpLoadedClassList=" + list,
                    "-cp", System.getProperty("java.class.path"), ChildMain.class.getName(), ChildMain.WARM_UP));
            // 2. the JDK classes of that list go into the archive (classes from directories are left out)
            List<String> dump = List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + made, "-Xlog:cds=off");
            if (run(warmUp) && run(dump) && Files.size(made) > 0) {
                Files.move(made, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // no archive: children start a little slower, nothing else changes
        } finally {
            try {
                Files.deleteIfExists(list);
                Files.deleteIfExists(made);
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                // a lock whose maker is gone is taken over by the next maker
            }
        }
    }

    private static boolean makerAlive(Path lock) {
        try {
            String pid = Files.readString(lock).trim();
            if (pid.isEmpty()) {
                // just created, pid not written yet; or written by a maker that died at once
                return Files.getLastModifiedTime(lock).toInstant().isAfter(Instant.now().minus(STALE_LOCK));
            }
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static boolean run(List<String> command) throws IOException {
        java.lang.Process p = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }
}
