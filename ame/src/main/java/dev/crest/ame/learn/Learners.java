package dev.crest.ame.learn;

import dev.crest.ame.AmeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds a learner by name: the built-ins ({@code logreg}, {@code mlp}, {@code cnn}) first, then the
 * {@link LearnerProvider}s found by {@link ServiceLoader} on the class path.
 */
public final class Learners {
    /** Names of the built-in learners, in the order they are listed to users. */
    public static final List<String> BUILT_IN = List.of("logreg", "mlp", "cnn");

    private final Map<String, LearnerProvider> plugins;

    private Learners(Map<String, LearnerProvider> plugins) {
        this.plugins = plugins;
    }

    /** The built-ins plus the providers visible to {@code loader}. */
    public static Learners discover(ClassLoader loader) {
        Map<String, LearnerProvider> plugins = new TreeMap<>();
        for (LearnerProvider provider : ServiceLoader.load(LearnerProvider.class, loader)) {
            String name = provider.name();
            if (BUILT_IN.contains(name)) {
                throw new AmeException("learner plugin " + provider.getClass().getName() + " uses the built-in name "
                        + name + "; rename it");
            }
            LearnerProvider previous = plugins.putIfAbsent(name, provider);
            if (previous != null) {
                throw new AmeException("two learner plugins are named " + name + ": "
                        + previous.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        return new Learners(plugins);
    }

    /** The built-ins plus the providers visible to this class's loader. */
    public static Learners discover() {
        return discover(Learners.class.getClassLoader());
    }

    /** Every learner name available, built-ins first. */
    public List<String> names() {
        List<String> names = new ArrayList<>(BUILT_IN);
        names.addAll(plugins.keySet());
        return names;
    }

    /** The learner called {@code name}, configured with {@code settings}. */
    public Learner create(String name, LearnerSettings settings) {
        if (BUILT_IN.contains(name)) {
            return new NetworkLearner(name, BuiltInNetworks.named(name, settings), settings);
        }
        LearnerProvider provider = plugins.get(name);
        if (provider == null) {
            throw new AmeException("unknown learner '" + name + "'; available: " + String.join(", ", names()));
        }
        return provider.create(settings);
    }
}
