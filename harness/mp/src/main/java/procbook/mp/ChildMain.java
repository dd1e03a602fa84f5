package procbook.mp;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * The first code a child JVM runs. Its standard input is a pipe from the parent: the parent
 * writes the {@link Launch} there, then keeps the pipe open for as long as it lives. The end of
 * that pipe is how a child learns that its parent is gone — without polling.
 */
final class ChildMain {
    private ChildMain() {
    }

    /** The argument that makes this a throwaway run doing what every child does: see ClassDataArchive. */
    static final String WARM_UP = "--warm-up";

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals(WARM_UP)) {
            warmUp();
            return;
        }
        // A channel, not System.in: closing it wakes a thread blocked reading it, and the JVM
        // waits up to 300 ms at exit for threads stuck in a native read.
        FileChannel fromParent = new FileInputStream(FileDescriptor.in).getChannel();
        // Everything a child needs before its target, done while this JVM may still be a spare
        // that nobody waits for (see WarmJvm): signal defaults and exit hook (ThisProcess's set-up),
        // and one reflective call, which readies the machinery that calls the real target.
        ThisProcess.becomeSpare();
        prewarm();
        Launch launch;
        try {
            DataInputStream in = new DataInputStream(Channels.newInputStream(fromParent));
            int length;
            try {
                length = in.readInt();
            } catch (EOFException e) {
                java.lang.Runtime.getRuntime().halt(0); // a spare whose parent ended before it needed it
                return;
            }
            byte[] payload = in.readNBytes(length);
            launch = LaunchCodec.read(new DataInputStream(new ByteArrayInputStream(payload)));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            System.err.println("procbook.mp: a child process could not read what its parent sent it (" + e
                    + "). Was it started by procbook.mp.Process? It cannot be run by hand.");
            System.exit(70);
            return;
        }
        // Like Python's children, user code in a child reads an empty standard input.
        System.setIn(InputStream.nullInputStream());
        ThisProcess.becomeChild(launch);
        ThisProcess.watchParent(fromParent); // only now: until the launch was read, the pipe was ours to read
        Process me = launch.process();
        Trace.lifecycle(Trace.STARTED, "daemon", me.isDaemon());

        int code = 0;
        try {
            me.run();
        } catch (Throwable t) {
            System.err.println("Process " + me.name() + " (pid " + ProcessHandle.current().pid() + ") ended with an exception:");
            t.printStackTrace();
            code = 1;
        }
        awaitNonDaemonThreads();
        ThisProcess.finish(code);
    }

    /**
     * As Python's children do, and as a plain Java main does: the process ends only once the
     * threads its code started (non-daemon ones) have ended, so their work is not silently lost.
     * Daemon threads end with the process.
     */
    private static void awaitNonDaemonThreads() throws InterruptedException {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        while (true) {
            Thread[] threads = new Thread[root.activeCount() + 8];
            int n = root.enumerate(threads, true);
            Thread other = null;
            for (int i = 0; i < n && other == null; i++) {
                Thread t = threads[i];
                if (t != Thread.currentThread() && !t.isDaemon() && t.isAlive()) {
                    other = t;
                }
            }
            if (other == null) {
                return;
            }
            other.join(); // and look again: it may have started others
        }
    }

    /** What a child does, without a parent: the class list of ClassDataArchive comes from this run. */
    private static void warmUp() throws Exception {
        ThisProcess.becomeSpare();
        prewarm();
        roundTrip();
        sharedPrimitives();
        FileChannel pipe = new FileInputStream(FileDescriptor.in).getChannel();
        ThisProcess.watchParent(pipe);
        pipe.close();
    }

    /** Calls a method as a launch's target is called, so that reflection is ready for the real one. */
    private static void prewarm() throws Exception {
        new LambdaCall("procbook/mp/ChildMain", "nothing", "()V", java.lang.invoke.MethodHandleInfo.REF_invokeStatic, new Object[0])
                .call(new Object[0]);
    }

    /** Serializes and reads back a launch and a lambda target: the path of launches that are not plain. */
    private static void roundTrip() throws IOException, ClassNotFoundException {
        Target target = ChildMain::nothing;
        Object[] both = {new Launch(Process.mainProcess(), "warm-up", 1, "/nonexistent"), target};
        Serialization.fromBytes(Serialization.toBytes(both, "warm-up"));
    }

    /** Hands shared primitives over and uses each once: the path of a child given a lock, a queue, a pipe. */
    private static void sharedPrimitives() throws IOException, ClassNotFoundException {
        Pipe pipe = Pipe.open();
        Object[] all = {new Lock(), new Semaphore(1), new Event(), new Queue<Integer>(1), pipe.end2()};
        Object[] copies = (Object[]) Serialization.fromBytes(Serialization.toBytes(all, "warm-up"));
        ((Lock) copies[0]).acquire();
        ((Lock) copies[0]).release();
        ((Semaphore) copies[1]).acquire();
        ((Semaphore) copies[1]).release();
        ((Event) copies[2]).set();
        ((Event) copies[2]).await(java.time.Duration.ZERO);
        @SuppressWarnings("unchecked")
        Queue<Integer> queue = (Queue<Integer>) copies[3];
        queue.put(1);
        queue.get();
        ((Connection) copies[4]).send("warm-up");
        pipe.end1().recv();
        SharedMemory.endOfProcess();
    }

    private static void nothing() {
    }
}
