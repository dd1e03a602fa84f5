package procbook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The picture of a run")
class TimelinePictureTest {
    /** Two buyers inside buy() together: buyer-2 enters before buyer-1 leaves. */
    private static final TraceLog TWO_INSIDE = TraceLog.parse(String.join("\n",
            "1000\t10\t1\tMainProcess\tstarted\tdaemon=false",
            "2000\t11\t10\tbuyer-1\tbuy-start",
            "2500\t12\t10\tbuyer-2\tbuy-start",
            "3000\t11\t10\tbuyer-1\tbuy-end",
            "3500\t12\t10\tbuyer-2\tbuy-end",
            "4000\t10\t1\tMainProcess\tjoined\tchild=buyer-1\tcode=0",
            ""));

    @TempDir
    Path folder;

    @AfterEach
    void noPicturesAfterwards() {
        System.clearProperty(TimelinePicture.FOLDER_PROPERTY);
    }

    @Test
    @DisplayName("has one lane per process, MainProcess first, one mark per event, and the highlighted ones red")
    void lanesAndMarks() {
        String svg = TimelinePicture.svg(TWO_INSIDE, Set.of(1, 2));

        assertThat(Pattern.compile("<g class=\"lane\" data-process=\"([^\"]+)\"").matcher(svg).results().map(m -> m.group(1)))
                .containsExactly("MainProcess", "buyer-1", "buyer-2");
        assertThat(Pattern.compile("<g class=\"event").matcher(svg).results().count()).isEqualTo(6);
        assertThat(Pattern.compile("<g class=\"event failing\"").matcher(svg).results().count()).isEqualTo(2);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains(">buy-start</text>").endsWith("</svg>\n");
    }

    @Test
    @DisplayName("a failing check writes the page, marks the processes it is about, and says where the page is")
    void failingCheckWritesIt() throws Exception {
        // GIVEN pictures asked for, WHEN a check of two buyers inside together fails
        System.setProperty(TimelinePicture.FOLDER_PROPERTY, folder.toString());
        Throwable failure = catchThrowable(() -> ProcbookAssertions.assertThat(TWO_INSIDE)
                .neverTwoInside("buy-start", "buy-end", "%s were inside buy() at the same time"));

        // THEN the message names the page, and the page shows the two entries in red
        assertThat(failure).hasMessageStartingWith("buyer-1 and buyer-2 were inside buy() at the same time (at event #2)")
                .hasMessageContaining("Picture of this run (open it in a browser): file:");
        Path page;
        try (var pages = Files.list(folder)) {
            page = pages.findFirst().orElseThrow();
        }
        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("buyer-1 and buyer-2 were inside buy() at the same time");
        assertThat(Pattern.compile("<g class=\"event failing\"><title>#(\\d)").matcher(html).results().map(m -> m.group(1)))
                .containsExactly("1", "2");
    }
}
