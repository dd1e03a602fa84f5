package procbook.mp;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A server process that owns shared objects and hands out proxies to them: Python's
 * {@code multiprocessing.Manager()}.
 *
 * <pre>{@code
 * try (Manager manager = Manager.start(); Pool pool = new Pool(4)) {
 *     QueueProxy<String> q = manager.queue();
 *     LockProxy lock = manager.lock();
 *     pool.starmap(Tasks::write, List.of(Map.entry(q, lock), Map.entry(q, lock)));   // proxies go anywhere
 * }
 * }</pre>
 *
 * <p>How it works: the manager is a daemon {@link Process} listening on a Unix domain socket. Each
 * object lives there; a proxy holds the manager's address and the object's number, and each call
 * is a request over the socket — one connection per calling thread, so a call that waits (a
 * {@code get()} on an empty queue) blocks only its own thread. Proxies are small serializable
 * values: hand them to pool tasks, to any process, or let another program connect with
 * {@link #connect(Path, String)} to a manager started with {@link #start(Path, String)}. An
 * exception thrown by the object is thrown again in the caller, with the same type. When the
 * manager is gone, every call fails with {@link Gone}, naming it.
 *
 * <p>Where it differs from Python: when a client's connection drops (its process ended, or was
 * killed), the manager gives back what that client still holds — a lock it is the holder of, the
 * permits it took and nobody released for it, never raising a semaphore above its initial value —
 * and says so on standard error. Python's manager keeps them taken, and waiters wait for ever.
 */
public final class Manager implements AutoCloseable {
    private static int managers;

    private final Address address;
    private final Process process; // null when connected to a manager started elsewhere
    private boolean shutDown;

    /** Where a manager listens, and the key it wants: enough for any process to connect. */
    public record Address(String socket, String key, long pid, String name) implements Serializable {
        @Override
        public String toString() {
            // the key stays out of messages; pid 0: not known yet, while connecting by socket
            return pid > 0 ? name + " (pid " + pid + ", at " + socket + ")" : name;
        }
    }

    /** A manager refused a connection because its key was wrong: Python's {@code AuthenticationError}. */
    public static final class AuthenticationError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AuthenticationError(String message) {
            super(message);
        }
    }

    /** Every call through a proxy of a manager that is gone fails with this, naming the manager. */
    public static final class Gone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Gone(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Manager(Address address, Process process) {
        this.address = address;
        this.process = process;
    }

    /**
     * Starts a manager process on a socket of its own, with a random key, and waits until it
     * listens: Python's {@code multiprocessing.Manager()}.
     */
    public static Manager start() {
        String name = nextName();
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        return start(name, ManagerSocket.forNew(name), HexFormat.of().formatHex(secret), true);
    }

    /**
     * Starts a manager process listening on {@code socket} (a Unix domain socket's path, shorter
     * than about 100 bytes) that only serves clients knowing {@code key}: Python's
     * {@code BaseManager(address=..., authkey=...).start()}. Another program reaches it with
     * {@link #connect(Path, String)}.
     *
     * @throws IllegalArgumentException if something other than a socket is at that path, or the path is too long
     * @throws IllegalStateException    if a manager already listens there
     */
    public static Manager start(Path socket, String key) {
        requireSocketAndKey("start", socket, key);
        Path absolute = socket.toAbsolutePath();
        ManagerSocket.requireFree(absolute);
        return start(nextName(), absolute, key, false);
    }

    private static Manager start(String name, Path socket, String key, boolean ownFolder) {
        Event listening = new Event();
        Process p = new Process(ManagerServer::serve, socket.toString(), key, listening, ownFolder);
        p.setName(name);
        p.setDaemon(true); // it ends when its parent ends, and never has children
        p.start();
        Waiting waiting = Waiting.upTo(Duration.ofSeconds(60));
        while (!listening.isSet()) {
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " ended before it could listen on " + socket + " (exit code "
                        + p.exitCode() + "): see its error output above");
            }
            if (waiting.timedOut()) {
                p.kill();
                throw new IllegalStateException(name + " did not start listening within 60 s");
            }
            waiting.pause();
        }
        return new Manager(new Address(socket.toString(), key, p.pid(), name), p);
    }

    private static synchronized String nextName() {
        return "Manager-" + (++managers);
    }

    /** A handle on a manager started by another process, to create objects there too: Python's {@code connect()}. */
    public static Manager connect(Address address) {
        ManagerClient.call(address, 0, "ping");
        return new Manager(address, null);
    }

    /**
     * A handle on the manager listening on {@code socket}, if {@code key} is its key: Python's
     * {@code BaseManager(address=..., authkey=...).connect()}.
     *
     * @throws AuthenticationError if the key is not the manager's
     * @throws Gone                if nothing listens there
     */
    public static Manager connect(Path socket, String key) {
        requireSocketAndKey("connect", socket, key);
        Address unknown = new Address(socket.toAbsolutePath().toString(), key, 0, "the manager at " + socket);
        String[] who = ((String) ManagerClient.call(unknown, 0, "whoami")).split(" ");
        ManagerClient.forget(unknown);
        return connect(new Address(unknown.socket(), key, Long.parseLong(who[1]), who[0]));
    }

    private static void requireSocketAndKey(String call, Path socket, String key) {
        if (socket == null || key == null || key.isEmpty()) {
            throw new IllegalArgumentException("Manager." + call + "(socket, key): give both a socket path and a non-empty key"
                    + " (Manager.start() chooses both for you, and manager.address() carries them to other processes)");
        }
    }

    /** Where this manager listens: give it to another process so that it can {@link #connect(Address)}. */
    public Address address() {
        return address;
    }

    // ---- shared objects ----

    /** An unbounded queue in the manager: Python's {@code manager.Queue()}. */
    public <T> QueueProxy<T> queue() {
        return queue(0);
    }

    /** A queue of at most {@code maxsize} items (0: no limit) in the manager: Python's {@code manager.Queue(maxsize)}. */
    public <T> QueueProxy<T> queue(int maxsize) {
        return new QueueProxy<>(address, create("Queue", maxsize), "Queue");
    }

    /** A queue that counts unfinished tasks, in the manager: Python's {@code manager.JoinableQueue()}. */
    public <T> QueueProxy<T> joinableQueue() {
        return new QueueProxy<>(address, create("JoinableQueue", 0), "JoinableQueue");
    }

    /** A lock in the manager, which any process may release: Python's {@code manager.Lock()}. */
    public LockProxy lock() {
        return new LockProxy(address, create("Lock"), "Lock");
    }

    /** A re-entrant lock in the manager: Python's {@code manager.RLock()}. */
    public LockProxy rLock() {
        return new LockProxy(address, create("RLock"), "RLock");
    }

    /** A semaphore of {@code value} permits in the manager: Python's {@code manager.Semaphore(value)}. */
    public SemaphoreProxy semaphore(int value) {
        return new SemaphoreProxy(address, create("Semaphore", value), "Semaphore");
    }

    /** A semaphore that refuses a release beyond {@code value}: Python's {@code manager.BoundedSemaphore(value)}. */
    public SemaphoreProxy boundedSemaphore(int value) {
        return new SemaphoreProxy(address, create("BoundedSemaphore", value), "BoundedSemaphore");
    }

    /** An event, not set, in the manager: Python's {@code manager.Event()}. */
    public EventProxy event() {
        return new EventProxy(address, create("Event"));
    }

    /** A condition with its own re-entrant lock, in the manager: Python's {@code manager.Condition()}. */
    public ConditionProxy condition() {
        return new ConditionProxy(address, create("Condition"));
    }

    /** A barrier for {@code parties} processes, in the manager: Python's {@code manager.Barrier(parties)}. */
    public BarrierProxy barrier(int parties) {
        return new BarrierProxy(address, create("Barrier", parties));
    }

    /** A map shared through the manager: Python's {@code manager.dict()}. */
    public <K, V> MapProxy<K, V> dict() {
        return new MapProxy<>(address, create("Map"));
    }

    /** A list shared through the manager: Python's {@code manager.list()}. */
    public <T> ListProxy<T> list() {
        return new ListProxy<>(address, create("List"));
    }

    /** A single value shared through the manager: Python's {@code manager.Value(typecode, value)}, without the type code. */
    public <T> ValueProxy<T> value(T initial) {
        return new ValueProxy<>(address, create("Value", initial));
    }

    /** Named attributes shared through the manager: Python's {@code manager.Namespace()}. */
    public NamespaceProxy namespace() {
        return new NamespaceProxy(address, create("Namespace"));
    }

    // ---- ending ----

    /** Stops the manager: its objects are gone, every proxy call fails with {@link Gone}. Calling it again does nothing. */
    public synchronized void shutdown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        try {
            ManagerClient.call(address, 0, "shutdown");
        } catch (Gone e) {
            // already gone: nothing to stop
        }
        ManagerClient.forget(address);
        if (process != null && !process.join(Duration.ofSeconds(5))) {
            process.kill();
            process.join();
        }
        if (process != null) {
            try {
                Files.deleteIfExists(Path.of(address.socket())); // a killed manager could not
            } catch (java.io.IOException e) {
                // a stale socket file is harmless: the next bind removes it
            }
        }
    }

    /** Shuts the manager down: what try-with-resources calls. */
    @Override
    public void close() {
        shutdown();
    }

    /** The manager's process, when this process started it. */
    public Process process() {
        return process;
    }

    @Override
    public String toString() {
        return "Manager[" + address + "]";
    }

    /** The pids of the processes connected now, once per connection (one per calling thread); for tests. */
    @SuppressWarnings("unchecked")
    java.util.List<Long> clientPids() {
        return (java.util.List<Long>) ManagerClient.call(address, 0, "clients");
    }

    private long create(String kind, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = kind;
        System.arraycopy(args, 0, all, 1, args.length);
        return (Long) ManagerClient.call(address, 0, "create", all);
    }
}
