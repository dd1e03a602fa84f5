package procbook.mp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A block of memory shared by every process that maps the same file: where mp's locks, semaphores,
 * events, queues and pipes keep their state.
 *
 * <p>Why a memory-mapped file: two JVMs that map one file see each other's writes at once, and the
 * processor's atomic instructions (compare-and-set) work on it across processes exactly as they do
 * across threads. Taking a free lock is then one compare-and-set, with no system call — the same
 * trick Python's locks use underneath (a POSIX semaphore lives in shared memory too).
 *
 * <p>The files live in {@code /dev/shm} (memory, not disk) where it exists, else in the temp folder,
 * in a folder per creating process: {@code procbook-<pid>}. The creator deletes its folder at a
 * normal end (processes that mapped a file keep their mapping); a folder left by a killed process
 * is swept by the next process that creates shared memory.
 *
 * <p>Layout: a 64-byte header (magic, kind, size), then the primitive's own fields.
 */
final class SharedMemory {
    static final int HEADER = 64;
    private static final int MAGIC = 0x50424d50; // "PBMP"
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private static final Map<Path, SharedMemory> mapped = new HashMap<>();
    private static final List<Runnable> atEnd = new ArrayList<>();
    private static Path ownFolder;
    private static int created;

    final Path path;
    final String kind;
    private final MappedByteBuffer buffer;

    private SharedMemory(Path path, String kind, MappedByteBuffer buffer) {
        this.path = path;
        this.kind = kind;
        this.buffer = buffer;
    }

    /** New zeroed shared memory with {@code size} bytes after the header, for a primitive of this kind. */
    static SharedMemory create(String kind, int size) {
        Path file;
        synchronized (SharedMemory.class) {
            file = ownFolder().resolve(kind.toLowerCase(java.util.Locale.ROOT) + "-" + (++created));
        }
        int total = HEADER + size;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer buffer = ch.map(FileChannel.MapMode.READ_WRITE, 0, total); // grows the file, zero-filled
            buffer.order(ByteOrder.nativeOrder());
            SharedMemory m = new SharedMemory(file, kind, buffer);
            buffer.putInt(4, kind.hashCode());
            buffer.putInt(8, total);
            INT.setVolatile(buffer, 0, MAGIC); // last: a reader that sees the magic sees the rest
            synchronized (SharedMemory.class) {
                mapped.put(file, m);
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create shared memory for a " + kind + " in " + file.getParent()
                    + ": " + e.getMessage() + ". mp keeps locks, queues and pipes in memory-mapped files there;"
                    + " set -Dprocbook.mp.shm=<a writable folder> to use another place", e);
        }
    }

    /** The shared memory of a primitive handed to this process; mapped once per process. */
    static SharedMemory open(Path file, String kind) {
        synchronized (SharedMemory.class) {
            SharedMemory known = mapped.get(file);
            if (known != null) {
                return known;
            }
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer buffer = ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size());
            buffer.order(ByteOrder.nativeOrder());
            if (ch.size() < HEADER || (int) INT.getVolatile(buffer, 0) != MAGIC || buffer.getInt(4) != kind.hashCode()) {
                throw new IllegalStateException(file + " does not hold a " + kind + " of mp");
            }
            SharedMemory m = new SharedMemory(file, kind, buffer);
            synchronized (SharedMemory.class) {
                SharedMemory raced = mapped.putIfAbsent(file, m);
                return raced != null ? raced : m;
            }
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("this " + kind + " no longer exists: its shared memory " + file
                    + " was removed when the process that created it ended. Create shared objects in a process"
                    + " that outlives every process using them (usually the main process)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the shared memory of a " + kind + " at " + file + ": " + e.getMessage(), e);
        }
    }

    // All offsets below are relative to the end of the header, and must be aligned to the value's size.

    int getInt(int offset) {
        return (int) INT.getVolatile(buffer, HEADER + offset);
    }

    void setInt(int offset, int value) {
        INT.setVolatile(buffer, HEADER + offset, value);
    }

    /** A store that others see after every write before it: enough to hand over a lock, and cheaper than volatile. */
    void setIntRelease(int offset, int value) {
        INT.setRelease(buffer, HEADER + offset, value);
    }

    boolean casInt(int offset, int expected, int value) {
        return INT.compareAndSet(buffer, HEADER + offset, expected, value);
    }

    int addInt(int offset, int delta) {
        return (int) INT.getAndAdd(buffer, HEADER + offset, delta) + delta;
    }

    long getLong(int offset) {
        return (long) LONG.getVolatile(buffer, HEADER + offset);
    }

    void setLong(int offset, long value) {
        LONG.setVolatile(buffer, HEADER + offset, value);
    }

    /** Copies {@code length} bytes into shared memory; publish them with a volatile write after. */
    void put(int offset, byte[] src, int from, int length) {
        buffer.put(HEADER + offset, src, from, length);
    }

    void get(int offset, byte[] dst, int from, int length) {
        buffer.get(HEADER + offset, dst, from, length);
    }

    /** Copies into a ring of {@code capacity} bytes at {@code base}, at stream position {@code position}, wrapping at its end. */
    void putWrapped(int base, int capacity, long position, byte[] src, int from, int length) {
        int at = (int) (position % capacity);
        int first = Math.min(length, capacity - at);
        put(base + at, src, from, first);
        if (first < length) {
            put(base, src, from + first, length - first);
        }
    }

    void getWrapped(int base, int capacity, long position, byte[] dst, int from, int length) {
        int at = (int) (position % capacity);
        int first = Math.min(length, capacity - at);
        get(base + at, dst, from, first);
        if (first < length) {
            get(base, dst, from + first, length - first);
        }
    }

    /** Runs at the normal end of this process, before its shared memory folder is removed. */
    static synchronized void atEnd(Runnable action) {
        atEnd.add(action);
    }

    /** Called at the normal end of the process: closes what must be closed, removes our folder. */
    static void endOfProcess() {
        List<Runnable> actions;
        Path folder;
        synchronized (SharedMemory.class) {
            actions = new ArrayList<>(atEnd);
            atEnd.clear();
            folder = ownFolder;
        }
        for (Runnable r : actions) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // the process is ending; the others see its death anyway
            }
        }
        List<SharedMemory> all;
        synchronized (SharedMemory.class) {
            all = new ArrayList<>(mapped.values());
        }
        for (SharedMemory m : all) { // locks and permits this process forgot to release stay taken, visibly
            if (m.kind.equals("Lock") || m.kind.equals("RLock")) {
                OwnerWord.leaveBehind(m, 0);
            } else if (m.kind.endsWith("Semaphore")) {
                Semaphore.leaveBehind(m);
            }
        }
        if (folder != null) {
            deleteFolder(folder);
        }
    }

    private static Path ownFolder() {
        if (ownFolder == null) {
            Path base = base();
            sweep(base);
            Path folder = base.resolve("procbook-" + ThisProcess.PID);
            deleteFolder(folder); // left by an earlier process that had our pid
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + folder + " for mp's shared memory: " + e.getMessage()
                        + "; set -Dprocbook.mp.shm=<a writable folder>", e);
            }
            ownFolder = folder;
        }
        return ownFolder;
    }

    private static Path base() {
        String chosen = System.getProperty("procbook.mp.shm");
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Removes the folders of processes that died without cleaning up (SIGKILL leaves them). */
    private static void sweep(Path base) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(base, "procbook-*")) {
            for (Path f : folders) {
                String rest = f.getFileName().toString().substring("procbook-".length());
                if (!rest.isEmpty() && rest.chars().allMatch(Character::isDigit) && !Liveness.isAlive(Long.parseLong(rest))) {
                    deleteFolder(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // sweeping is a courtesy; failing to sweep costs only a little memory
        }
    }

    private static void deleteFolder(Path folder) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // absent, or being removed by another sweeper
        }
    }
}
