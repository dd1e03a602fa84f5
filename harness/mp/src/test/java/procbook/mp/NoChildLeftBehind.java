package procbook.mp;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Kills, after each test, any child the test left running: a failing test must not leak processes. */
final class NoChildLeftBehind implements AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) {
        for (Process p : Process.activeChildren()) {
            p.kill();
            p.join();
        }
    }
}
