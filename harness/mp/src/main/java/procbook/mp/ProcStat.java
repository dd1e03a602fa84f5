package procbook.mp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What Linux says of a process in {@code /proc/<pid>/stat}: its state and its process group. The
 * one place mp reads that file; on macOS, which has no {@code /proc}, {@link #AVAILABLE} is false.
 */
record ProcStat(char state, long parent, long group) {
    static final boolean AVAILABLE = Files.isReadable(Path.of("/proc/self/stat"));

    /** Empty when the process is gone (or was never there). */
    static Optional<ProcStat> of(long pid) throws IOException {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        // "pid (command) state ppid pgrp ...": the command may hold spaces and parentheses
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Optional.of(new ProcStat(fields[0].charAt(0), Long.parseLong(fields[1]), Long.parseLong(fields[2])));
    }

    /** Ended: a zombie (ended, not yet reaped by its parent) counts as ended. */
    boolean ended() {
        return state == 'Z' || state == 'X' || state == 'x';
    }
}
