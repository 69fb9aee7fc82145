package dev.crest.netsim.strategy;

import dev.crest.netsim.NetsimException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The registry of strategies by name, in the order reports list them. Entries are constructor references, listed
 * explicitly in {@link #factories()}; add a new strategy there.
 */
public final class Strategies {
    private static final Map<String, Supplier<Strategy>> FACTORIES = factories();

    private Strategies() {
    }

    private static Map<String, Supplier<Strategy>> factories() {
        Map<String, Supplier<Strategy>> map = new LinkedHashMap<>();
        add(map, ParameterServerStrategy::plain);
        add(map, ParameterServerStrategy::withMulticast);
        add(map, ParameterServerStrategy::withAggregation);
        add(map, ParameterServerStrategy::withAggregationAndMulticast);
        return Collections.unmodifiableMap(map);
    }

    private static void add(Map<String, Supplier<Strategy>> map, Supplier<Strategy> factory) {
        String name = factory.get().name();
        if (map.putIfAbsent(name, factory) != null) {
            throw new IllegalStateException("two strategies are named " + name);
        }
    }

    /** Registered names in report order. */
    public static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    /** A new instance of the strategy registered under {@code name}. */
    public static Strategy byName(String name) {
        Supplier<Strategy> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new NetsimException("unknown strategy '" + name + "'; choose one of " + String.join(", ", names()));
        }
        return factory.get();
    }

    /** One instance of every registered strategy, in report order. */
    public static List<Strategy> all() {
        List<Strategy> strategies = new ArrayList<>();
        for (Supplier<Strategy> factory : FACTORIES.values()) {
            strategies.add(factory.get());
        }
        return strategies;
    }
}
