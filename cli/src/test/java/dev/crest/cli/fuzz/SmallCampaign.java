package dev.crest.cli.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The small seeded campaign the {@code crest fuzz run} tests run, locally or on Spark: three-node models of four
 * cheap operators, a short input search, and a capability cache inside the test's own folder, so no test reads or
 * writes the user's.
 */
final class SmallCampaign {
    private SmallCampaign() {
    }

    /** The arguments of {@code crest fuzz run} for the small campaign, then {@code extra}; the cache goes in {@code tmp}. */
    static String[] args(Path tmp, String... extra) {
        List<String> args = new ArrayList<>(List.of("fuzz", "run", "--nodes", "3", "--ops", "Add,Mul,Relu,Cos",
                "--seed", "5", "--search-iterations", "20", "--capability-cache", tmp.resolve("cache").toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }
}
