package procbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Signed result lines")
class SignedLineTest {
    @Test
    @DisplayName("a line signed with the key reads back; another key, a changed payload or a wrong number does not")
    void onlyTheKeyHolderCanWrite() {
        String key = SignedLine.newKey();
        String line = SignedLine.sign(key, 3, "{\"points\": 2}");

        assertThat(SignedLine.verify(key, 3, line)).contains("{\"points\": 2}");
        assertThat(SignedLine.verify(SignedLine.newKey(), 3, line)).isEmpty();
        assertThat(SignedLine.verify(key, 4, line)).as("a replayed line out of order").isEmpty();
        String tampered = line.substring(0, line.length() - 4) + "AAAA";
        assertThat(SignedLine.verify(key, 3, tampered)).isEmpty();
        assertThat(SignedLine.verify(key, 3, "some test's own output")).isEmpty();
    }
}
