package dev.agentcore.core.local;

import dev.agentcore.core.AgentCoreException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Python that runs an agent without a container: the project's virtual environment when there is one
 * ({@code .venv/bin/python} in the source folder, then the project folder), else {@code python3} (then
 * {@code python}) on PATH. Also turns a Python start-up failure into a message a user can act on.
 */
public final class HostPython {

    private static final Pattern MISSING_MODULE = Pattern.compile("ModuleNotFoundError: No module named '([^']+)'");

    private HostPython() {
    }

    public static Path find(ProcessRunner runner, Path sourceDir, Path projectDir) {
        for (Path dir : List.of(sourceDir, projectDir)) {
            for (String rel : List.of(".venv/bin/python", ".venv/Scripts/python.exe")) {
                Path p = dir.resolve(rel);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return runner.find("python3").or(() -> runner.find("python")).orElseThrow(() ->
                AgentCoreException.failure("No python3 found on PATH to run the agent without a container.",
                        "Install Python 3, or a container engine (Docker, Finch or Podman) to run the agent's image."));
    }

    /** The module named by a {@code ModuleNotFoundError} in the output, if any. */
    public static Optional<String> missingModule(List<String> output) {
        for (int i = output.size() - 1; i >= 0; i--) {
            Matcher m = MISSING_MODULE.matcher(output.get(i));
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** The error for an agent that stopped before answering {@code /ping}. */
    public static AgentCoreException startFailure(String agent, Path python, Path sourceDir, Path entrypoint,
                                                  Integer exitCode, List<String> output) {
        Optional<String> module = missingModule(output);
        if (module.isPresent()) {
            String top = module.get().split("\\.")[0];
            boolean hasRequirements = Files.isRegularFile(sourceDir.resolve("requirements.txt"));
            String install = hasRequirements ? ".venv/bin/pip install -r requirements.txt"
                    : ".venv/bin/pip install " + top.replace('_', '-');
            return AgentCoreException.failure("Agent '" + agent + "' needs the Python module '" + module.get()
                            + "', which is not installed for " + python + ".",
                    "Create a virtual environment with its packages (agentcore then uses it): cd " + sourceDir
                            + " && python3 -m venv .venv && " + install
                            + "; or run it in a container (--container-runtime docker|finch|podman).");
        }
        List<String> last = new ArrayList<>();
        for (String line : output.subList(Math.max(0, output.size() - 12), output.size())) {
            if (!line.isBlank()) {
                last.add("  " + line);
            }
        }
        String how = exitCode == null ? "stopped" : "exited with code " + exitCode;
        return AgentCoreException.failure("Agent '" + agent + "' " + how + " before answering /ping."
                        + (last.isEmpty() ? "" : " Its last output:\n" + String.join("\n", last)),
                "Run it by hand to see the whole error: cd " + sourceDir + " && " + python + " " + entrypoint + "");
    }
}
