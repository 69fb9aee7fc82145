package dev.crest.netsim.sweep;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.sim.SimulationSettings;
import dev.crest.netsim.strategy.Strategies;
import dev.crest.netsim.topology.Topologies;
import dev.crest.netsim.workload.WorkloadSettings;
import dev.crest.netsim.workload.Workloads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Every setting a user can give the simulator by name, the vocabulary shared by command-line flags
 * ({@code --bandwidth}), config files ({@code bandwidth: 25G}) and sweep CSV columns. Each knows its documented
 * default (taken from the settings records, the single place defaults live) and turns user text into one
 * canonical text, so {@code 25G} and {@code 25Gbps} are the same sweep point. {@link RunSpec} turns the values
 * into the simulator's settings.
 */
public enum NetsimSetting {
    MODEL("model", "models", "vgg16", "zoo model name, or a .onnx model or .csv trace file", NetsimSetting::model),
    WORKERS("workers", null, Integer.toString(SimulationSettings.DEFAULT_WORKERS), "number of workers N",
            v -> Integer.toString(QuantityFormat.parseCount("workers", v, 1))),
    STRATEGY("strategy", "strategies", "ps", "how gradients are exchanged (see 'crest netsim strategies')",
            NetsimSetting::strategy),
    BANDWIDTH("bandwidth", "bandwidths", RateFormat.format(SimulationSettings.DEFAULT_BANDWIDTH),
            "worker and parameter-server link rate, e.g. 25G, 100Gbps, 10e9", v -> RateFormat.format(RateFormat.parse(v))),
    PS_BANDWIDTH("ps-bandwidth", null, "same", "parameter-server link rate; 'same' follows --bandwidth",
            v -> sameOr(v, x -> RateFormat.format(RateFormat.parse(x)))),
    TOR_RATE("tor-rate", null, RateFormat.format(SimulationSettings.DEFAULT_TOR_RATE), "ToR switch port rate",
            v -> RateFormat.format(RateFormat.parse(v))),
    SPINE_RATE("spine-rate", null, RateFormat.format(SimulationSettings.DEFAULT_SPINE_RATE),
            "spine, aggregation and core switch port rate", v -> RateFormat.format(RateFormat.parse(v))),
    LATENCY("latency", null, QuantityFormat.formatSeconds(SimulationSettings.DEFAULT_LATENCY),
            "per-hop propagation latency, e.g. 10us, 1ms",
            v -> QuantityFormat.formatSeconds(QuantityFormat.parseSeconds("latency", v))),
    MTU("mtu", null, Long.toString(SimulationSettings.DEFAULT_MTU), "packet size in bits (or bytes with B: 1500B)",
            v -> Long.toString(QuantityFormat.parseBits("MTU", v))),
    PARAMETER_SERVERS("ps", null, Integer.toString(SimulationSettings.DEFAULT_PARAMETER_SERVERS),
            "number of parameter-server shards (PS strategies)",
            v -> Integer.toString(QuantityFormat.parseCount("parameter-server count", v, 1))),
    LATENCY_OCCUPIES_LINK("latency-occupies-link", null, "false", "keep a link busy until each packet lands "
            + "(strictly one packet in flight) instead of pipelining propagation", NetsimSetting::bool),
    BUFFER("buffer", null, "0", "switch queue per outgoing link in packets, drops retransmitted; 0 = unlimited",
            v -> Integer.toString(QuantityFormat.parseCount("buffer size", v, 0))),
    RETRANSMIT_TIMEOUT("retransmit-timeout", null,
            QuantityFormat.formatSeconds(SimulationSettings.DEFAULT_RETRANSMIT_TIMEOUT),
            "time from a drop to the resend (finite --buffer only)", NetsimSetting::positiveSeconds),
    STRIPED("striped", null, "false", "PS sends each tensor to the workers in a random (seeded) order",
            NetsimSetting::bool),
    CHUNK("chunk", null, Long.toString(SimulationSettings.DEFAULT_CHUNK), "chunk size in bits of chunked all-reduce",
            v -> Long.toString(QuantityFormat.parseBits("chunk size", v))),
    COMPUTE_SPEEDUP("compute-speedup", null, "1", "divides forward and backprop times (a faster device)",
            v -> number(QuantityFormat.parsePositive("compute speed-up", v))),
    TOPOLOGY("topology", null, Topologies.SINGLE_RACK, "network layout: " + String.join(", ", Topologies.names()),
            NetsimSetting::topology),
    RACKS("racks", null, "2", "racks topology: number of worker racks (workers split evenly)",
            v -> Integer.toString(QuantityFormat.parseCount("rack count", v, 1))),
    RACK_SIZES("rack-sizes", null, "even", "racks topology: workers per rack as 8+8+16 (sums to --workers)",
            NetsimSetting::rackSizes),
    SPINES("spines", null, "1", "racks and leaf-spine topologies: number of spine switches",
            v -> Integer.toString(QuantityFormat.parseCount("spine count", v, 1))),
    FAT_TREE_K("fat-tree-k", null, "0", "fat-tree topology: the even k; 0 picks the smallest that fits",
            v -> Integer.toString(QuantityFormat.parseCount("fat-tree k", v, 0))),
    HOSTS_PER_LEAF("hosts-per-leaf", null, "16", "leaf-spine topology: hosts under each leaf switch",
            v -> Integer.toString(QuantityFormat.parseCount("hosts per leaf", v, 1))),
    OVERSUBSCRIPTION("oversubscription", null, "1", "leaf-spine topology: leaf downlink over uplink capacity (>= 1)",
            v -> number(QuantityFormat.parsePositive("oversubscription ratio", v))),
    BATCH_SIZE("batch-size", null, Integer.toString(WorkloadSettings.DEFAULT_BATCH_SIZE),
            "examples per worker per iteration (zoo and ONNX models)",
            v -> Integer.toString(QuantityFormat.parseCount("batch size", v, 1))),
    BACKWARD_RATIO("backward-ratio", null, number(WorkloadSettings.DEFAULT_BACKWARD_TO_FORWARD_RATIO),
            "backprop FLOPs per forward FLOP", v -> number(QuantityFormat.parsePositive("backward/forward ratio", v))),
    DEVICE_FLOPS("device-flops", null, "calibrated", "device FLOP/s, e.g. 15T; 'calibrated' makes Inception-v3 take "
            + WorkloadSettings.REFERENCE_INCEPTION_V3_FORWARD_SECONDS + " s forward",
            v -> v.strip().equalsIgnoreCase("calibrated") ? "calibrated"
                    : number(QuantityFormat.parseScaled("device FLOP/s", v))),
    FORWARD_TIME("forward-time", null, "model", "measured forward time, e.g. 0.176s; 'model' derives it from FLOPs "
            + "(or the trace's forward_seconds comment)",
            v -> v.strip().equalsIgnoreCase("model") ? "model" : forwardTime(v)),
    SEED("seed", null, Long.toString(SimulationSettings.DEFAULT_SEED),
            "seed of every random choice; a sweep draws each run's seed from it", NetsimSetting::seed);

    private final String key;
    private final String pluralKey;
    private final String defaultText;
    private final String description;
    private final UnaryOperator<String> canonical;

    NetsimSetting(String key, String pluralKey, String defaultText, String description,
            UnaryOperator<String> canonical) {
        this.key = key;
        this.pluralKey = pluralKey;
        this.defaultText = defaultText;
        this.description = description;
        this.canonical = canonical;
    }

    /** The name in flags ({@code --key}), config files and CSV columns. */
    public String key() {
        return key;
    }

    /** An accepted plural spelling for sweeps ({@code --models}), or null. */
    public String pluralKey() {
        return pluralKey;
    }

    /** The documented default, in canonical form. */
    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    /** Whether sweeps vary it per run; the seed instead seeds the whole sweep. */
    public boolean isSweepAxis() {
        return this != SEED;
    }

    /** The canonical text of a user's value; throws {@link NetsimException} with the reason when it is invalid. */
    public String canonical(String text) {
        if (text == null || text.isBlank()) {
            throw new NetsimException("--" + key + " needs a value");
        }
        try {
            return canonical.apply(text.strip());
        } catch (NetsimException e) {
            // Name the setting, since the same message may come from a flag, a config file or a sweep list.
            throw new NetsimException("--" + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * The canonical values of a sweep axis from the user's texts, each a comma list with optional progression
     * ({@code 2,4,8,...,128}); {@code all} names every registered strategy or zoo model.
     */
    public List<String> axis(List<String> texts) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (String text : texts) {
            for (String v : AxisValues.split("--" + key, text)) {
                if (v.equalsIgnoreCase("all") && this == STRATEGY) {
                    values.addAll(Strategies.names());
                } else if (v.equalsIgnoreCase("all") && this == MODEL) {
                    values.addAll(Workloads.zooNames());
                } else {
                    values.add(canonical(v));
                }
            }
        }
        return new ArrayList<>(values);
    }

    /** The setting named {@code name} (singular or plural key). */
    public static NetsimSetting byKey(String name) {
        for (NetsimSetting s : values()) {
            if (s.key.equals(name) || name.equals(s.pluralKey)) {
                return s;
            }
        }
        throw new NetsimException("unknown setting '" + name + "'; known settings: " + String.join(", ", keys()));
    }

    /** Every accepted name (singular and plural) mapped to the canonical key. */
    public static Map<String, String> aliases() {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (NetsimSetting s : values()) {
            aliases.put(s.key, s.key);
            if (s.pluralKey != null) {
                aliases.put(s.pluralKey, s.key);
            }
        }
        return aliases;
    }

    /** The canonical keys in declaration order. */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (NetsimSetting s : values()) {
            keys.add(s.key);
        }
        return keys;
    }

    private static String model(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".onnx") || lower.endsWith(".csv")) {
            return v;
        }
        return Workloads.architecture(v).name();
    }

    private static String strategy(String v) {
        return Strategies.byName(v.toLowerCase(Locale.ROOT)).name();
    }

    private static String topology(String v) {
        String name = v.toLowerCase(Locale.ROOT);
        Topologies.builder(name);
        return name;
    }

    private static String bool(String v) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "on":
                return "true";
            case "false":
            case "no":
            case "off":
                return "false";
            default:
                throw new NetsimException("'" + v + "' is not true or false");
        }
    }

    private static String seed(String v) {
        try {
            return Long.toString(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new NetsimException("seed '" + v + "' is not a whole number");
        }
    }

    private static String rackSizes(String v) {
        if (v.equalsIgnoreCase("even")) {
            return "even";
        }
        List<String> sizes = new ArrayList<>();
        for (String part : v.split("\\+", -1)) {
            sizes.add(Integer.toString(QuantityFormat.parseCount("rack size", part, 1)));
        }
        return String.join("+", sizes);
    }

    private static String forwardTime(String v) {
        return positiveSeconds(v);
    }

    private static String positiveSeconds(String v) {
        double seconds = QuantityFormat.parseSeconds("duration", v);
        if (seconds <= 0) {
            throw new NetsimException("duration must be positive, got " + v);
        }
        return QuantityFormat.formatSeconds(seconds);
    }

    private static String sameOr(String v, UnaryOperator<String> parse) {
        return v.equalsIgnoreCase("same") ? "same" : parse.apply(v);
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
