package dev.crest.ame.learn;

import dev.crest.ame.AmeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds a learner by name: the built-ins ({@code logreg} and {@code mlp} on the fused {@link DenseNetwork} path,
 * {@code cnn} on the tape) first, then the
 * {@link LearnerProvider}s found by {@link ServiceLoader} on the class path; {@code class:<binary name>} loads a
 * {@link LearnerProvider} or {@link Learner} class with a public no-argument constructor directly.
 */
public final class Learners {
    /** Names of the built-in learners, in the order they are listed to users. */
    public static final List<String> BUILT_IN = List.of("logreg", "mlp", "cnn");

    /** Prefix of a learner name that names a class to instantiate. */
    public static final String CLASS_PREFIX = "class:";

    private final Map<String, LearnerProvider> plugins;
    private final ClassLoader loader;

    private Learners(Map<String, LearnerProvider> plugins, ClassLoader loader) {
        this.plugins = plugins;
        this.loader = loader;
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
        return new Learners(plugins, loader);
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
        switch (name) {
            case "logreg":
                return new DenseNetworkLearner(name, 0, settings);
            case "mlp":
                return new DenseNetworkLearner(name, settings.hiddenUnits(), settings);
            case "cnn":
                return new NetworkLearner(name, BuiltInNetworks.cnn(), settings);
            default:
                break;
        }
        if (name.startsWith(CLASS_PREFIX)) {
            return fromClass(name.substring(CLASS_PREFIX.length()), settings);
        }
        LearnerProvider provider = plugins.get(name);
        if (provider == null) {
            throw new AmeException("unknown learner '" + name + "'; available: " + String.join(", ", names()));
        }
        return provider.create(settings);
    }

    private Learner fromClass(String className, LearnerSettings settings) {
        Object instance;
        try {
            instance = Class.forName(className, true, loader).getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new AmeException("learner class " + className + " is not on the class path");
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new AmeException("learner class " + className + " needs a public no-argument constructor");
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new AmeException("cannot create learner class " + className + ": " + cause, cause);
        }
        if (instance instanceof LearnerProvider provider) {
            return provider.create(settings);
        }
        if (instance instanceof Learner learner) {
            return learner;
        }
        throw new AmeException("learner class " + className + " implements neither " + Learner.class.getName()
                + " nor " + LearnerProvider.class.getName());
    }
}
