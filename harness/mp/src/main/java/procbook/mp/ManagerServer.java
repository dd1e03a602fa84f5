package procbook.mp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The manager's process: listens on its socket, serves each connection on a thread of its own,
 * and calls the named method of the named object — the objects are in {@code Managed*} classes.
 * What a connection still holds when it drops is given back ({@link ManagerConnection}), so a
 * client that dies holding a lock blocks nobody.
 */
final class ManagerServer {
    private static final Map<Long, Object> objects = new ConcurrentHashMap<>();
    private static final Map<String, Method> methods = new ConcurrentHashMap<>();
    private static final AtomicLong nextId = new AtomicLong();
    // connected clients, each removed once what it held is given back
    private static final Set<ManagerConnection> CONNECTIONS = ConcurrentHashMap.newKeySet();
    private static volatile ServerSocketChannel server;

    private ManagerServer() {
    }

    /**
     * The manager process's main code. {@code ownFolder}: the socket's folder is mp's own, to remove
     * with it once empty; a socket the program chose leaves its folder alone.
     */
    static void serve(String socket, String key, Event listening, Boolean ownFolder) throws IOException {
        Path path = Path.of(socket);
        Files.deleteIfExists(path); // a stale socket: Manager.start made sure no manager listens there
        if (ownFolder) {
            ThisProcess.deleteAtEnd(path, path.getParent()); // the socket, and mp's folder when nothing else is in it
        } else {
            ThisProcess.deleteAtEnd(path);
        }
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        Thread watcher = new Thread(ManagerServer::watch, "procbook-manager-watcher");
        watcher.setDaemon(true);
        watcher.start();
        listening.set();
        try {
            while (true) {
                SocketChannel channel;
                try {
                    channel = server.accept();
                } catch (IOException e) {
                    return; // closed by shutdown
                }
                Thread t = new Thread(() -> serveOne(channel, key), "procbook-manager-client");
                t.setDaemon(true);
                t.start();
            }
        } finally {
            Files.deleteIfExists(path);
        }
    }

    private static void serveOne(SocketChannel channel, String key) {
        ManagerConnection connection = null;
        try (channel) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            connection = greet(in, out, key);
            if (connection == null) {
                return;
            }
            while (true) {
                byte[] request = new byte[in.readInt()];
                in.readFully(request);
                DataInputStream call = new DataInputStream(new ByteArrayInputStream(request));
                long id = call.readLong();
                String method = call.readUTF();
                connection.calling();
                byte[] answer = answer(id, method, call);
                connection.answered();
                try {
                    out.writeInt(answer.length);
                    out.write(answer);
                    out.flush();
                } catch (IOException e) {
                    connection.answerLost();
                    throw e;
                }
                if (id == 0 && method.equals("shutdown")) {
                    server.close();
                    return;
                }
            }
        } catch (IOException e) {
            // the client closed its connection, ended, or was killed
        } finally {
            if (connection != null) {
                connection.dropped(server.isOpen()); // at shutdown, everyone lets go: nothing to say
                CONNECTIONS.remove(connection);
            }
        }
    }

    /**
     * Drops the connections whose process has ended while their thread waits in a call — a
     * {@code get()}, an {@code acquire()} — and so reads nothing that would tell it: what they hold
     * is given back now, not when that call ends, which may be never.
     */
    private static void watch() {
        while (server.isOpen()) {
            for (ManagerConnection c : CONNECTIONS) {
                if (c.inCall() && !Liveness.isAlive(c.pid)) {
                    c.dropped(server.isOpen());
                    CONNECTIONS.remove(c);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The client's key, pid and name; null, after saying so to the client, if the key is wrong. */
    private static ManagerConnection greet(DataInputStream in, DataOutputStream out, String key) throws IOException {
        byte[] given = in.readUTF().getBytes(StandardCharsets.UTF_8);
        ManagerConnection connection = new ManagerConnection(in.readLong(), in.readUTF());
        boolean right = MessageDigest.isEqual(given, key.getBytes(StandardCharsets.UTF_8)); // in constant time
        out.writeByte(right ? ManagerClient.OK : ManagerClient.THREW);
        out.flush();
        if (!right) {
            return null;
        }
        connection.bindToThisThread();
        CONNECTIONS.add(connection);
        return connection;
    }

    /** Calls the method, with the arguments read from {@code call}; the result, or what it threw, as bytes. */
    private static byte[] answer(long id, String method, DataInputStream call) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            try {
                Object[] args = arguments(method, call);
                Object result = id == 0 ? manage(method, args) : invoke(id, method, args);
                out.writeByte(ManagerClient.OK);
                Values.write(out, result, "the result of " + method + "()", "the result");
            } catch (Exception | Error e) {
                bytes.reset();
                Throwable thrown = e instanceof InvocationTargetException ite ? ite.getCause() : e;
                try {
                    byte[] encoded = Values.encode(thrown, "exception", "");
                    out.writeByte(ManagerClient.THREW);
                    out.write(encoded);
                } catch (RuntimeException notSendable) {
                    bytes.reset();
                    out.writeByte(ManagerClient.THREW_UNSENDABLE);
                    out.writeUTF(method + "() threw " + thrown);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Object[] arguments(String method, DataInputStream call) throws IOException {
        Object[] args = new Object[call.readInt()];
        for (int i = 0; i < args.length; i++) {
            try {
                args[i] = Values.read(call);
            } catch (ClassNotFoundException | IOException e) {
                throw new IllegalStateException(ThisProcess.name() + " could not read argument " + (i + 1) + " of " + method
                        + "(): " + e + ". A manager runs with the class path of the program that started it: give it"
                        + " values of classes it has", e);
            }
        }
        return args;
    }

    private static Object manage(String method, Object[] args) {
        switch (method) {
            case "ping":
                return "pong";
            case "whoami":
                return ThisProcess.name() + " " + ThisProcess.PID;
            case "clients":
                ArrayList<Long> pids = new ArrayList<>();
                CONNECTIONS.forEach(c -> pids.add(c.pid));
                return pids;
            case "shutdown":
                return null;
            case "create":
                long id = nextId.incrementAndGet();
                objects.put(id, create((String) args[0], args));
                return id;
            default:
                throw new IllegalArgumentException("a manager does not know '" + method + "'");
        }
    }

    private static Object create(String kind, Object[] args) {
        switch (kind) {
            case "Queue":
                return new Queue<Object>((Integer) args[1]);
            case "JoinableQueue":
                return new JoinableQueue<Object>((Integer) args[1]);
            case "Lock":
                return ManagedSemaphore.lock();
            case "RLock":
                return new ManagedRLock();
            case "Semaphore":
                return new ManagedSemaphore("Semaphore", (Integer) args[1], false);
            case "BoundedSemaphore":
                return new ManagedSemaphore("BoundedSemaphore", (Integer) args[1], true);
            case "Event":
                return new Event();
            case "Condition":
                return new ManagedCondition();
            case "Barrier":
                return new Barrier((Integer) args[1]);
            case "Map":
                return new ManagedValues.SharedMap();
            case "List":
                return new ManagedValues.SharedList();
            case "Value":
                return new ManagedValues.SharedValue(args[1]);
            case "Namespace":
                return new ManagedValues.Namespace();
            default:
                throw new IllegalArgumentException("a manager cannot make a '" + kind + "'");
        }
    }

    // tag::invoke[]
    private static Object invoke(long id, String method, Object[] args) throws Exception {
        Object target = objects.get(id);
        if (target == null) {
            throw new IllegalStateException("the manager has no object " + id);
        }
        Method m = methods.computeIfAbsent(target.getClass().getName() + "#" + method + "/" + args.length,
                key -> find(target.getClass(), method, args.length));
        if (m != null) {
            return m.invoke(target, args);
        }
        throw new IllegalArgumentException("a " + target.getClass().getSimpleName() + " in the manager has no method "
                + method + " taking " + args.length + " argument(s)");
    }
    // end::invoke[]

    /** The public method of that name and number of parameters, looked up once per class; null if none. */
    private static Method find(Class<?> type, String name, int parameters) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == parameters && m.getDeclaringClass() != Object.class) {
                m.setAccessible(true);
                return m;
            }
        }
        return null;
    }
}
