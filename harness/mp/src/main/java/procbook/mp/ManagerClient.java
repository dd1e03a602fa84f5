package procbook.mp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.Map;

/**
 * The calling side of a {@link Manager}: one connection per thread and manager, and the call
 * itself — request out, answer back, the object's exception thrown again here.
 */
final class ManagerClient {
    static final byte OK = 0;
    static final byte THREW = 1;
    static final byte THREW_UNSENDABLE = 2;

    private static final ThreadLocal<Map<Manager.Address, Line>> lines = ThreadLocal.withInitial(HashMap::new);

    private record Line(SocketChannel channel, DataInputStream in, DataOutputStream out) {
    }

    private ManagerClient() {
    }

    /** Calls {@code method} on object {@code id} of the manager (0: the manager itself). */
    // tag::call[]
    static Object call(Manager.Address address, long id, String method, Object... args) {
        // all of it before a byte is sent: an argument that cannot travel leaves the connection as it was
        byte[] request = request(address, id, method, args);
        Line line = line(address);
        byte[] answer;
        try {
            line.out().writeInt(request.length);
            line.out().write(request);
            line.out().flush();
            answer = new byte[line.in().readInt()];
            line.in().readFully(answer);
        } catch (IOException e) {
            drop(address);
            throw gone(address, e);
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(answer));
            byte kind = in.readByte();
            if (kind == OK) {
                return Values.read(in);
            }
            if (kind == THREW_UNSENDABLE) {
                throw new IllegalStateException(in.readUTF());
            }
            Throwable thrown = (Throwable) Values.read(in);
            thrown.addSuppressed(new IllegalStateException("thrown in " + address + " by " + method + "()"));
            if (thrown instanceof RuntimeException r) {
                throw r;
            }
            if (thrown instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(method + "() through " + address.name() + " threw " + thrown, thrown);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("could not read the answer of " + address.name() + " to " + method + "(): " + e, e);
        }
    }
    // end::call[]

    /** The object's number, the method's name and the arguments, as bytes. */
    private static byte[] request(Manager.Address address, long id, String method, Object[] args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.writeLong(id);
            out.writeUTF(method);
            out.writeInt(args.length);
            for (int i = 0; i < args.length; i++) {
                Values.write(out, args[i], "cannot call " + method + "() through " + address.name(), "argument " + (i + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail to grow
        }
        return bytes.toByteArray();
    }

    /** Closes this thread's connection to a manager that is shutting down. */
    static void forget(Manager.Address address) {
        drop(address);
    }

    private static Line line(Manager.Address address) {
        Map<Manager.Address, Line> mine = lines.get();
        Line line = mine.get(address);
        if (line != null) {
            return line;
        }
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(address.socket()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
            out.writeUTF(address.key());
            out.writeLong(ThisProcess.PID); // so that the manager can say who left it holding a lock
            out.writeUTF(ThisProcess.name());
            out.flush();
            if (in.readByte() != OK) {
                channel.close();
                throw new Manager.AuthenticationError(address + " refused the connection: the key given is not the one it was"
                        + " started with. Pass the manager's own key (manager.address().key() in the process that started it)");
            }
            line = new Line(channel, in, out);
            mine.put(address, line);
            return line;
        } catch (IOException e) {
            throw gone(address, e);
        }
    }

    private static void drop(Manager.Address address) {
        Line line = lines.get().remove(address);
        if (line != null) {
            try {
                line.channel().close();
            } catch (IOException e) {
                // closing a connection to a manager that is gone anyway
            }
        }
    }

    private static Manager.Gone gone(Manager.Address address, IOException cause) {
        if (address.pid() <= 0) { // Manager.connect(socket, key), asking who listens there
            return new Manager.Gone("no manager listens at " + address.socket() + ": none was started there, or it has"
                    + " ended. Start one with Manager.start(socket, key) before connecting to it (" + cause + ")", cause);
        }
        // A connection breaks a moment before its killed process is reaped: the message is one whatever
        // the timing, and only its last words say whether the process has ended yet.
        boolean ended = !Liveness.isAlive(address.pid());
        for (int i = 0; !ended && i < 50; i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            ended = !Liveness.isAlive(address.pid());
        }
        return new Manager.Gone(address + " is gone, so its shared objects are gone too, and every call through its proxies"
                + " fails. Keep the manager running while other processes use its objects (shut it down last). ("
                + (ended ? "Its process has ended" : "Its connection broke; its process is ending") + ": " + cause + ")", cause);
    }
}
