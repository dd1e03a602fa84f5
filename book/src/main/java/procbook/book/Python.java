package procbook.book;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The Python the book runs its listings with: {@code python3} on the PATH, 3.8 or newer, or none. */
final class Python {
    static final String COMMAND = "python3";

    private Python() {
    }

    /** "Python 3.11.7", or null when there is no python3, or one older than 3.8 (whose listings would not parse). */
    static String version() {
        try {
            java.lang.Process p = new ProcessBuilder(COMMAND, "-c",
                    "import sys; print('Python ' + sys.version.split()[0] if sys.version_info >= (3, 8) else '')")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.startsWith("Python 3")) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
