package procbook.mp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One worker of a {@link Pool}, as the pool's dispatcher knows it: its process, its pipe, which jobs
 * it holds, which functions it has already been sent. What the worker's process runs is
 * {@link PoolWorkerMain}; the messages between them are {@link PoolWire}'s.
 */
final class PoolWorker {
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
    final Deque<PoolJob> inFlight = new ArrayDeque<>();
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
    void hand(List<PoolJob> jobs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        DataOutputStream out = new DataOutputStream(bytes);
        List<PoolJob> sent = new ArrayList<>(jobs.size());
        try {
            out.writeByte(PoolWire.JOB);
            out.writeInt(0); // the count, filled in below
            for (PoolJob job : jobs) {
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

    private void writeJob(DataOutputStream out, PoolJob job) throws IOException {
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
        forget = false; // once, on the job that made the pool forget: the jobs after it in this message name functions anew
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
            PoolJob job = inFlight.poll();
            tinyFn = now - lastResultAt < TINY_NANOS ? job.fn() : null;
            lastResultAt = now;
            try {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(message));
                byte kind = in.readByte();
                long id = in.readLong();
                if (id != job.id()) {
                    throw new IllegalStateException("worker " + process.name() + " answered job " + id + " where job " + job.id() + " was due");
                }
                if (kind == PoolWire.DONE) {
                    int n = in.readInt();
                    List<Object> results = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        results.add(Values.read(in));
                    }
                    job.sink().succeed(job, results);
                } else {
                    job.sink().fail(job, PoolWire.readFailure(in));
                }
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                job.sink().fail(job, new Pool.TaskFailed("the result of " + Pool.describe(job.fn()) + " could not be read: " + e, e));
            }
        }
        return any;
    }

    /** The worker is dead: the job it was running fails, the ones it had not started go back to the pool. */
    // tag::died[]
    void died(PoolDispatcher pool) {
        PoolJob running = inFlight.poll();
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
            PoolJob job = inFlight.poll();
            job.sink().fail(job, error);
        }
    }

    /** Asks the worker to end after its jobs. */
    void retire() {
        try {
            conn.sendBytes(new byte[] {PoolWire.STOP});
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
        return c < 0 ? "killed by " + Signal.nameOf(-c) + ", signal " + -c : "exit code " + c
                + (c == 0 ? "" : ", System.exit(" + c + ") or an error outside the task");
    }
}
