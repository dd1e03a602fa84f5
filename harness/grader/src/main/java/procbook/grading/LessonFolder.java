package procbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A lesson as its folder shows it: {@code lessons/NN-name} with a {@code pom.xml}. The report lists
 * lessons from the folders, not from test results, so a lesson whose tests never ran still shows.
 */
record LessonFolder(String id, Path dir, String title) {
    private static final Pattern ID = Pattern.compile("\\d\\d-[a-z0-9][a-z0-9-]*");
    // a lesson pom's own <name> follows its <parent> block; searching from there skips nothing of ours
    private static final Pattern NAME = Pattern.compile("<name>\\s*([^<]*?)\\s*</name>");

    /** The lesson folders under {@code parent} ({@code lessons/} or {@code solutions/}), by id. */
    static List<LessonFolder> under(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(parent)) {
            return dirs.filter(d -> ID.matcher(d.getFileName().toString()).matches())
                    .filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .sorted()
                    .map(d -> new LessonFolder(d.getFileName().toString(), d, titleOf(d.resolve("pom.xml"))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the lessons in " + parent + ": " + e.getMessage(), e);
        }
    }

    Path gradeFile() {
        return dir.resolve(GradeFile.IN_MODULE);
    }

    private static String titleOf(Path pom) {
        try {
            String xml = Files.readString(pom, StandardCharsets.UTF_8);
            int parentEnd = xml.indexOf("</parent>");
            Matcher m = NAME.matcher(xml);
            return m.find(parentEnd < 0 ? 0 : parentEnd) ? m.group(1) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
