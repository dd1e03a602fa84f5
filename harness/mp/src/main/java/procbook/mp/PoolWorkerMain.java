package procbook.mp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Pool}'s worker process runs: the initializer once, then job after job from its
 * pipe, one reply per job, until the pool says stop or goes away ({@link PoolWire} says how the
 * messages look). The pool's side of a worker is {@link PoolWorker}.
 */
final class PoolWorkerMain {
    private PoolWorkerMain() {
    }

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
            if (in.readByte() == PoolWire.STOP) {
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
                    out.writeByte(PoolWire.DONE);
                    out.writeLong(id);
                    out.writeInt(n);
                    String context = "the result of " + Pool.describe(fn) + " cannot go back to the pool";
                    for (Object r : results) {
                        Values.write(out, r, context, "the result");
                    }
                } catch (Exception | Error e) {
                    reply.reset();
                    out.writeByte(PoolWire.FAILED);
                    out.writeLong(id);
                    PoolWire.writeFailure(out, e, fn);
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
}
