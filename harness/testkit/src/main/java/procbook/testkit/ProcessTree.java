package procbook.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Facts about OS processes, read from {@code /proc} on Linux and from {@code ps} elsewhere.
 *
 * <p>Why not only {@link ProcessHandle}: it calls a zombie — a process that has ended but
 * whose parent has not collected its exit status yet — alive. Here a zombie is dead.
 */
public final class ProcessTree {
    private static final boolean PROC = Files.isReadable(Path.of("/proc/self/stat"));

    private ProcessTree() {
    }

    /** A process as {@code /proc/PID/stat} or {@code ps} show it. */
    public record Info(long pid, long ppid, long pgid, char state) {
        public boolean isZombie() {
            return state == 'Z';
        }
    }

    /** Whether {@code pid} runs and is not a zombie. */
    public static boolean isAlive(long pid) {
        return info(pid).map(i -> !i.isZombie()).orElse(false);
    }

    /** The parent pid of a running process. */
    public static Optional<Long> parentOf(long pid) {
        return info(pid).filter(i -> !i.isZombie()).map(Info::ppid);
    }

    /** Every living (non-zombie) process of the process group {@code pgid}. */
    public static List<Info> groupMembers(long pgid) {
        List<Info> out = new ArrayList<>();
        for (Info i : all()) {
            if (i.pgid() == pgid && !i.isZombie()) {
                out.add(i);
            }
        }
        return out;
    }

    public static Optional<Info> info(long pid) {
        if (PROC) {
            return readProc(Path.of("/proc", Long.toString(pid), "stat"));
        }
        return all().stream().filter(i -> i.pid() == pid).findFirst();
    }

    private static List<Info> all() {
        List<Info> out = new ArrayList<>();
        if (PROC) {
            try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
                dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit))
                        .forEach(d -> readProc(d.resolve("stat")).ifPresent(out::add));
            } catch (IOException e) {
                throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
            }
            return out;
        }
        try {
            java.lang.Process ps = new ProcessBuilder("ps", "-A", "-o", "pid=,ppid=,pgid=,stat=").redirectErrorStream(true).start();
            String text = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ps.waitFor();
            for (String line : text.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4) {
                    out.add(new Info(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), f[3].charAt(0)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ps to list processes: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing processes", e);
        }
    }

    private static Optional<Info> readProc(Path stat) {
        try {
            return statFields(stat).map(f -> new Info(Long.parseLong(f[0]), Long.parseLong(f[2]), Long.parseLong(f[3]), f[1].charAt(0)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The fields of {@code /proc/PID/stat}, numbered as {@code man 5 proc} does less one: [0] pid, [1] state,
     * [2] ppid, [3] pgrp, ... [20] start time. Empty when the process is gone or the line unreadable.
     */
    static Optional<String[]> statFields(Path stat) {
        try {
            String s = Files.readString(stat, StandardCharsets.ISO_8859_1);
            // the command name may hold spaces and parentheses: the fields after it start after the last ')'
            String[] rest = s.substring(s.lastIndexOf(')') + 2).split(" ");
            String[] f = new String[rest.length + 1];
            f[0] = s.substring(0, s.indexOf(' '));
            System.arraycopy(rest, 0, f, 1, rest.length);
            return Optional.of(f);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone between listing and reading
        }
    }
}
