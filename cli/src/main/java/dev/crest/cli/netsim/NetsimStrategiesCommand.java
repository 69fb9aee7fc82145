package dev.crest.cli.netsim;

import dev.crest.cli.JsonOutput;
import dev.crest.cli.VersionProvider;
import dev.crest.netsim.strategy.Strategies;
import dev.crest.netsim.strategy.Strategy;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crest netsim strategies}: the registered strategy names and whether they use parameter servers. */
@Command(
        name = "strategies",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "List the strategies --strategy accepts.")
public final class NetsimStrategiesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "print one JSON document instead of a list")
    private boolean json;

    @Override
    public Integer call() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Strategy s : Strategies.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("kind", s.usesParameterServers() ? "parameter server" : "all-reduce");
            rows.add(m);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, Map.of("strategies", rows));
        } else {
            rows.forEach(m -> out.printf(Locale.ROOT, "%-20s %s%n", m.get("name"), m.get("kind")));
            out.flush();
        }
        return 0;
    }
}
