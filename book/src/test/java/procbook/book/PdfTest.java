package procbook.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reads the PDF as the build generated it, target/generated-docs/index.pdf, and checks what a reader of
 * the printed book gets: every chapter, every character drawn with a glyph, highlighted code, fonts
 * that travel with the file.
 */
@DisplayName("The PDF edition")
class PdfTest {
    private static PDDocument pdf;
    private static File file;
    /** Every glyph drawn, read once: the checks look at it from different sides. */
    private static Glyphs glyphs;

    @BeforeAll
    static void readThePdf() throws IOException {
        file = new File(System.getProperty("procbook.book.pdf", "target/generated-docs/index.pdf")).getAbsoluteFile();
        assertThat(file)
                .as("the generated PDF %s: the asciidoctor-maven-plugin writes it before the tests run, so run the build"
                        + " (./mvnw -pl book -am verify), not this test alone", file)
                .isFile();
        pdf = Loader.loadPDF(file);
        glyphs = new Glyphs();
        glyphs.getText(pdf);
    }

    @AfterAll
    static void close() throws IOException {
        if (pdf != null) {
            pdf.close();
        }
    }

    @Test
    @DisplayName("has the pages of a book, and an outline with every chapter in course order")
    void chapters() {
        assertThat(pdf.getNumberOfPages()).as("pages in %s", file).isGreaterThanOrEqualTo(80);
        List<String> outline = new ArrayList<>();
        for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
            outline.add(item.getTitle());
        }
        assertThat(outline).as("the PDF's outline (its bookmarks), which a reader navigates by").containsSubsequence(
                "Introduction", "From Python names to Java names",
                "Lesson 01: A process and its life", "Lesson 02: Exit codes, terminate and kill",
                "Lesson 03: Daemon and non-daemon children", "Lesson 04: Pipes", "Lesson 05: Ctrl-C, a semaphore and a pipe",
                "Lesson 06: Queues", "Lesson 07: A ticket office with a lock", "Lesson 08: A karaoke room with a semaphore",
                "Lesson 09: A traffic light with an event", "Lesson 10: A process pool",
                "Lesson 11: A manager shares a queue and a lock");
    }

    @Test
    @DisplayName("draws every character it shows: no glyph is missing from its font (— → … included)")
    void noMissingGlyph() {
        assertThat(glyphs.missing)
                .as("characters the PDF shows as an empty box, each with its font and first page: give the theme"
                        + " (src/theme/procbook-theme.yml) a font that has them, or use another character")
                .isEmpty();
        assertThat(glyphs.drawn).as("characters the HTML shows too, which the PDF must draw").contains("—", "→", "…");
    }

    @Test
    @DisplayName("carries its fonts: every font is embedded, none is left to the reader's machine")
    void fontsEmbedded() {
        assertThat(glyphs.notEmbedded).as("fonts the PDF uses without embedding them").isEmpty();
    }

    @Test
    @DisplayName("highlights code: the listings' text comes in the colours of rouge's github style")
    void codeHighlighted() {
        assertThat(glyphs.codeColours)
                .as("colours of the text in the code font (M+ 1mn): keywords, strings, comments and names each have their own")
                .hasSizeGreaterThanOrEqualTo(5);
    }

    /** Walks every glyph of every page: which characters, fonts and colours are used, and which glyphs are missing. */
    private static final class Glyphs extends PDFTextStripper {
        final Map<String, String> missing = new TreeMap<>();
        final Set<String> drawn = new TreeSet<>();
        final Set<String> notEmbedded = new LinkedHashSet<>();
        final Set<Integer> codeColours = new TreeSet<>();

        Glyphs() throws IOException {
            setSortByPosition(false);
            // a text stripper follows no colour by itself: these keep the graphics state's fill colour
            addOperator(new SetNonStrokingColorSpace(this));
            addOperator(new SetNonStrokingColor(this));
            addOperator(new SetNonStrokingColorN(this));
            addOperator(new SetNonStrokingDeviceRGBColor(this));
            addOperator(new SetNonStrokingDeviceGrayColor(this));
            addOperator(new SetNonStrokingDeviceCMYKColor(this));
        }

        @Override
        protected void showGlyph(Matrix matrix, PDFont font, int code, Vector displacement) throws IOException {
            super.showGlyph(matrix, font, code, displacement);
            String text = font.toUnicode(code);
            String shown = text == null ? "code " + code : text;
            drawn.add(shown);
            if (!font.isEmbedded()) {
                notEmbedded.add(font.getName());
            }
            if (font instanceof PDVectorFont vector && !vector.hasGlyph(code) && !" ".equals(text)) {
                missing.putIfAbsent(shown + (text == null || text.isEmpty() ? "" : " (U+" + Integer.toHexString(text.codePointAt(0)).toUpperCase() + ")"),
                        font.getName() + ", page " + getCurrentPageNo());
            }
            if (font.getName() != null && font.getName().toLowerCase().contains("mplus1mn")) {
                codeColours.add(getGraphicsState().getNonStrokingColor().toRGB());
            }
        }
    }
}
