package procbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The grade report's command line")
class ReportOptionsTest {
    @TempDir
    Path root;

    @BeforeEach
    void lessonsFolder() throws Exception {
        Files.createDirectories(root.resolve("lessons"));
    }

    @Test
    @DisplayName("takes the root, the build's start and a gate")
    void full() {
        // GIVEN every argument
        // WHEN parsed
        ReportOptions options = ReportOptions.parse(root.toString(), "--build-started=2025-03-01T10:00:00Z", "--fail-under=60");

        // THEN each is read
        assertThat(options.root()).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(options.buildStarted()).contains(Instant.parse("2025-03-01T10:00:00Z"));
        assertThat(options.failUnder()).hasValue(60);
    }

    @Test
    @DisplayName("treats an option with an empty value, as the pom passes it by default, as absent")
    void emptyValues() {
        // GIVEN options whose properties were not set
        // WHEN parsed
        ReportOptions options = ReportOptions.parse(root.toString(), "--build-started=", "--fail-under=");

        // THEN they are absent
        assertThat(options.buildStarted()).isEmpty();
        assertThat(options.failUnder()).isEmpty();
    }

    @Test
    @DisplayName("refuses what it cannot use, saying why")
    void refuses() {
        // GIVEN bad command lines
        // WHEN parsed
        // THEN each error says what is wrong
        assertThatThrownBy(() -> ReportOptions.parse(root.toString(), "--fail-under=abc"))
                .hasMessage("--fail-under must be a percentage from 0 to 100, got abc");
        assertThatThrownBy(() -> ReportOptions.parse(root.toString(), "--fail-under=101"))
                .hasMessage("--fail-under must be a percentage from 0 to 100, got 101");
        assertThatThrownBy(() -> ReportOptions.parse(root.toString(), "--build-started=yesterday"))
                .hasMessage("--build-started must be an instant like 2025-01-31T12:00:00Z, got yesterday");
        assertThatThrownBy(() -> ReportOptions.parse(root.toString(), "--verbose"))
                .hasMessage("unknown option --verbose\n" + ReportOptions.USAGE);
        assertThatThrownBy(() -> ReportOptions.parse())
                .hasMessage("no project root given\n" + ReportOptions.USAGE);
        Path elsewhere = root.resolve("lessons");
        assertThatThrownBy(() -> ReportOptions.parse(elsewhere.toString()))
                .hasMessage("the project root " + elsewhere.toAbsolutePath() + " has no lessons/ folder\n" + ReportOptions.USAGE);
    }
}
