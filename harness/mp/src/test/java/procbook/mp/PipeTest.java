package procbook.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every pipe here connects real processes: the test JVM and child JVMs. */
@org.junit.jupiter.api.extension.ExtendWith(NoChildLeftBehind.class)
@DisplayName("Pipe: messages between processes")
class PipeTest {

    static void sendAllThenClose(Connection out, Integer count) {
        out.send(List.of("mixed", 42, 3.5, true));
        for (int i = 0; i < count; i++) {
            out.send(i);
        }
        out.send(null);
        out.send(Map.of("k", "v"));
        out.close();
    }

    static void echo(Connection c) {
        while (true) {
            Object m = c.recv();
            if (m == null) {
                return;
            }
            c.send(m);
        }
    }

    static void sendBigAndEmpty(Connection c, Integer size) {
        byte[] big = new byte[size];
        for (int i = 0; i < size; i++) {
            big[i] = (byte) (i * 31);
        }
        c.sendBytes(big);
        c.sendBytes(new byte[0]);
        c.sendBytes(big, 5, 3);
        byte[] back = c.recvBytes();
        c.send(Arrays.equals(back, big));
    }

    static void holdOpenForever(Connection c, Event ready) throws InterruptedException {
        c.send("first");
        ready.set();
        Thread.sleep(600_000);
    }

    static void endWithoutClosing(Connection c) {
        c.send("last words");
    }

    @Test
    @DisplayName("values of any kind arrive intact and in order, then end of file once the sender closed its end")
    void valuesInOrderThenEof() {
        // GIVEN a child holding the send end of a one-way pipe
        Pipe pipe = Pipe.oneWay("values");
        Process child = new Process(PipeTest::sendAllThenClose, pipe.sendEnd(), 1000);
        // WHEN it sends and closes
        child.start();
        Connection in = pipe.receiveEnd();
        List<Object> got = new ArrayList<>();
        assertThatThrownBy(() -> {
            while (true) {
                got.add(in.recv());
            }
        }).isInstanceOf(EndOfPipeException.class).hasMessageContaining("the other end was closed");
        child.join();
        // THEN every value came, whole and in order
        assertThat(got).hasSize(1003);
        assertThat(got.get(0)).isEqualTo(List.of("mixed", 42, 3.5, true));
        for (int i = 0; i < 1000; i++) {
            assertThat(got.get(1 + i)).isEqualTo(i);
        }
        assertThat(got.get(1001)).isNull();
        assertThat(got.get(1002)).isEqualTo(Map.of("k", "v"));
    }

    @Test
    @DisplayName("a duplex pipe carries a conversation both ways")
    void conversation() {
        // GIVEN an echoing child on one end of a duplex pipe
        Pipe pipe = Pipe.open();
        Process child = new Process(PipeTest::echo, pipe.end2());
        child.start();
        // WHEN we send and receive in turn
        for (int i = 0; i < 200; i++) {
            pipe.end1().send("m" + i);
            // THEN each reply is what we sent
            assertThat((String) pipe.end1().recv()).isEqualTo("m" + i);
        }
        pipe.end1().send(null);
        child.join();
        assertThat(child.exitCode()).hasValue(0);
    }

    @Test
    @DisplayName("messages of 16 MiB and empty messages keep their boundaries; offsets are checked")
    void bigAndEmptyMessages() {
        int size = 16 * 1024 * 1024 + 7;
        Pipe pipe = Pipe.open();
        Process child = new Process(PipeTest::sendBigAndEmpty, pipe.end2(), size);
        child.start();
        byte[] big = pipe.end1().recvBytes();
        assertThat(big).hasSize(size);
        assertThat(big[size - 1]).isEqualTo((byte) ((size - 1) * 31));
        assertThat(pipe.end1().recvBytes()).isEmpty();
        assertThat(pipe.end1().recvBytes()).containsExactly(big[5], big[6], big[7]);
        pipe.end1().sendBytes(big);
        assertThat((Boolean) pipe.end1().recv()).isTrue();
        child.join();
        assertThatThrownBy(() -> pipe.end1().sendBytes(new byte[4], 3, 2))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("within the array");
    }

    @Test
    @DisplayName("the wrong end of a one-way pipe refuses with a clear error")
    void oneWayWrongDirection() {
        Pipe pipe = Pipe.oneWay("direction");
        assertThatThrownBy(() -> pipe.receiveEnd().send("x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("send() on the receive-only end of one-way pipe 'direction'");
        assertThatThrownBy(() -> pipe.sendEnd().recv())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("recv() on the send-only end of one-way pipe 'direction'");
    }

    @Test
    @DisplayName("poll does not consume; poll(timeout) waits at least the timeout when nothing comes")
    void pollDoesNotConsume() {
        Pipe pipe = Pipe.open();
        assertThat(pipe.end1().poll()).isFalse();
        long start = System.nanoTime();
        assertThat(pipe.end1().poll(Duration.ofMillis(100))).isFalse();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(100_000_000L);
        pipe.end2().send("x");
        assertThat(pipe.end1().poll()).isTrue();
        assertThat(pipe.end1().poll()).isTrue();
        assertThat((String) pipe.end1().recv()).isEqualTo("x");
    }

    @Test
    @DisplayName("a peer killed while we wait in recv is seen as end of file, not a hang")
    void peerDeathIsEof() {
        // GIVEN a child that sent one message and then hangs on to its end
        Pipe pipe = Pipe.open("hanger");
        Event ready = new Event();
        Process child = new Process(PipeTest::holdOpenForever, pipe.end2(), ready);
        child.start();
        assertThat((String) pipe.end1().recv()).isEqualTo("first");
        assertThat(ready.await(Duration.ofSeconds(30))).isTrue();
        // WHEN it is killed while we wait for more
        new Thread(() -> {
            sleepQuietly(200);
            child.kill();
        }).start();
        // THEN recv ends with end of file, naming the dead process
        assertThatThrownBy(() -> pipe.end1().recv())
                .isInstanceOf(EndOfPipeException.class)
                .hasMessageContaining("pid " + child.pid() + ") has ended without closing it");
        // AND sending to it is a broken pipe
        assertThatThrownBy(() -> {
            byte[] chunk = new byte[1 << 20];
            while (true) {
                pipe.end1().sendBytes(chunk);
            }
        }).isInstanceOf(BrokenPipeException.class).hasMessageContaining("has ended");
    }

    @Test
    @DisplayName("an end handed to a child belongs to it: the parent's copy refuses, closing it is harmless, and the child's end means EOF")
    void handedOverEnd() {
        Pipe pipe = Pipe.open("handover");
        Process child = new Process(PipeTest::endWithoutClosing, pipe.end2());
        child.start();
        pipe.end2().close(); // Python's habit: harmless here
        assertThatThrownBy(() -> {
            Pipe other = Pipe.open();
            other.end2().close();
            other.end2().send("x");
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat((String) pipe.end1().recv()).isEqualTo("last words");
        assertThatThrownBy(() -> pipe.end1().recv()).isInstanceOf(EndOfPipeException.class);
        child.join();
    }

    @Test
    @DisplayName("the parent's copy of a handed-over end refuses to be used")
    void parentCopyRefuses() {
        Pipe pipe = Pipe.open("given");
        Process child = new Process(PipeTest::echo, pipe.end2());
        child.start();
        assertThatThrownBy(() -> pipe.end2().send("x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("handed to another process (pid " + child.pid() + ")");
        pipe.end1().send(null);
        child.join();
    }

    @Test
    @DisplayName("receiving a sendBytes message with recv says which call to use")
    void wrongReceiveCall() {
        Pipe pipe = Pipe.open("kinds");
        pipe.end2().sendBytes(new byte[] {1});
        assertThatThrownBy(() -> pipe.end1().recv())
                .hasMessageContaining("was sent with sendBytes(), so receive it with recvBytes()");
    }

    @Test
    @DisplayName("sending to a closed end is a broken pipe; an unserializable value fails in the sender")
    void sendErrors() {
        Pipe pipe = Pipe.open("errors");
        pipe.end2().close();
        assertThatThrownBy(() -> pipe.end1().send(1)).isInstanceOf(BrokenPipeException.class)
                .hasMessageContaining("the other end was closed");
        assertThatThrownBy(() -> Pipe.open().end1().send(new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object is not serializable");
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sendAfterAWhile(Connection c, String message, Long millis) throws InterruptedException {
        Thread.sleep(millis);
        c.send(message);
    }

    static void sendInABlock(Connection c) {
        try (c) { // closed at the end of the block, as Python's `with conn:`
            c.send("inside");
        }
        c.send("after"); // refused: this process closed it
    }

    @Test
    @DisplayName("waitAny returns the connections with something to receive and the ended processes, as multiprocessing.connection.wait")
    void waitAnyOnConnectionsAndSentinels() {
        // GIVEN two pipes whose senders send after 200 ms and 10 minutes, and a process that ends at once
        Pipe soon = Pipe.open("soon");
        Pipe late = Pipe.open("late");
        Process soonSender = new Process(PipeTest::sendAfterAWhile, soon.end2(), "hello", 200L);
        Process lateSender = new Process(PipeTest::sendAfterAWhile, late.end2(), "never read", 600_000L);
        Process quick = new Process(() -> { });
        soonSender.start();
        lateSender.start();
        quick.start();
        // WHEN we wait on the receiving ends and on the quick process's end
        List<Waitable> all = List.of(soon.end1(), late.end1(), quick.sentinel());
        List<Waitable> ready = new ArrayList<>();
        while (ready.size() < 2) {
            ready = Connection.waitAny(all, Duration.ofSeconds(30));
            assertThat(ready).as("ready within 30 s").isNotEmpty();
        }
        // THEN the pipe with a message and the ended process are ready, the silent pipe is not
        assertThat(ready).containsExactly(soon.end1(), quick.sentinel());
        assertThat(soon.end1().<String>recv()).isEqualTo("hello");
        assertThat(Connection.waitAny(List.of(late.end1()), Duration.ofMillis(100))).as("after the time ran out").isEmpty();
        // AND WHEN the late sender is killed, holding its end open, THEN its pipe is ready: receiving would end at once
        lateSender.kill();
        lateSender.join();
        assertThat(Connection.waitAny(List.of(late.end1()), Duration.ofSeconds(30))).as("the pipe whose sender was killed")
                .containsExactly(late.end1());
        assertThat(Connection.waitAny(List.of(late.end1()), Duration.ZERO)).as("the same, asked without waiting").containsExactly(late.end1());
        soonSender.join();
        quick.join();
    }

    @Test
    @DisplayName("recvBytesInto fills a buffer from an offset; a message too long for it is consumed and kept whole in BufferTooShort")
    void recvBytesInto() {
        // GIVEN a pipe with two messages of 5 bytes
        Pipe pipe = Pipe.open("bytes");
        pipe.end2().sendBytes("hello".getBytes());
        pipe.end2().sendBytes("world".getBytes());
        byte[] buffer = "..........".getBytes();
        // WHEN the first is received at offset 3
        int n = pipe.end1().recvBytesInto(buffer, 3);
        // THEN it lies there
        assertThat(n).isEqualTo(5);
        assertThat(new String(buffer)).isEqualTo("...hello..");
        // WHEN the second does not fit in the 2 bytes left after offset 8, THEN it comes whole in the error
        assertThatThrownBy(() -> pipe.end1().recvBytesInto(buffer, 8))
                .isInstanceOfSatisfying(Connection.BufferTooShort.class,
                        e -> assertThat(new String(e.message())).isEqualTo("world"))
                .hasMessageContaining("a message of 5 bytes from pipe 'bytes' does not fit in the 2 bytes left");
        assertThat(pipe.end1().poll()).as("the message that did not fit was consumed").isFalse();
    }

    @Test
    @DisplayName("a Connection in try-with-resources is closed at the end of the block: the other end sees end of file")
    void connectionIsAutoCloseable() {
        // GIVEN a child that sends one message inside a try-with-resources block on its end
        Pipe pipe = Pipe.open("block");
        Process child = new Process(PipeTest::sendInABlock, pipe.end2());
        // WHEN it runs
        child.start();
        // THEN we receive the message, then end of file; its send after the block failed
        assertThat(pipe.end1().<String>recv()).isEqualTo("inside");
        assertThatThrownBy(() -> pipe.end1().recv()).isInstanceOf(EndOfPipeException.class);
        child.join();
        assertThat(child.exitCode()).as("the send after the block fails").hasValue(1);
    }
}
