package dev.crest.ame.run;

/** A finished submodel: its index j, its pⱼ, and the outcome of the model trained on Sⱼ for each query in order. */
public record SubmodelResult(int index, double probability, double[] outcomes) {
    public SubmodelResult {
        outcomes = outcomes.clone();
    }

    @Override
    public double[] outcomes() {
        return outcomes.clone();
    }
}
