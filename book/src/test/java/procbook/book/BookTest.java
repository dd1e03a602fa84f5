package procbook.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads the book as the build generated it, target/generated-docs/index.html, and checks that a
 * reader gets what the course promises: every chapter, highlighted code from the lessons, the
 * name table and pictures that load.
 */
class BookTest {
    private static final String[] LESSONS = {"lesson-01-process", "lesson-02-exit-codes", "lesson-03-daemons",
        "lesson-04-pipes", "lesson-05-ctrl-c", "lesson-06-queues", "lesson-07-ticket-lock", "lesson-08-karaoke",
        "lesson-09-traffic-light", "lesson-10-pool", "lesson-11-manager"};

    private static Path html;
    private static Document book;
    private static boolean instructorEdition;

    @BeforeAll
    static void readTheBook() throws IOException {
        html = Path.of(System.getProperty("procbook.book.html", "target/generated-docs/index.html")).toAbsolutePath();
        assertThat(html)
                .as("the generated book %s: the asciidoctor-maven-plugin runs in generate-resources, so run the build"
                        + " (./mvnw -pl book -am verify), not this test alone", html)
                .isRegularFile();
        book = Jsoup.parse(html.toFile(), StandardCharsets.UTF_8.name());
        String edition = System.getProperty("procbook.book.solutions");
        instructorEdition = edition != null
                ? Boolean.parseBoolean(edition)
                : Files.exists(Path.of("../solutions/pom.xml"));
    }

    private static Element chapter(String id) {
        Element chapter = book.getElementById(id);
        assertThat(chapter)
                .as("the book has no chapter with id '%s': is its include::…[] line missing from index.adoc,"
                        + " or its [[%s]] anchor missing from the chapter file?", id, id)
                .isNotNull();
        // Asciidoctor puts the id on the heading; the chapter is the section around it
        return chapter.parent();
    }

    /** Rouge wraps every token it recognises in a span with a class: k, kd, kn, kt, n, c1, s, … */
    private static boolean highlighted(Element listing) {
        return !listing.select("pre.rouge.highlight > code[data-lang=java] span[class]").isEmpty();
    }

    private static String excerpt(Element e) {
        String text = e.text();
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    @Test
    @DisplayName("the introduction explains processes and how to use the workbook")
    void introduction() {
        Element intro = chapter("introduction");
        assertThat(intro.select("h2").first().text()).as("the introduction's title").isEqualTo("Introduction");
        for (String section : List.of("what-is-a-process", "why-processes", "mp-in-one-page", "how-to-use")) {
            assertThat(intro.getElementById(section)).as("the introduction lacks its section '%s'", section).isNotNull();
        }
        assertThat(intro.text())
                .as("the introduction should name the four things that make a process")
                .contains("Its own memory", "Its own pid", "A parent", "An exit code");
        assertThat(intro.select("img[src$=process-tree.svg]"))
                .as("the introduction should show the process tree picture, images/process-tree.svg")
                .isNotEmpty();
        assertThat(intro.select("code[data-lang=shell]").text())
                .as("the introduction should tell how to run a lesson's tests and how to grade")
                .contains("test", "-pl lessons/01-process", "-Dgrade");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "lesson-01-process,    'Lesson 01: A process and its life'",
        "lesson-02-exit-codes, 'Lesson 02: Exit codes, terminate and kill'",
        "lesson-03-daemons,    'Lesson 03: Daemon and non-daemon children'",
        "lesson-04-pipes,         'Lesson 04: Pipes'",
        "lesson-05-ctrl-c,        'Lesson 05: Ctrl-C, a semaphore and a pipe'",
        "lesson-06-queues,        'Lesson 06: Queues'",
        "lesson-07-ticket-lock,   'Lesson 07: A ticket office with a lock'",
        "lesson-08-karaoke,       'Lesson 08: A karaoke room with a semaphore'",
        "lesson-09-traffic-light, 'Lesson 09: A traffic light with an event'",
        "lesson-10-pool,          'Lesson 10: A process pool'",
        "lesson-11-manager,       'Lesson 11: A manager shares a queue and a lock'",
    })
    @DisplayName("each lesson has its chapter, with every part a chapter needs")
    void lessonChapter(String id, String title) {
        Element chapter = chapter(id);
        assertThat(chapter.select("h2").first().text()).as("the title of chapter %s", id).isEqualTo(title);
        String n = id.substring("lesson-".length(), "lesson-NN".length());
        for (String part : List.of("python", "java", "stub", "solution", "tests", "mistakes", "inside")) {
            assertThat(chapter.getElementById("lesson-" + n + "-" + part))
                    .as("chapter %s lacks its section [[lesson-%s-%s]]", id, n, part)
                    .isNotNull();
        }
        assertThat(chapter.select("pre.rouge code[data-lang=python]"))
                .as("chapter %s should show the idea in Python, as a highlighted [source,python] listing", id)
                .isNotEmpty();
        assertThat(chapter.select("img"))
                .as("chapter %s should have a picture", id)
                .isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "lesson-01-process,       3",
        "lesson-02-exit-codes,    3",
        "lesson-03-daemons,       3",
        "lesson-04-pipes,         5",
        "lesson-05-ctrl-c,        4",
        "lesson-06-queues,        4",
        "lesson-07-ticket-lock,   3",
        "lesson-08-karaoke,       2",
        "lesson-09-traffic-light, 3",
        "lesson-10-pool,          2",
        "lesson-11-manager,       4",
    })
    @DisplayName("each lesson chapter shows the lesson's stub, included and highlighted")
    void stubIncluded(String id, int tags) {
        Elements stubs = chapter(id).select("div.listingblock.lesson-code");
        assertThat(stubs)
                .as("chapter %s should include at least %d tagged parts of the lesson's stub ([source,java,role=lesson-code])", id, tags)
                .hasSizeGreaterThanOrEqualTo(tags);
        for (Element listing : stubs) {
            assertThat(listing.select("pre code").text())
                    .as("an included stub listing in chapter %s is empty: does the tag hold any code?", id)
                    .isNotBlank();
            assertThat(highlighted(listing))
                    .as("the stub listing '%s' in chapter %s is not highlighted by rouge", excerpt(listing), id)
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "lesson-04-pipes         | static void sendValues(Connection out, Integer numbers)",
        "lesson-04-pipes         | until it throws EndOfPipeException",
        "lesson-04-pipes         | static void introduce(Connection conn, String name, Integer number)",
        "lesson-04-pipes         | static Set<String> doubledLetters(String word)",
        "lesson-04-pipes         | create a duplex pipe",
        "lesson-05-ctrl-c        | static void stopOnCtrlC()",
        "lesson-05-ctrl-c        | static void sender(Connection out, Semaphore ready, Long tickMillis)",
        "lesson-05-ctrl-c        | static void receiver(Connection in, Semaphore ready)",
        "lesson-05-ctrl-c        | press Ctrl-C to stop",
        "lesson-06-queues        | static void greet(Queue<String> q)",
        "lesson-06-queues        | static void putPower(Queue<Power> q, Integer i)",
        "lesson-06-queues        | static void reader(Queue<String> q)",
        "lesson-06-queues        | static void timeouts()",
        "lesson-07-ticket-lock   | static void buy(Lock lock, int buyer, long latencyMillis)",
        "lesson-07-ticket-lock   | doors.await();",
        "lesson-07-ticket-lock   | create one Lock",
        "lesson-08-karaoke       | static void customer(Semaphore room, Barrier door, Integer customer, Long singMillis)",
        "lesson-08-karaoke       | create the room",
        "lesson-09-traffic-light | static void light(Event green, Long periodMillis)",
        "lesson-09-traffic-light | static void car(Event green, Integer car, Long patienceMillis)",
        "lesson-09-traffic-light | create the Event named",
        "lesson-10-pool          | static String nap(Nap nap) throws InterruptedException",
        "lesson-10-pool          | a Pool of `workers` processes",
        "lesson-10-pool          | shut the pool down (Python's close())",
        "lesson-11-manager       | static int write(Letters job) throws InterruptedException",
        "lesson-11-manager       | static String read(Shared shared)",
        "lesson-11-manager       | pool.apply(ManagedQueue::usePlainQueue, new Queue<String>());",
        "lesson-11-manager       | start a Manager and a Pool of 2 workers",
    })
    @DisplayName("each tagged part of a lesson's stub appears in its chapter")
    void stubTagIncluded(String id, String line) {
        assertThat(chapter(id).select("div.listingblock.lesson-code pre code").text())
                .as("chapter %s should include the part of the stub that holds '%s': is its include::…[tag=…] missing?", id, line)
                .contains(line);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lesson-01-process", "lesson-02-exit-codes", "lesson-03-daemons", "lesson-04-pipes",
        "lesson-05-ctrl-c", "lesson-06-queues", "lesson-07-ticket-lock", "lesson-08-karaoke", "lesson-09-traffic-light",
        "lesson-10-pool", "lesson-11-manager"})
    @DisplayName("each lesson chapter shows the reference solution in the instructor's edition, and only there")
    void solutionMatchesEdition(String id) {
        Element chapter = chapter(id);
        Elements solutions = chapter.select("div.listingblock.solution-code");
        if (instructorEdition) {
            assertThat(solutions)
                    .as("the instructor's edition (solutions/ present) should show the reference solution in chapter %s"
                            + " ([source,java,role=solution-code] inside ifdef::solutions[])", id)
                    .isNotEmpty();
            for (Element listing : solutions) {
                assertThat(listing.select("pre code").text())
                        .as("an included reference listing in chapter %s is empty", id).isNotBlank();
                assertThat(highlighted(listing))
                        .as("the reference listing '%s' in chapter %s is not highlighted", excerpt(listing), id).isTrue();
                assertThat(listing.parents().is("details"))
                        .as("the reference listings in chapter %s should be folded away in a collapsible block", id).isTrue();
            }
        } else {
            assertThat(solutions)
                    .as("the student edition (no solutions/ folder) must not show reference code in chapter %s", id)
                    .isEmpty();
            assertThat(chapter.select(".own-solution").text())
                    .as("the student edition should say in chapter %s where the reader's own solution goes", id)
                    .contains("Your own solution");
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "lesson-04-pipes         | out.send(MIXED);",
        "lesson-05-ctrl-c        | ready.release(); // once more",
        "lesson-06-queues        | q.put(\"second\", Duration.ofMillis(200));",
        "lesson-07-ticket-lock   | new Process(TicketOffice::buyer, lock, doors, b, latencyMillis)",
        "lesson-08-karaoke       | Semaphore room = new Semaphore(capacity, \"room\");",
        "lesson-09-traffic-light | light.setDaemon(true);",
        "lesson-10-pool          | pool.shutdown(); // Python's close(): no new tasks",
        "lesson-11-manager       | try (Held held = job.shared().lock().hold()) {",
        "lesson-11-manager       | try (Manager manager = Manager.start(); Pool pool = new Pool(2)) {",
    })
    @DisplayName("the reference code and its mutants appear in the instructor's edition only")
    void referenceOnlyForInstructors(String id, String solvedLine) {
        Element chapter = chapter(id);
        if (instructorEdition) {
            assertThat(chapter.select("div.listingblock.solution-code pre code").text())
                    .as("the instructor's edition should show the reference code of chapter %s, with '%s'", id, solvedLine)
                    .contains(solvedLine);
            Elements mutants = chapter.select("table.mutants");
            assertThat(mutants)
                    .as("the instructor's edition should list, in chapter %s, the wrong solutions the self-check proves the tests"
                            + " catch (a table with role=mutants, inside ifdef::solutions[])", id)
                    .isNotEmpty();
            assertThat(mutants.first().parents().is("details"))
                    .as("the table of wrong solutions in chapter %s should be folded away with the reference", id).isTrue();
        } else {
            assertThat(chapter.text())
                    .as("the student edition must not show the reference code of chapter %s ('%s')", id, solvedLine)
                    .doesNotContain(solvedLine);
            assertThat(chapter.select("table.mutants"))
                    .as("the student edition must not list the wrong solutions of chapter %s", id).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "lesson-04-pipes         | static void write(Connection c, int kind, byte[] bytes, int offset, int length)",
        "lesson-04-pipes         | void pause()",
        "lesson-06-queues        | private boolean tryPut(byte[] record, boolean spilled)",
        "lesson-07-ticket-lock   | public void acquire()",
        "lesson-07-ticket-lock   | static int take(SharedMemory m, int offset, Waiting waiting)",
        "lesson-08-karaoke       | private boolean take()",
        "lesson-09-traffic-light | public boolean await(Duration timeout)",
        "lesson-10-pool          | static void work(Connection conn, Target initializer, Integer maxTasks)",
        "lesson-10-pool          | void died(PoolDispatcher pool)",
        "lesson-11-manager       | static Object call(Manager.Address address, long id, String method, Object... args)",
        "lesson-11-manager       | private static Object invoke(long id, String method, Object[] args)",
        "lesson-11-manager       | void dropped(boolean say)",
    })
    @DisplayName("the chapters quote mp's own code to show how a primitive works inside")
    void mpCodeQuoted(String id, String line) {
        Element inside = book.getElementById(id.substring(0, "lesson-NN".length()) + "-inside");
        assertThat(inside).as("chapter %s lacks its section 'How it works inside'", id).isNotNull();
        Elements quoted = inside.parent().select("div.listingblock.mp-code");
        assertThat(quoted.select("pre code").text())
                .as("the section 'How it works inside' of chapter %s should quote mp's code holding '%s'"
                        + " ([source,java,role=mp-code] with include::{mpdir}/…[tag=…])", id, line)
                .contains(line);
        for (Element listing : quoted) {
            assertThat(highlighted(listing)).as("the mp listing '%s' in chapter %s is not highlighted", excerpt(listing), id).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "lesson-04-pipes         | out.close()",
        "lesson-05-ctrl-c        | does not inherit",
        "lesson-06-queues        | feeder thread",
        "lesson-07-ticket-lock   | gh-88304",
        "lesson-08-karaoke       | killed",
        "lesson-09-traffic-light | signalAll",
        "lesson-10-pool          | bpo-22393",
        "lesson-10-pool          | gh-64192",
        "lesson-10-pool          | Pool.Terminated",
        "lesson-11-manager       | gh-85826",
        "lesson-11-manager       | Manager.Gone",
        "lesson-11-manager       | through inheritance",
    })
    @DisplayName("from lesson 04 on, each chapter says where Python differs, and the trap Python has")
    void pythonDiffers(String id, String phrase) {
        String n = id.substring("lesson-".length(), "lesson-NN".length());
        Element differs = book.getElementById("lesson-" + n + "-differs");
        assertThat(differs).as("chapter %s lacks its section [[lesson-%s-differs]]", id, n).isNotNull();
        assertThat(differs.text()).as("the title of [[lesson-%s-differs]]", n).isEqualTo("Where Python differs");
        assertThat(differs.parent().text()).as("'Where Python differs' in chapter %s should speak of '%s'", id, phrase)
                .contains(phrase);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "lesson-04-pipes,         04-pipe-rings.svg",
        "lesson-05-ctrl-c,        05-ctrl-c.svg",
        "lesson-06-queues,        06-queue.svg",
        "lesson-07-ticket-lock,   07-lock-word.svg",
        "lesson-08-karaoke,       08-karaoke-timeline.svg",
        "lesson-09-traffic-light, 09-traffic-light.svg",
        "lesson-10-pool,          10-pool-dispatcher.svg",
        "lesson-11-manager,       11-manager-proxies.svg",
    })
    @DisplayName("each chapter from lesson 04 on shows its own picture, with a caption and alt text")
    void lessonPicture(String id, String svg) {
        Elements img = chapter(id).select("img[src$=" + svg + "]");
        assertThat(img).as("chapter %s should show images/%s (image::%s[...])", id, svg, svg).hasSize(1);
        assertThat(img.first().attr("alt")).as("the alt text of %s: say what the picture shows", svg).hasSizeGreaterThan(40);
        Element block = img.first().closest("div.imageblock");
        assertThat(block).as("%s should be a block image (image::, two colons)", svg).isNotNull();
        assertThat(block.select("div.title").text()).as("the caption of %s (a .Title line above image::)", svg).isNotBlank();
    }

    @Test
    @DisplayName("Java listings are highlighted offline by rouge")
    void javaHighlighted() {
        Elements java = book.select("div.listingblock:has(code[data-lang=java])");
        assertThat(java).as("the book has no [source,java] listing at all").isNotEmpty();
        List<String> plain = java.stream().filter(l -> !highlighted(l)).map(BookTest::excerpt).collect(Collectors.toList());
        assertThat(plain).as("Java listings without rouge's highlighting spans (span.k, span.kd, …): is source-highlighter=rouge set?").isEmpty();
        assertThat(book.select("head style").html())
                .as("rouge's stylesheet should be embedded in the page (source-highlighter=rouge, no linkcss)")
                .contains("pre.rouge");
    }

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("multiprocessing.Process(target=f, args=(a, b))", "new Process(Lesson::f, a, b)"),
                Arguments.of("multiprocessing.Process(target=f, args=(a, b))", "new Process(() -> f(a))"),
                Arguments.of("overriding run()", "extends Process { @Override public void run() }"),
                Arguments.of("p.start()", "p.start()"),
                Arguments.of("p.join(timeout)", "p.join(Duration)"),
                Arguments.of("p.is_alive()", "p.isAlive()"),
                Arguments.of("p.exitcode", "p.exitCode()"),
                Arguments.of("p.exitcode", "p.killedBy()"),
                Arguments.of("p.pid", "p.pid()"),
                Arguments.of("p.name", "p.setName(..)"),
                Arguments.of("p.daemon = True", "p.setDaemon(true)"),
                Arguments.of("p.terminate()", "p.terminate()"),
                Arguments.of("p.kill()", "p.kill()"),
                Arguments.of("(none)", "p.interrupt()"),
                Arguments.of("multiprocessing.current_process()", "Process.currentProcess()"),
                Arguments.of("multiprocessing.parent_process()", "Process.parentProcess()"),
                Arguments.of("multiprocessing.active_children()", "Process.activeChildren()"),
                Arguments.of("multiprocessing.cpu_count()", "Process.cpuCount()"),
                Arguments.of("signal.signal(SIGINT, h)", "Signals.handle(Signal.INT, sig -> ...)"),
                Arguments.of("signal.SIG_IGN", "Signals.ignore(Signal.INT)"),
                Arguments.of("signal.SIG_DFL", "Signals.restoreDefault(..)"),
                Arguments.of("os.kill(pid, sig)", "Signals.send(pid, Signal.TERM)"),
                Arguments.of("os.killpg(pgid, sig)", "Signals.sendToGroup(pgid, Signal.INT)"),
                Arguments.of("os.getpgid(pid)", "Signals.processGroupOf(pid)"),
                Arguments.of("(none)", "Trace.event(\"kind\", \"key\", value, ...)"),
                Arguments.of("multiprocessing.Pipe()", "Pipe.open()"),
                Arguments.of("multiprocessing.Pipe(duplex=False)", "Pipe.oneWay()"),
                Arguments.of("multiprocessing.Pipe(duplex=False)", "pipe.receiveEnd()"),
                Arguments.of("multiprocessing.Pipe(duplex=False)", "pipe.sendEnd()"),
                Arguments.of("conn.send(obj)", "conn.send(value)"),
                Arguments.of("conn.recv()", "conn.recv()"),
                Arguments.of("conn.send_bytes(b)", "conn.sendBytes(bytes)"),
                Arguments.of("conn.recv_bytes()", "conn.recvBytes()"),
                Arguments.of("conn.poll(timeout)", "conn.poll(Duration)"),
                Arguments.of("EOFError", "EndOfPipeException"),
                Arguments.of("BrokenPipeError", "BrokenPipeException"),
                Arguments.of("multiprocessing.Queue(maxsize)", "new Queue<>(maxsize)"),
                Arguments.of("q.put(item, timeout=t)", "q.put(item, Duration)"),
                Arguments.of("q.put_nowait(item)", "q.putNowait(item)"),
                Arguments.of("q.get(timeout=t)", "q.get(Duration)"),
                Arguments.of("q.get_nowait()", "q.getNowait()"),
                Arguments.of("queue.Full", "Queue.Full"),
                Arguments.of("queue.Empty", "Queue.Empty"),
                Arguments.of("q.qsize(), q.empty(), q.full()", "q.qsize(), q.empty(), q.full()"),
                Arguments.of("multiprocessing.JoinableQueue()", "new JoinableQueue<>()"),
                Arguments.of("q.task_done()", "q.taskDone()"),
                Arguments.of("multiprocessing.Lock()", "new Lock()"),
                Arguments.of("multiprocessing.RLock()", "new RLock()"),
                Arguments.of("lock.acquire()", "lock.acquire()"),
                Arguments.of("lock.release()", "lock.release()"),
                Arguments.of("with lock:", "try (Held held = lock.hold())"),
                Arguments.of("lock.acquire(timeout=t)", "lock.acquire(Duration)"),
                Arguments.of("lock.acquire(False)", "lock.tryAcquire()"),
                Arguments.of("multiprocessing.Semaphore(n)", "new Semaphore(n)"),
                Arguments.of("multiprocessing.BoundedSemaphore(n)", "new BoundedSemaphore(n)"),
                Arguments.of("sem.get_value()", "sem.value()"),
                Arguments.of("multiprocessing.Event()", "new Event()"),
                Arguments.of("e.set(), e.clear(), e.is_set()", "e.set(), e.clear(), e.isSet()"),
                Arguments.of("e.wait(timeout)", "e.await(Duration)"),
                Arguments.of("c.wait()", "c.await()"),
                Arguments.of("c.wait_for(predicate, timeout)", "c.waitFor(() -> ..., Duration)"),
                Arguments.of("c.notify()", "c.signal()"),
                Arguments.of("c.notify_all()", "c.signalAll()"),
                Arguments.of("multiprocessing.Barrier(parties, action, timeout)", "new Barrier(parties, action, timeout, name)"),
                Arguments.of("b.wait(timeout)", "b.await(Duration)"),
                Arguments.of("b.abort(), b.reset()", "b.abort(), b.reset()"),
                Arguments.of("b.broken, b.n_waiting", "b.isBroken(), b.waiting()"),
                Arguments.of("threading.BrokenBarrierError", "Barrier.Broken"),
                Arguments.of("multiprocessing.Pool(processes)", "new Pool(n)"),
                Arguments.of("multiprocessing.Pool()", "new Pool()"),
                Arguments.of("Pool(processes, initializer, initargs, maxtasksperchild)", "new Pool(n, initializer, maxTasksPerChild)"),
                Arguments.of("pool.apply(f, (a,))", "pool.apply(Lesson::f, a)"),
                Arguments.of("pool.apply_async(f, (a,), callback, error_callback)", "pool.applyAsync(fn, arg, onSuccess, onError)"),
                Arguments.of("pool.map(f, items)", "pool.map(fn, items)"),
                Arguments.of("pool.map_async(f, items, chunksize, callback, error_callback)", "pool.mapAsync(fn, items, chunksize, onSuccess, onError)"),
                Arguments.of("pool.starmap(f, [(a, b), ...])", "pool.starmap(fn, List.of(Map.entry(a, b), ...))"),
                Arguments.of("pool.imap(f, items)", "pool.imap(fn, items)"),
                Arguments.of("pool.imap_unordered(f, items)", "pool.imapUnordered(fn, items)"),
                Arguments.of("pool.close()", "pool.shutdown()"),
                Arguments.of("pool.terminate()", "pool.terminate()"),
                Arguments.of("pool.join()", "pool.join()"),
                Arguments.of("with Pool() as pool:", "try (Pool pool = new Pool()) { ... }"),
                Arguments.of("r.get(timeout)", "r.get(Duration)"),
                Arguments.of("r.wait(timeout)", "r.await(Duration)"),
                Arguments.of("r.ready(), r.successful()", "r.ready(), r.successful()"),
                Arguments.of("multiprocessing.TimeoutError", "AsyncResult.TimedOut"),
                Arguments.of("(none: the pool hangs)", "Pool.WorkerDied"),
                Arguments.of("multiprocessing.Manager()", "Manager.start()"),
                Arguments.of("with Manager() as manager:", "try (Manager manager = Manager.start()) { ... }"),
                Arguments.of("manager.Queue()", "manager.queue()"),
                Arguments.of("manager.JoinableQueue()", "manager.joinableQueue()"),
                Arguments.of("manager.Lock(), manager.RLock()", "manager.lock(), manager.rLock()"),
                Arguments.of("manager.Semaphore(n), manager.BoundedSemaphore(n)", "manager.semaphore(n), manager.boundedSemaphore(n)"),
                Arguments.of("manager.Event()", "manager.event()"),
                Arguments.of("manager.Condition()", "manager.condition()"),
                Arguments.of("manager.Barrier(parties)", "manager.barrier(n)"),
                Arguments.of("manager.dict()", "manager.dict()"),
                Arguments.of("manager.list()", "manager.list()"),
                Arguments.of("manager.Value(typecode, value)", "manager.value(x)"),
                Arguments.of("manager.shutdown()", "manager.shutdown()"),
                Arguments.of("BaseManager(address, authkey).connect()", "Manager.connect(Path socket, String key)"),
                Arguments.of("BaseManager(address, authkey).start()", "Manager.start(Path socket, String key)"),
                Arguments.of("manager.Namespace()", "manager.namespace()"),
                Arguments.of("p.close()", "p.close()"),
                Arguments.of("p.sentinel", "p.sentinel()"),
                Arguments.of("multiprocessing.connection.wait(objects, timeout)", "Connection.waitAny(objects, Duration)"),
                Arguments.of("conn.recv_bytes_into(buf, offset)", "conn.recvBytesInto(bytes, offset)"),
                Arguments.of("lock.locked()", "lock.locked()"),
                Arguments.of("from a proxy whose manager is gone", "Manager.Gone"),
                Arguments.of("should only be shared between processes through inheritance", "IllegalArgumentException"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("names")
    @DisplayName("the name table maps every Python name to ours")
    void nameTable(String python, String java) {
        Elements rows = chapter("python-to-java").select("table tr");
        boolean found = rows.stream().anyMatch(row -> {
            Elements cells = row.select("td");
            return cells.size() >= 2 && cells.get(0).text().contains(python) && cells.get(1).text().contains(java);
        });
        assertThat(found)
                .as("python-to-java.adoc has no row mapping '%s' to '%s'", python, java)
                .isTrue();
    }

    @Test
    @DisplayName("the name table promises nothing more to come: every lesson's names are in the tables")
    void nothingComingLater() {
        Element names = chapter("python-to-java");
        assertThat(book.getElementById("names-coming"))
                .as("python-to-java.adoc still has its section [[names-coming]]: lessons 10 and 11 exist, so their names"
                        + " belong in the tables ([[names-pool]], [[names-manager]]) and the 'coming' section goes")
                .isNull();
        assertThat(names.text()).as("the name table should not speak of lessons to come").doesNotContain("Coming in lessons");
        for (String name : List.of("Pipe", "Queue", "Lock", "Semaphore", "Event", "Pool", "Manager")) {
            assertThat(names.select("table.names td").text())
                    .as("the name table should have a row for multiprocessing.%s", name)
                    .contains("multiprocessing." + name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"names-pipes", "names-queues", "names-locks", "names-events", "names-pool", "names-manager"})
    @DisplayName("the name table has a section for each kind of primitive of lessons 04–11")
    void nameSections(String id) {
        Element section = book.getElementById(id);
        assertThat(section).as("python-to-java.adoc lacks its section [[%s]]", id).isNotNull();
        assertThat(section.parent().select("table.names tr:has(td)"))
                .as("the table of section [[%s]] has no rows", id).hasSizeGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lesson-01-process", "lesson-02-exit-codes", "lesson-03-daemons", "lesson-04-pipes",
        "lesson-05-ctrl-c", "lesson-06-queues", "lesson-07-ticket-lock", "lesson-08-karaoke", "lesson-09-traffic-light",
        "lesson-10-pool", "lesson-11-manager"})
    @DisplayName("each chapter says which edition it is, and shows a timeline the build drew from a real run (instructor's edition)")
    void timelineOfARealRun(String id) throws Exception {
        Element chapter = chapter(id);
        String number = id.substring("lesson-".length(), "lesson-NN".length());
        assertThat(chapter.select(".edition").text())
                .as("chapter %s should say which edition it is (include::edition.adoc[] under its title)", id)
                .containsPattern(instructorEdition ? "Instructor.s edition" : "Student edition");
        Elements runs = chapter.select("img[src^=images/runs/]");
        Elements wrong = chapter.select("img[src$=-wrong.svg]");
        if (!instructorEdition) {
            assertThat(wrong).as("the student edition must not show a wrong solution's run in chapter %s: it gives the answer away", id)
                    .isEmpty();
            return;
        }
        assertThat(runs).as("chapter %s should show a run of its reference drawn by the build (image::runs/%s-…/….svg[])", id, number)
                .isNotEmpty();
        for (Element img : runs) {
            Path file = html.getParent().resolve(img.attr("src"));
            assertThat(Files.readString(file)).as("%s should be drawn from a trace: lanes of processes with events", file)
                    .contains("<circle").contains("<title>#");
        }
        assertThat(wrong).as("chapter %s should show its wrong run beside the right one", id)
                .hasSize(RunFigures.WRONG_RUNS.keySet().stream().anyMatch(k -> k.startsWith(number)) ? 1 : 0);
        if (!wrong.isEmpty()) {
            assertThat(Files.readString(html.getParent().resolve(wrong.get(0).attr("src"))))
                    .as("the wrong run of chapter %s should mark the failing events in red", id).contains("#d22");
        }
    }

    @Test
    @DisplayName("every picture the book shows exists beside it and is a well-formed SVG")
    void images() throws Exception {
        Elements images = book.select("img");
        assertThat(images).as("the book shows fewer pictures than its chapters have").hasSizeGreaterThanOrEqualTo(12);
        for (Element img : images) {
            String src = img.attr("src");
            assertThat(src).as("picture with alt text '%s' loads from the network", img.attr("alt")).doesNotStartWith("http");
            Path file = html.getParent().resolve(src);
            assertThat(file).as("the book shows %s, but %s does not exist: is the SVG in src/docs/asciidoc/images/?", src, file)
                    .isRegularFile();
            assertThat(Files.size(file)).as("%s is empty", file).isPositive();
            if (src.endsWith(".svg")) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                org.w3c.dom.Element root = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
                assertThat(root.getLocalName()).as("%s should be an <svg> document", src).isEqualTo("svg");
            }
        }
    }

    @Test
    @DisplayName("the page needs no network: no scripts, styles or fonts from elsewhere")
    void offline() {
        Elements remote = book.select("script[src^=http], link[href^=http], img[src^=http], iframe");
        assertThat(remote.stream().map(Element::outerHtml).collect(Collectors.toList()))
                .as("elements that load from the network (set webfonts!, no icons=font, no highlight.js)")
                .isEmpty();
    }

    @Test
    @DisplayName("no include was left unresolved")
    void noUnresolvedInclude() {
        assertThat(book.text())
                .as("Asciidoctor left an unresolved include in the book (the build should have failed on it)")
                .doesNotContain("Unresolved directive");
    }

    @Test
    @DisplayName("the chapters come in course order")
    void order() {
        List<String> ids = book.select("div.sect1 > h2[id]").stream().map(Element::id).collect(Collectors.toList());
        List<String> expected = Stream.concat(Stream.of("introduction", "python-to-java"), Stream.of(LESSONS))
                .collect(Collectors.toList());
        assertThat(ids).as("the chapters of the book, in order").containsSubsequence(expected);
    }
}
