package procbook.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Which OS processes belong to one scenario run, however they got there.
 *
 * <p>Why not only the process group: a child may call {@code setsid}, or fork twice, and leave it.
 * So every process of a run carries a mark — an environment variable it inherits, {@value #MARK_VARIABLE}
 * — and a process whose parent belongs to the run belongs to it too (that catches a child that
 * cleared its environment). A shared background poll notes every member as soon as it appears
 * (only new pids are read, so a poll costs a directory listing), which is how the trace's pids can be
 * checked later, after the processes have ended. Linux only: elsewhere, without {@code /proc}, the
 * process group is all there is, and {@link #tracksProcesses()} says so.
 */
final class RunMembers {
    /** The environment variable that marks every process of a scenario run. */
    static final String MARK_VARIABLE = "PROCBOOK_SCENARIO_MARK";
    private static final boolean PROC = Files.isReadable(Path.of("/proc/self/environ"));
    private static final long POLL_MILLIS = 10;
    private static final Set<RunMembers> WATCHED = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService POLLER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "procbook-run-members");
        t.setDaemon(true);
        return t;
    });
    /** Pids the poll has read already, whatever they were: only new ones are read again. */
    private static final Set<Long> SEEN = ConcurrentHashMap.newKeySet();

    static {
        if (PROC) {
            POLLER.scheduleWithFixedDelay(RunMembers::pollAll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** A member: its pid and its start time in clock ticks since boot, which tells it from a later process with the same pid. */
    record Member(long pid, long startTicks) {
    }

    private final String mark;
    private final long mainPid;
    private final Map<Long, Member> members = new ConcurrentHashMap<>();

    private RunMembers(String mark, long mainPid) {
        this.mark = mark;
        this.mainPid = mainPid;
    }

    /** Starts noting the members of the run whose main process is {@code mainPid} and whose processes carry {@code mark}. */
    static RunMembers watch(String mark, long mainPid) {
        RunMembers run = new RunMembers(mark, mainPid);
        ProcStat.read(mainPid).ifPresent(s -> run.members.put(mainPid, new Member(mainPid, s.startTicks())));
        if (PROC) {
            WATCHED.add(run);
            run.pollNow();
        }
        return run;
    }

    /** Whether processes are tracked beyond the process group: true on Linux. */
    static boolean tracksProcesses() {
        return PROC;
    }

    /** Whether {@code pid} was ever seen as a member of the run (checking it now, too, if it still runs). */
    boolean wasMember(long pid) {
        if (members.containsKey(pid)) {
            return true;
        }
        ProcStat.read(pid).ifPresent(s -> consider(s));
        return members.containsKey(pid);
    }

    /** The members still running now (zombies excluded), the same process as when first seen. */
    List<Long> living() {
        List<Long> out = new ArrayList<>();
        if (PROC) {
            pollNow();
        }
        for (Member m : members.values()) {
            Optional<ProcStat> now = ProcStat.read(m.pid());
            if (now.isPresent() && now.get().startTicks() == m.startTicks() && now.get().state() != 'Z') {
                out.add(m.pid());
            }
        }
        return out;
    }

    /** The state letter of a living member ('R' running, 'S' sleeping, ...), or empty if it is gone. */
    static Optional<Character> stateOf(long pid) {
        return ProcStat.read(pid).map(ProcStat::state);
    }

    /** Whether {@code pid} is a JVM that mp booted ahead and that has not been handed a process yet as far as its environment says. */
    static boolean isSpare(long pid) {
        return hasVariable(pid, procbook.mp.JavaCommand.SPARE_VARIABLE + "=1");
    }

    /** Stops watching: the run has been cleaned up. */
    void forget() {
        WATCHED.remove(this);
    }

    private void pollNow() {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path d : dirs) {
                long pid = pidOf(d);
                if (pid > 0 && !members.containsKey(pid)) {
                    ProcStat.read(pid).ifPresent(s -> consider(s));
                }
            }
        } catch (IOException | RuntimeException e) {
            // /proc vanished mid-listing: the next poll tries again
        }
    }

    private static void pollAll() {
        if (WATCHED.isEmpty()) {
            return;
        }
        Set<Long> present = new HashSet<>();
        List<ProcStat> fresh = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path d : dirs) {
                long pid = pidOf(d);
                if (pid > 0) {
                    present.add(pid);
                    if (SEEN.add(pid)) {
                        ProcStat.read(pid).ifPresent(fresh::add);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return;
        }
        SEEN.retainAll(present); // a pid used again later is read again
        for (RunMembers run : WATCHED) {
            // a child may be listed before its parent: go round until nothing more joins
            int before;
            do {
                before = run.members.size();
                fresh.forEach(run::consider);
            } while (run.members.size() != before);
        }
    }

    /** A process belongs to the run if it carries the mark, or if its parent belongs to it. */
    private void consider(ProcStat s) {
        if (members.containsKey(s.pid())) {
            return;
        }
        if (members.containsKey(s.ppid()) || s.pid() == mainPid || carriesMark(s.pid())) {
            members.put(s.pid(), new Member(s.pid(), s.startTicks()));
        }
    }

    private boolean carriesMark(long pid) {
        return hasVariable(pid, MARK_VARIABLE + "=" + mark);
    }

    /** Whether process {@code pid}'s environment holds exactly {@code entry} ("NAME=value"); false if it is gone, or someone else's. */
    private static boolean hasVariable(long pid, String entry) {
        try {
            byte[] env = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
            String text = new String(env, StandardCharsets.ISO_8859_1);
            int at = text.indexOf(entry);
            while (at >= 0) {
                boolean starts = at == 0 || text.charAt(at - 1) == '\0';
                int end = at + entry.length();
                boolean ends = end == text.length() || text.charAt(end) == '\0';
                if (starts && ends) {
                    return true;
                }
                at = text.indexOf(entry, at + 1);
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static long pidOf(Path dir) {
        String name = dir.getFileName().toString();
        if (name.isEmpty() || name.length() > 10) {
            return -1;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return -1;
            }
        }
        return Long.parseLong(name);
    }

    /** The fields of {@code /proc/PID/stat} that tell which run a process belongs to. */
    record ProcStat(long pid, long ppid, char state, long startTicks) {
        static Optional<ProcStat> read(long pid) {
            if (!PROC) {
                return ProcessTree.info(pid).map(i -> new ProcStat(i.pid(), i.ppid(), i.state(), 0));
            }
            return ProcessTree.statFields(Path.of("/proc", Long.toString(pid), "stat")).flatMap(f -> {
                try {
                    return Optional.of(new ProcStat(pid, Long.parseLong(f[2]), f[1].charAt(0), Long.parseLong(f[20])));
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            });
        }
    }
}
