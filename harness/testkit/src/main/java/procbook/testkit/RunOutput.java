package procbook.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run printed, for failure messages: in full for the report file, and as a summary — how the
 * main process ended and the first line of each exception — for the few lines a student reads first.
 */
record RunOutput(String scenario, String stdout, String stderr) {
    private static final int SUMMARY_LINES = 6;
    private static final int FULL_LINES = 200;

    static final RunOutput NONE = new RunOutput("", "", "");

    RunOutput {
        if (scenario == null || stdout == null || stderr == null) {
            throw new IllegalArgumentException("a run's output needs a scenario line, stdout and stderr (empty, not null)");
        }
    }

    /**
     * The exceptions' own lines, each with the frame where it was thrown — e.g.
     * {@code procbook.mp.Queue$Empty: queue 'Queue-1' is empty} — never a list of frames alone.
     */
    List<String> exceptionLines() {
        List<String> lines = stderr.lines().toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean frame = line.startsWith("\tat ") || line.startsWith("\t... ");
            boolean headsFrames = !frame && i + 1 < lines.size() && lines.get(i + 1).startsWith("\tat ");
            if (headsFrames) {
                out.add(line.strip());
                out.add("  " + lines.get(i + 1).strip());
            }
        }
        return out;
    }

    /** The scenario line, then the exceptions' lines, or the last lines of standard error if it has no exception. */
    String summary() {
        if (scenario.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>(List.of(scenario));
        List<String> exceptions = exceptionLines();
        List<String> errors = exceptions.isEmpty() ? stderr.lines().filter(l -> !l.isBlank()).toList() : exceptions;
        if (!errors.isEmpty()) {
            lines.add(exceptions.isEmpty() ? "its standard error ends with:" : "exceptions on its standard error:");
            errors.stream().skip(exceptions.isEmpty() ? Math.max(0, errors.size() - SUMMARY_LINES) : 0).limit(SUMMARY_LINES)
                    .forEach(l -> lines.add("  " + l));
        }
        return String.join("\n", lines) + "\n";
    }

    /** Everything, up to the last {@value #FULL_LINES} lines of each stream. */
    String full() {
        return scenario.isEmpty() ? "" : scenario + "\n" + section("standard output", stdout) + section("standard error", stderr);
    }

    private static String section(String title, String text) {
        if (text.isBlank()) {
            return "--- " + title + ": (nothing)\n";
        }
        List<String> lines = text.lines().toList();
        String shown = lines.size() <= FULL_LINES ? String.join("\n", lines)
                : "(" + (lines.size() - FULL_LINES) + " earlier lines not shown)\n"
                        + String.join("\n", lines.subList(lines.size() - FULL_LINES, lines.size()));
        return "--- " + title + ":\n" + shown + "\n";
    }
}
