package procbook.lesson96;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import procbook.grading.Points;
import procbook.testkit.Events;
import procbook.testkit.ProcbookAssertions;
import procbook.testkit.ScenarioRun;
import procbook.testkit.Scenarios;

class HelloTest {
    @RegisterExtension
    final Scenarios scenarios = Scenarios.of(Hello.class).timeLimit(Duration.ofSeconds(60));

    @Test
    @Points(3)
    @DisplayName("says hello")
    void saysHello() {
        ScenarioRun run = scenarios.run();
        ProcbookAssertions.assertThat(run).exitedNormally();
        ProcbookAssertions.assertThat(run.trace()).hasExactly(1, Events.kind("hello"));
    }
}
