package dev.crest.netsim.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes BERT- and GPT-2-style Transformers layer by layer for one sequence of a fixed length: embeddings,
 * then per block an attention layer (Q/K/V and output projections, scaled scores, softmax, context, residual
 * add and layer norm) and a feed-forward layer (two projections, GELU, residual add and layer norm).
 */
final class TransformerBuilder {
    private static final int BERT_VOCABULARY = 30522;
    private static final int BERT_POSITIONS = 512;
    private static final int BERT_TOKEN_TYPES = 2;
    private static final int GPT2_VOCABULARY = 50257;
    private static final int GPT2_POSITIONS = 1024;

    private final String name;
    private final long tokens;
    private final long hidden;
    private final long heads;
    private final long ffn;
    private final List<ArchitectureLayer> layers = new ArrayList<>();

    TransformerBuilder(String name, int sequenceLength, int hidden, int heads) {
        this.name = name;
        this.tokens = sequenceLength;
        this.hidden = hidden;
        this.heads = heads;
        this.ffn = 4L * hidden;
    }

    /** Hugging Face {@code BertModel}: post-norm encoder blocks and a pooler on the first token. */
    Architecture bert(int blocks) {
        Map<String, Long> emb = new LinkedHashMap<>();
        emb.put("embeddings.word_embeddings", BERT_VOCABULARY * hidden);
        emb.put("embeddings.position_embeddings", BERT_POSITIONS * hidden);
        emb.put("embeddings.token_type_embeddings", BERT_TOKEN_TYPES * hidden);
        layerNorm(emb, "embeddings.LayerNorm");
        // summing three embeddings, then layer norm
        layers.add(new ArchitectureLayer("embeddings", emb, 0,
                (2L * FlopRules.ELEMENTWISE + FlopRules.NORMALIZATION) * tokens * hidden));
        for (int i = 0; i < blocks; i++) {
            String p = "encoder.layer." + i;
            Map<String, Long> attention = new LinkedHashMap<>();
            for (String proj : new String[] {"query", "key", "value"}) {
                linear(attention, p + ".attention.self." + proj, hidden, hidden);
            }
            linear(attention, p + ".attention.output.dense", hidden, hidden);
            layerNorm(attention, p + ".attention.output.LayerNorm");
            attentionLayer(p + ".attention", attention);
            Map<String, Long> feedForward = new LinkedHashMap<>();
            linear(feedForward, p + ".intermediate.dense", hidden, ffn);
            linear(feedForward, p + ".output.dense", ffn, hidden);
            layerNorm(feedForward, p + ".output.LayerNorm");
            feedForwardLayer(p + ".ffn", feedForward);
        }
        Map<String, Long> pooler = new LinkedHashMap<>();
        linear(pooler, "pooler.dense", hidden, hidden);
        long poolerMacs = hidden * hidden; // first token only
        layers.add(new ArchitectureLayer("pooler", pooler, poolerMacs,
                FlopRules.PER_MAC * poolerMacs + 2L * FlopRules.ELEMENTWISE * hidden));
        return new Architecture(name, tokens + " tokens", layers);
    }

    /** GPT-2: pre-norm decoder blocks, a final layer norm, and an output projection tied to the token embedding. */
    Architecture gpt2(int blocks) {
        Map<String, Long> emb = new LinkedHashMap<>();
        emb.put("wte", GPT2_VOCABULARY * hidden);
        emb.put("wpe", GPT2_POSITIONS * hidden);
        layers.add(new ArchitectureLayer("embeddings", emb, 0, FlopRules.ELEMENTWISE * tokens * hidden));
        for (int i = 0; i < blocks; i++) {
            String p = "h." + i;
            Map<String, Long> attention = new LinkedHashMap<>();
            layerNorm(attention, p + ".ln_1");
            linear(attention, p + ".attn.c_attn", hidden, 3 * hidden);
            linear(attention, p + ".attn.c_proj", hidden, hidden);
            attentionLayer(p + ".attn", attention);
            Map<String, Long> mlp = new LinkedHashMap<>();
            layerNorm(mlp, p + ".ln_2");
            linear(mlp, p + ".mlp.c_fc", hidden, ffn);
            linear(mlp, p + ".mlp.c_proj", ffn, hidden);
            feedForwardLayer(p + ".mlp", mlp);
        }
        Map<String, Long> finalNorm = new LinkedHashMap<>();
        layerNorm(finalNorm, "ln_f");
        layers.add(new ArchitectureLayer("ln_f", finalNorm, 0, FlopRules.NORMALIZATION * tokens * hidden));
        long headMacs = tokens * hidden * GPT2_VOCABULARY;
        layers.add(new ArchitectureLayer("lm_head", Map.of(), headMacs, FlopRules.PER_MAC * headMacs));
        return new Architecture(name, tokens + " tokens", layers);
    }

    private void attentionLayer(String layer, Map<String, Long> params) {
        long projectionMacs = tokens * 4 * hidden * hidden;
        long scoreMacs = tokens * tokens * hidden; // Q·Kᵀ over all heads
        long contextMacs = tokens * tokens * hidden; // softmax(scores)·V
        long macs = projectionMacs + scoreMacs + contextMacs;
        long scores = heads * tokens * tokens;
        long elementwise = FlopRules.ELEMENTWISE * (4 * tokens * hidden // projection biases
                + scores // scaling by 1/sqrt(d)
                + tokens * hidden) // residual add
                + FlopRules.SOFTMAX * scores
                + FlopRules.NORMALIZATION * tokens * hidden;
        layers.add(new ArchitectureLayer(layer, params, macs, FlopRules.PER_MAC * macs + elementwise));
    }

    private void feedForwardLayer(String layer, Map<String, Long> params) {
        long macs = 2 * tokens * hidden * ffn;
        long elementwise = FlopRules.ELEMENTWISE * (tokens * ffn + tokens * hidden // biases
                + tokens * ffn // GELU
                + tokens * hidden) // residual add
                + FlopRules.NORMALIZATION * tokens * hidden;
        layers.add(new ArchitectureLayer(layer, params, macs, FlopRules.PER_MAC * macs + elementwise));
    }

    private static void linear(Map<String, Long> params, String name, long in, long out) {
        params.put(name + ".weight", in * out);
        params.put(name + ".bias", out);
    }

    private void layerNorm(Map<String, Long> params, String name) {
        params.put(name + ".weight", hidden);
        params.put(name + ".bias", hidden);
    }
}
