package procbook.mp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One worker of a {@link Pool}: the process side ({@link #work}, its main loop) and the pool side
 * (what the dispatcher knows of it: which jobs it holds, which functions it has already been sent).
 *
 * <p>The messages, over the worker's {@link Pipe}: to the worker, {@code JOB id fn items} or
 * {@code STOP}; back, {@code DONE id results} or {@code FAILED id exception}. A job's function
 * travels with the first job that needs it; later jobs name it by number.
 */
final class PoolWorker {
    private static final byte JOB = 1;
    private static final byte STOP = 2;
    private static final byte DONE = 1;
    private static final byte FAILED = 2;
    /**
     * Jobs a worker may hold at once when its tasks are tiny: it runs them one after the other
     * without waiting for the dispatcher. A worker whose last task took longer than
     * {@link #TINY_NANOS} holds one job only, so that no task waits behind a slow one while another
     * worker is free.
     */
    private static final int PREFETCH = 32;
    private static final long TINY_NANOS = 200_000;
    private static final int FUNCTIONS_REMEMBERED = 64;

    final Process process;
    final Connection conn;
    final Deque<Pool.Job> inFlight = new ArrayDeque<>();
    int handedOut;
    private long lastResultAt;
    /** The function whose last job here took under {@link #TINY_NANOS}: more jobs of it may queue here. */
    Serializable tinyFn;
    private final Map<Object, Long> functions = new IdentityHashMap<>();
    private long nextFunction;
    private boolean forget;

    PoolWorker(Process process, Connection conn) {
        this.process = process;
        this.conn = conn;
    }

    // ---- the pool's side ----

    /** How many more jobs of {@link #tinyFn} this worker may hold now. */
    int room(int maxTasks) {
        int room = tinyFn == null ? 0 : PREFETCH - inFlight.size();
        if (maxTasks > 0) {
            room = Math.min(room, maxTasks - handedOut);
        }
        return Math.max(0, room);
    }

    /** Sends jobs in one message; a job whose function cannot travel fails at once. */
    void hand(List<Pool.Job> jobs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        DataOutputStream out = new DataOutputStream(bytes);
        List<Pool.Job> sent = new ArrayList<>(jobs.size());
        try {
            out.writeByte(JOB);
            out.writeInt(0); // the count, filled in below
            for (Pool.Job job : jobs) {
                int mark = bytes.size();
                try {
                    writeJob(out, job);
                    sent.add(job);
                } catch (IllegalArgumentException e) {
                    job.sink().fail(job, e);
                    byte[] kept = java.util.Arrays.copyOf(bytes.toByteArray(), mark); // drop the half-written job
                    bytes.reset();
                    bytes.write(kept);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sent.isEmpty()) {
            return;
        }
        byte[] message = bytes.toByteArray();
        message[1] = (byte) (sent.size() >>> 24);
        message[2] = (byte) (sent.size() >>> 16);
        message[3] = (byte) (sent.size() >>> 8);
        message[4] = (byte) sent.size();
        forget = false;
        if (inFlight.isEmpty()) {
            lastResultAt = System.nanoTime(); // an idle worker starts its service time now
        }
        try {
            conn.sendBytes(message);
        } catch (BrokenPipeException e) {
            // the worker is dead: the health check hands these jobs back, like the others it held
        }
        inFlight.addAll(sent);
        handedOut += sent.size();
    }

    private void writeJob(DataOutputStream out, Pool.Job job) throws IOException {
        Long known = functions.get(job.fn());
        boolean fresh = known == null;
        byte[] fn = null;
        if (fresh) {
            Serialization.FOR_POOL_TASK.set(Boolean.TRUE);
            try {
                fn = Serialization.toBytes(job.fn(), "cannot hand " + Pool.describe(job.fn()) + " to a pool worker", "the function");
            } finally {
                Serialization.FOR_POOL_TASK.set(Boolean.FALSE);
            }
            if (functions.size() >= FUNCTIONS_REMEMBERED) {
                functions.clear(); // capturing lambdas are new objects at every call: remember a few only
                forget = true;     // and the worker forgets with us
            }
            known = ++nextFunction;
            functions.put(job.fn(), known);
        }
        out.writeLong(job.id());
        out.writeLong(known);
        out.writeBoolean(forget);
        out.writeBoolean(fresh);
        if (fresh) {
            out.writeInt(fn.length);
            out.write(fn);
        }
        out.writeBoolean(job.star());
        out.writeInt(job.items().size());
        for (Object item : job.items()) {
            out.write((byte[]) item);
        }
    }

    /** Reads every result the worker has sent so far; true if there was any. */
    boolean collect() {
        boolean any = false;
        while (!inFlight.isEmpty() && PipeRing.hasMessage(conn)) {
            byte[] message;
            try {
                message = conn.recvBytes();
            } catch (EndOfPipeException e) {
                return any;
            }
            any = true;
            long now = System.nanoTime();
            Pool.Job job = inFlight.poll();
            tinyFn = now - lastResultAt < TINY_NANOS ? job.fn() : null;
            lastResultAt = now;
            try {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(message));
                byte kind = in.readByte();
                long id = in.readLong();
                if (id != job.id()) {
                    throw new IllegalStateException("worker " + process.name() + " answered job " + id + " where job " + job.id() + " was due");
                }
                if (kind == DONE) {
                    int n = in.readInt();
                    List<Object> results = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        results.add(Values.read(in));
                    }
                    job.sink().succeed(job, results);
                } else {
                    job.sink().fail(job, readFailure(in));
                }
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                job.sink().fail(job, new Pool.TaskFailed("the result of " + Pool.describe(job.fn()) + " could not be read: " + e, e));
            }
        }
        return any;
    }

    /** The worker is dead: the job it was running fails, the ones it had not started go back to the pool. */
    // tag::died[]
    void died(Pool pool) {
        Pool.Job running = inFlight.poll();
        if (running != null) {
            running.sink().fail(running, new Pool.WorkerDied(process.name() + " (pid " + process.pid() + ") died while running "
                    + Pool.describe(running.fn()) + " (" + howItEnded() + "); " + pool.name() + " replaced it and goes on"));
        }
        while (!inFlight.isEmpty()) {
            pool.requeue(inFlight.pollLast());
        }
    }
    // end::died[]

    void failAll(Throwable error) {
        while (!inFlight.isEmpty()) {
            Pool.Job job = inFlight.poll();
            job.sink().fail(job, error);
        }
    }

    /** Asks the worker to end after its jobs. */
    void retire() {
        try {
            conn.sendBytes(new byte[] {STOP});
        } catch (BrokenPipeException | IllegalStateException e) {
            // already gone
        }
    }

    private String howItEnded() {
        java.util.OptionalInt code = process.exitCode();
        if (code.isEmpty()) {
            return "still ending";
        }
        int c = code.getAsInt();
        return c < 0 ? "killed by signal " + -c + (c == -9 ? ", SIGKILL" : c == -15 ? ", SIGTERM" : "") : "exit code " + c
                + (c == 0 ? "" : ", System.exit(" + c + ") or an error outside the task");
    }

    private static Throwable readFailure(DataInputStream in) throws IOException, ClassNotFoundException {
        String description = readText(in);
        String trace = readText(in);
        boolean travelled = in.readBoolean();
        if (travelled) {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            try {
                return (Throwable) Serialization.fromBytes(bytes);
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                // fall through: describe it instead
            }
        }
        return new Pool.TaskFailed(description + "\n--- in the worker:\n" + trace, null);
    }

    // ---- the worker's side ----

    /** The worker process's main code: run the initializer, then jobs, until told to stop. */
    // tag::work[]
    static void work(Connection conn, Target initializer, Integer maxTasks) throws Exception {
        if (initializer != null) {
            initializer.run();
        }
        Map<Long, Serializable> known = new HashMap<>();
        int done = 0;
        while (true) {
            byte[] message;
            try {
                message = conn.recvBytes();
            } catch (EndOfPipeException e) {
                return; // the pool is gone
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(message));
            if (in.readByte() == STOP) {
                return;
            }
            int jobs = in.readInt();
            for (int j = 0; j < jobs; j++) {
                long id = in.readLong();
                long fnId = in.readLong();
                if (in.readBoolean()) {
                    known.clear();
                }
                if (in.readBoolean()) {
                    byte[] fn = new byte[in.readInt()];
                    in.readFully(fn);
                    known.put(fnId, (Serializable) Serialization.fromBytes(fn));
                }
                Serializable fn = known.get(fnId);
                boolean star = in.readBoolean();
                int n = in.readInt();
                ByteArrayOutputStream reply = new ByteArrayOutputStream(32);
                DataOutputStream out = new DataOutputStream(reply);
                List<Object> args = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    args.add(star ? new Object[] {Values.read(in), Values.read(in)} : Values.read(in));
                }
                try {
                    List<Object> results = new ArrayList<>(n);
                    for (Object arg : args) {
                        results.add(call(fn, star, arg));
                    }
                    out.writeByte(DONE);
                    out.writeLong(id);
                    out.writeInt(n);
                    String context = "the result of " + Pool.describe(fn) + " cannot go back to the pool";
                    for (Object r : results) {
                        Values.write(out, r, context, "the result");
                    }
                } catch (Exception | Error e) {
                    reply.reset();
                    out.writeByte(FAILED);
                    out.writeLong(id);
                    writeFailure(out, e, fn);
                }
                conn.sendBytes(reply.toByteArray()); // one reply per job: the pool then knows which ones are done
                done++;
                if (maxTasks > 0 && done >= maxTasks) {
                    return;
                }
            }
        }
    }
    // end::work[]

    @SuppressWarnings("unchecked")
    private static Object call(Serializable fn, boolean star, Object arg) throws Exception {
        if (star) {
            Object[] pair = (Object[]) arg;
            return ((Pool.Fn2<Object, Object, Object>) fn).apply(pair[0], pair[1]);
        }
        return ((Pool.Fn<Object, Object>) fn).apply(arg);
    }

    private static void writeFailure(DataOutputStream out, Throwable e, Serializable fn) throws IOException {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        writeText(out, Pool.describe(fn) + " threw " + e + " in " + ThisProcess.name() + " (pid " + ThisProcess.PID + ")");
        writeText(out, trace.toString());
        byte[] bytes = null;
        try {
            e.addSuppressed(new Pool.TaskFailed("raised in " + ThisProcess.name() + " (pid " + ThisProcess.PID
                    + ") while running " + Pool.describe(fn), null));
            bytes = Serialization.toBytes(e, "exception", "");
        } catch (RuntimeException notSerializable) {
            bytes = null;
        }
        out.writeBoolean(bytes != null);
        if (bytes != null) {
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    /** Encodes one item for a job: one value, or two for starmap. Throws, naming the item, if it cannot travel. */
    static byte[] encodeItem(Object item, boolean star, String context) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16);
        DataOutputStream out = new DataOutputStream(bytes);
        Serialization.FOR_POOL_TASK.set(Boolean.TRUE);
        try {
            if (star) {
                Object[] pair = (Object[]) item;
                Values.write(out, pair[0], context, "argument 1");
                Values.write(out, pair[1], context, "argument 2");
            } else {
                Values.write(out, item, context, "the argument");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Serialization.FOR_POOL_TASK.set(Boolean.FALSE);
        }
        return bytes.toByteArray();
    }

    private static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
