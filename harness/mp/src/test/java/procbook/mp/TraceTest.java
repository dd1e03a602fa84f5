package procbook.mp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Trace: recording events")
class TraceTest {
    @Test
    @DisplayName("a kind or key that is not one word is refused with the reason")
    void refusesBadWords() {
        assertThatThrownBy(() -> Trace.event("two words")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a trace event kind must be one word of letters, digits and _.:-, got \"two words\"");
        assertThatThrownBy(() -> Trace.event("ok", "key")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Trace.event(\"ok\", ...) needs key/value pairs, got 1 values: the last key has no value");
    }

    @Test
    @DisplayName("the events mp records itself cannot be recorded by lesson code, so a trace's lifecycle is mp's word")
    void mpsOwnEventsAreMpsAlone() {
        for (String kind : new String[] {"started", "exited", "joined", "signal", "lock.acquired", "queue.put", "semaphore.released"}) {
            assertThatThrownBy(() -> Trace.event(kind, "child", "Process-1")).as(kind).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("'" + kind + "' is an event mp records itself; a lesson's own events need names of their own");
        }
        // a lesson's own words, dotted or not, stay free
        Trace.event("pool-joined");
        Trace.event("ticket.sold");
    }

    @Test
    @DisplayName("every kind in the catalogue is mp's own: lesson code cannot record it")
    void catalogueIsReserved() throws Exception {
        int constants = 0;
        for (java.lang.reflect.Field f : Trace.class.getFields()) {
            if (f.getType() == String.class && java.lang.reflect.Modifier.isStatic(f.getModifiers()) && !f.getName().equals("ENVIRONMENT_VARIABLE")) {
                String kind = (String) f.get(null);
                assertThat(Trace.isMpOwn(kind)).as("Trace.%s = \"%s\" is reserved for mp", f.getName(), kind).isTrue();
                constants++;
            }
        }
        assertThat(constants).as("kinds in the catalogue").isGreaterThanOrEqualTo(25);
    }

    @Test
    @DisplayName("values with tabs and newlines are escaped, so one event stays one line")
    void escapes() {
        assertThat(TraceLine.escape("a\tb\nc\\d")).isEqualTo("a\\tb\\nc\\\\d");
        assertThat(TraceLine.escape("plain")).isEqualTo("plain");
    }
}
