package procbook.mp;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/** Where a {@link Manager} listens: a Unix domain socket's path, chosen by mp or by the program. */
final class ManagerSocket {
    /** A Unix socket's path must be shorter than 108 bytes on Linux, 104 on macOS. */
    private static final int LONGEST = 100;

    private ManagerSocket() {
    }

    /**
     * A path for a new manager's socket, in this process's scratch folder, which it removes as it ends —
     * so the socket of a manager that was killed is not left behind.
     */
    static Path forNew(String managerName) {
        String file = "manager-" + managerName.toLowerCase(Locale.ROOT) + ".sock";
        Path scratch = ThisProcess.scratch();
        Path chosen;
        try {
            Files.createDirectories(scratch);
            chosen = scratch.resolve(file).toString().length() < LONGEST ? scratch.resolve(file) : Path.of("/tmp", "procbook-" + ThisProcess.PID + "-" + file);
            Files.deleteIfExists(chosen);
            // also when this JVM is not one of mp's (a test runner's): the JDK deletes them at exit, the file first
            scratch.toFile().deleteOnExit();
            chosen.toFile().deleteOnExit();
        } catch (IOException e) {
            chosen = Path.of("/tmp", "procbook-" + ThisProcess.PID + "-" + file); // the server's bind will say what is wrong
        }
        return chosen;
    }

    /**
     * Refuses a path the program chose where a new manager could not listen, or only by deleting
     * something: a file that is not a socket, or the socket of a manager that still listens. A socket
     * nobody listens on, left by a manager that was killed, is fine: the new manager replaces it.
     */
    static void requireFree(Path socket) {
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length >= LONGEST) {
            throw new IllegalArgumentException("Manager.start(" + socket + ", key): a Unix socket's path must be shorter than "
                    + LONGEST + " bytes; choose a shorter one, such as /tmp/" + socket.getFileName());
        }
        if (socket.getParent() != null && !Files.isDirectory(socket.getParent())) {
            throw new IllegalArgumentException("Manager.start(" + socket + ", key): the folder " + socket.getParent()
                    + " does not exist; create it first, or choose a socket in a folder that exists");
        }
        BasicFileAttributes there;
        try {
            there = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException nothingThere) {
            return;
        }
        if (!there.isOther()) {
            throw new IllegalArgumentException("Manager.start(" + socket + ", key): there is a "
                    + (there.isDirectory() ? "folder" : there.isSymbolicLink() ? "symbolic link" : "file")
                    + " at that path, not a socket; a manager will not delete it to listen there. Choose a path where nothing is");
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException nobodyListens) {
            return;
        }
        throw new IllegalStateException("Manager.start(" + socket + ", key): a manager already listens there. Connect to it"
                + " with Manager.connect(socket, key), or start this one on another path");
    }
}
