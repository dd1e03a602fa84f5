package procbook.mp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The manager's process: listens on its socket, serves each connection on a thread of its own,
 * and calls the named method of the named object. Locks and permits taken through a connection
 * that drops are given back, so a client that dies holding one blocks nobody.
 */
final class ManagerServer {
    private static final Map<Long, Object> objects = new ConcurrentHashMap<>();
    private static final Map<String, Method> methods = new ConcurrentHashMap<>();
    private static final AtomicLong nextId = new AtomicLong();
    private static final ThreadLocal<Client> current = new ThreadLocal<>();
    private static volatile ServerSocketChannel server;

    /** What one connection holds: acquisitions not yet released, given back if it drops. */
    private static final class Client {
        final Map<Object, Integer> held = new HashMap<>();

        void took(Object o, int n) {
            held.merge(o, n, Integer::sum);
        }
    }

    private ManagerServer() {
    }

    /** The manager process's main code. */
    static void serve(String socket, String key, Event listening) throws IOException {
        Path path = Path.of(socket);
        Files.deleteIfExists(path);
        ThisProcess.deleteAtEnd(path, path.getParent()); // the socket, and its folder when nothing else is in it
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
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
        Client client = new Client();
        current.set(client);
        try (channel) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            if (!key.equals(in.readUTF())) {
                out.writeByte(ManagerClient.THREW);
                out.flush();
                return;
            }
            out.writeByte(ManagerClient.OK);
            out.flush();
            while (true) {
                long id = in.readLong();
                String method = in.readUTF();
                Object[] args = new Object[in.readInt()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = Values.read(in);
                }
                byte[] answer = answer(id, method, args);
                out.writeInt(answer.length);
                out.write(answer);
                out.flush();
                if (id == 0 && method.equals("shutdown")) {
                    server.close();
                    return;
                }
            }
        } catch (EOFException e) {
            // the client closed its connection, or ended
        } catch (IOException | ClassNotFoundException e) {
            // a broken connection: the client is gone
        } finally {
            giveBack(client);
        }
    }

    private static byte[] answer(long id, String method, Object[] args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            try {
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

    private static Object manage(String method, Object[] args) {
        switch (method) {
            case "ping":
                return "pong";
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
                return new HeldLock();
            case "RLock":
                return new HeldRLock();
            case "Semaphore":
                return new HeldSemaphore(new Semaphore((Integer) args[1]));
            case "BoundedSemaphore":
                return new HeldSemaphore(new BoundedSemaphore((Integer) args[1]));
            case "Event":
                return new Event();
            case "Condition":
                return new HeldCondition();
            case "Barrier":
                return new Barrier((Integer) args[1]);
            case "Map":
                return new SharedMap();
            case "List":
                return new SharedList();
            case "Value":
                return new SharedValue(args[1]);
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

    // tag::give-back[]
    private static void giveBack(Client client) {
        for (Map.Entry<Object, Integer> e : client.held.entrySet()) {
            for (int i = 0; i < e.getValue(); i++) {
                if (e.getKey() instanceof Releasable r) {
                    r.giveBack();
                }
            }
            if (e.getValue() > 0 && server.isOpen()) { // at shutdown, everyone lets go: nothing to say
                System.err.println("procbook.mp: a process left the manager holding " + e.getValue()
                        + " acquisition(s) of a " + e.getKey().getClass().getSimpleName() + "; given back");
            }
        }
    }
    // end::give-back[]

    /** Counts an acquisition that succeeded, for {@link #giveBack}; returns whether it did. */
    private static boolean counted(Object o, boolean got) {
        if (got) {
            took(o, 1);
        }
        return got;
    }

    private static void took(Object o, int n) {
        Client c = current.get();
        if (c != null) {
            c.took(o, n);
        }
    }

    interface Releasable {
        void giveBack();
    }

    // ---- the objects, as the manager holds them ----

    /** A lock any process may release, as Python's manager lock; given back if its holder's connection drops. */
    public static final class HeldLock implements Releasable {
        private final java.util.concurrent.Semaphore permit = new java.util.concurrent.Semaphore(1);

        public void acquire() throws InterruptedException {
            permit.acquire();
            took(this, 1);
        }

        public boolean acquire(Duration timeout) throws InterruptedException {
            return counted(this, permit.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS));
        }

        public boolean tryAcquire() {
            return counted(this, permit.tryAcquire());
        }

        public void release() {
            if (permit.availablePermits() > 0) {
                throw new IllegalStateException("release() on a manager's lock that nobody holds: release once per acquire");
            }
            took(this, -1);
            permit.release();
        }

        @Override
        public void giveBack() {
            permit.release();
        }
    }

    /** A re-entrant lock: held by one connection (one thread of one client) at a time. */
    public static final class HeldRLock implements Releasable {
        private final ReentrantLock lock = new ReentrantLock();

        public void acquire() {
            lock.lock();
            took(this, 1);
        }

        public boolean acquire(Duration timeout) throws InterruptedException {
            return counted(this, lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS));
        }

        public boolean tryAcquire() {
            return counted(this, lock.tryLock());
        }

        public void release() {
            if (!lock.isHeldByCurrentThread()) {
                throw new IllegalStateException("release() on a manager's RLock by a caller that does not hold it");
            }
            took(this, -1);
            lock.unlock();
        }

        @Override
        public void giveBack() {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }
    }

    /** A semaphore whose permits are given back if the connection that took them drops. */
    public static final class HeldSemaphore implements Releasable {
        private final Semaphore semaphore;

        HeldSemaphore(Semaphore semaphore) {
            this.semaphore = semaphore;
        }

        public void acquire() {
            semaphore.acquire();
            took(this, 1);
        }

        public boolean acquire(Duration timeout) {
            return counted(this, semaphore.acquire(timeout));
        }

        public boolean tryAcquire() {
            return counted(this, semaphore.tryAcquire());
        }

        public void release() {
            semaphore.release();
            took(this, -1);
        }

        public int value() {
            return semaphore.value();
        }

        @Override
        public void giveBack() {
            semaphore.release();
        }
    }

    /** A condition on a re-entrant lock, both in the manager. */
    public static final class HeldCondition implements Releasable {
        private final ReentrantLock lock = new ReentrantLock();
        private final java.util.concurrent.locks.Condition condition = lock.newCondition();

        public void acquire() {
            lock.lock();
            took(this, 1);
        }

        public boolean acquire(Duration timeout) throws InterruptedException {
            return counted(this, lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS));
        }

        public void release() {
            if (!lock.isHeldByCurrentThread()) {
                throw new IllegalStateException("release() on a manager's condition by a caller that does not hold its lock");
            }
            took(this, -1);
            lock.unlock();
        }

        public boolean await(Duration timeout) throws InterruptedException {
            requireHeld("await");
            if (timeout == null) {
                condition.await();
                return true;
            }
            return condition.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        public void signal(Integer n) {
            requireHeld("signal");
            for (int i = 0; i < n; i++) {
                condition.signal();
            }
        }

        public void signalAll() {
            requireHeld("signalAll");
            condition.signalAll();
        }

        private void requireHeld(String call) {
            if (!lock.isHeldByCurrentThread()) {
                throw new IllegalStateException(call + "() on a manager's condition without holding its lock: acquire it first");
            }
        }

        @Override
        public void giveBack() {
            while (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }
    }

    /** Python's dict: null keys and values allowed. */
    public static final class SharedMap {
        private final Map<Object, Object> map = new HashMap<>();

        public synchronized Object get(Object key) {
            return map.get(key);
        }

        public synchronized Object getOrDefault(Object key, Object otherwise) {
            return map.getOrDefault(key, otherwise);
        }

        public synchronized Object put(Object key, Object value) {
            return map.put(key, value);
        }

        public synchronized Object remove(Object key) {
            return map.remove(key);
        }

        public synchronized boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        public synchronized int size() {
            return map.size();
        }

        public synchronized HashMap<Object, Object> copy() {
            return new HashMap<>(map);
        }

        public synchronized void clear() {
            map.clear();
        }
    }

    /** Python's list. */
    public static final class SharedList {
        private final List<Object> list = new ArrayList<>();

        public synchronized void append(Object value) {
            list.add(value);
        }

        public synchronized Object get(Integer index) {
            return list.get(index);
        }

        public synchronized Object set(Integer index, Object value) {
            return list.set(index, value);
        }

        public synchronized Object remove(Integer index) {
            return list.remove((int) index);
        }

        public synchronized int size() {
            return list.size();
        }

        public synchronized ArrayList<Object> copy() {
            return new ArrayList<>(list);
        }
    }

    /** Python's Value. */
    public static final class SharedValue {
        private Object value;

        SharedValue(Object value) {
            this.value = value;
        }

        public synchronized Object get() {
            return value;
        }

        public synchronized void set(Object value) {
            this.value = value;
        }
    }
}
