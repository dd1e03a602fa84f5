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
    private static final String[] LESSONS = {"lesson-01-process", "lesson-02-exit-codes", "lesson-03-daemons"};

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
    @ValueSource(strings = {"lesson-01-process", "lesson-02-exit-codes", "lesson-03-daemons"})
    @DisplayName("each lesson chapter shows the lesson's stub, included and highlighted")
    void stubIncluded(String id) {
        Elements stubs = chapter(id).select("div.listingblock.lesson-code");
        assertThat(stubs)
                .as("chapter %s should include at least three tagged parts of the lesson's stub ([source,java,role=lesson-code])", id)
                .hasSizeGreaterThanOrEqualTo(3);
        for (Element listing : stubs) {
            assertThat(listing.select("pre code").text())
                    .as("an included stub listing in chapter %s is empty: does the tag hold any code?", id)
                    .isNotBlank();
            assertThat(highlighted(listing))
                    .as("the stub listing '%s' in chapter %s is not highlighted by rouge", excerpt(listing), id)
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lesson-01-process", "lesson-02-exit-codes", "lesson-03-daemons"})
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
                Arguments.of("(none)", "Trace.event(\"kind\", \"key\", value, ...)"));
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
    @DisplayName("the name table lists the parts that later lessons bring")
    void comingLater() {
        Element coming = book.getElementById("names-coming");
        assertThat(coming).as("python-to-java.adoc lacks its section [[names-coming]]").isNotNull();
        String text = coming.parent().text();
        for (String name : List.of("Pipe", "Queue", "Lock", "Semaphore", "Event", "Pool", "Manager")) {
            assertThat(text).as("the 'coming in lessons 04–11' list should name multiprocessing.%s", name)
                    .contains("multiprocessing." + name);
        }
    }

    @Test
    @DisplayName("every picture the book shows exists beside it and is a well-formed SVG")
    void images() throws Exception {
        Elements images = book.select("img");
        assertThat(images).as("the book shows no picture at all").hasSizeGreaterThanOrEqualTo(4);
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
        List<String> expected = List.of("introduction", "python-to-java", LESSONS[0], LESSONS[1], LESSONS[2]);
        assertThat(ids).as("the chapters of the book, in order").containsSubsequence(expected);
    }
}
