package procbook.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A lesson's hints, one at a time: {@code ./procbook hint 07} shows the next hint of lesson 07's README
 * and remembers how many were shown, in {@code .procbook/hints.properties} at the project's root, so the
 * next call goes on where the last stopped. A student who wants to think first sees one hint, not all.
 */
final class Hints {
    static final String STATE = ".procbook/hints.properties";

    private Hints() {
    }

    /** The bullets under the README's {@code ## Hints} heading; a bullet's continuation lines join it. */
    static List<String> of(Path readme) {
        List<String> hints = new ArrayList<>();
        boolean inHints = false;
        StringBuilder current = null;
        try {
            for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
                if (line.startsWith("## ")) {
                    inHints = line.strip().equalsIgnoreCase("## Hints");
                    continue;
                }
                if (!inHints) {
                    continue;
                }
                if (line.startsWith("- ")) {
                    if (current != null) {
                        hints.add(current.toString());
                    }
                    current = new StringBuilder(line.substring(2).strip());
                } else if (current != null && !line.isBlank()) {
                    current.append(' ').append(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + readme + ": " + e.getMessage(), e);
        }
        if (current != null) {
            hints.add(current.toString());
        }
        return hints;
    }

    /** Shows the next hint of {@code lesson} and remembers it; after the last one, shows them all again. */
    static String next(Path root, Lessons.Lesson lesson) {
        List<String> hints = of(lesson.dir().resolve("README.md"));
        if (hints.isEmpty()) {
            return lesson.id() + " has no hints: its README and its tests' failure messages are all there is.";
        }
        Properties shown = load(root);
        int seen = Integer.parseInt(shown.getProperty(lesson.id(), "0"));
        StringBuilder out = new StringBuilder();
        if (seen >= hints.size()) {
            out.append("All ").append(hints.size()).append(" hints of ").append(lesson.id()).append(", again:\n");
            for (int i = 0; i < hints.size(); i++) {
                out.append(format(i, hints)).append('\n');
            }
            return out.toString();
        }
        for (int i = 0; i < seen; i++) {
            out.append(format(i, hints)).append('\n');
        }
        out.append(format(seen, hints)).append("   ← new\n");
        shown.setProperty(lesson.id(), Integer.toString(seen + 1));
        save(root, shown);
        out.append(seen + 1 < hints.size()
                ? (hints.size() - seen - 1) + " more: run the same command again for the next one."
                : "That was the last hint.");
        return out.toString();
    }

    private static String format(int i, List<String> hints) {
        return "Hint " + (i + 1) + " of " + hints.size() + ": " + hints.get(i);
    }

    private static Properties load(Path root) {
        Properties p = new Properties();
        Path file = root.resolve(STATE);
        if (Files.isRegularFile(file)) {
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // a damaged file starts the hints afresh
            }
        }
        return p;
    }

    private static void save(Path root, Properties p) {
        Path file = root.resolve(STATE);
        try {
            Files.createDirectories(file.getParent());
            try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "how many hints of each lesson ./procbook hint has shown");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remember the hints shown in " + file + ": " + e.getMessage(), e);
        }
    }
}
