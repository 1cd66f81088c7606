package dev.agentcore.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcore.cli.AppContext;
import dev.agentcore.core.configure.ConfigureService;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the configured agents.")
public final class ConfigureListCommand implements Callable<Integer> {

    private final AppContext context;

    public ConfigureListCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ConfigureService service = new ConfigureService(context.cwd());
        List<ConfigureService.AgentSummary> agents = service.list();
        PrintWriter out = context.out();
        if (context.global().json()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ConfigureService.AgentSummary a : agents) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", a.name());
                row.put("default", a.isDefault());
                row.put("deployed", a.deployed());
                row.put("entrypoint", a.entrypoint());
                row.put("region", a.region());
                rows.add(row);
            }
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("agents", rows)));
            return 0;
        }
        if (agents.isEmpty()) {
            context.err().println("No agents configured in " + context.cwd() + ". Run 'agentcore configure -e <file>'.");
            return 0;
        }
        out.println("Configured agents:");
        for (ConfigureService.AgentSummary a : agents) {
            out.println("  " + a.name() + (a.isDefault() ? " (default)" : "") + " - "
                    + (a.deployed() ? "Ready" : "Config only"));
            out.println("     Entrypoint: " + a.entrypoint());
            out.println("     Region: " + a.region());
            out.println();
        }
        return 0;
    }
}
