package dev.crest.ame.learn;

/**
 * The service-provider interface for plugging a user's own learner into {@code crest ame}: implement it, list
 * the class in {@code META-INF/services/dev.crest.ame.learn.LearnerProvider} of a jar on the class path, and
 * select it with {@code --learner <name>}.
 */
public interface LearnerProvider {
    /** The name users select this learner by; must not clash with a built-in name. */
    String name();

    /** A learner configured with {@code settings} (a provider may ignore settings it has no use for). */
    Learner create(LearnerSettings settings);
}
