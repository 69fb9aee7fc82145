package dev.crest.bench.mlp;

import dev.crest.bench.torch.TorchMlpTrainer;
import dev.crest.bench.torch.TorchRuntime;
import dev.crest.tensor.data.Dataset;
import dev.crest.tensor.data.MiniBatches;

/** The two sides of the MLP benchmark, each a factory of its {@link EpochTrainer}. */
public enum MlpSide {
    /** Crest's nn/optim. */
    CREST {
        @Override
        public EpochTrainer create(MlpConfig config, Dataset data, int threads) {
            return new CrestMlpTrainer(config, MlpWeights.initial(config), data);
        }
    },
    /** PyTorch through DJL, on the same examples in the same order. */
    TORCH {
        @Override
        public EpochTrainer create(MlpConfig config, Dataset data, int threads) {
            LabelledImages images = new LabelledImages(data.features().float32Data(), data.labels(),
                    config.inputs());
            MiniBatches batches = new MiniBatches(data, config.batchSize(), config.seed());
            return new TorchMlpTrainer(TorchRuntime.load(threads), config, MlpWeights.initial(config), images,
                    batches::order);
        }
    };

    /**
     * A trainer for {@code config} on {@code data}, whose features are float32 {@code [n, config.inputs()]},
     * running on {@code threads} threads where the side has a setting for it.
     */
    public abstract EpochTrainer create(MlpConfig config, Dataset data, int threads);
}
