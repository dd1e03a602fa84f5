package procbook.mp;

import java.io.DataInputStream;
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

    public static void main(String[] args) {
        // A channel, not System.in: closing it wakes a thread blocked reading it, and the JVM
        // waits up to 300 ms at exit for threads stuck in a native read.
        FileChannel fromParent = new FileInputStream(FileDescriptor.in).getChannel();
        Launch launch;
        try {
            DataInputStream in = new DataInputStream(Channels.newInputStream(fromParent));
            byte[] payload = in.readNBytes(in.readInt());
            launch = (Launch) Serialization.fromBytes(payload);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            System.err.println("procbook.mp: a child process could not read what its parent sent it (" + e
                    + "). Was it started by procbook.mp.Process? It cannot be run by hand.");
            System.exit(70);
            return;
        }
        // Like Python's children, user code in a child reads an empty standard input.
        System.setIn(InputStream.nullInputStream());
        ThisProcess.becomeChild(launch);
        Process me = launch.process();
        ThisProcess.watchParent(fromParent, me.isDaemon());
        Trace.event("started", "daemon", me.isDaemon());

        int code = 0;
        try {
            me.run();
        } catch (Throwable t) {
            System.err.println("Process " + me.name() + " (pid " + ProcessHandle.current().pid() + ") ended with an exception:");
            t.printStackTrace();
            code = 1;
        }
        ThisProcess.finish(code);
    }
}
