package dev.crest.netsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.netsim.NetsimException;
import org.junit.jupiter.api.Test;

class WorkloadsTest {
    @Test
    void zooNamesListEveryBuiltInModel() {
        assertThat(Workloads.zooNames()).containsExactly("vgg16", "vgg16-299", "resnet50", "resnet101",
                "resnet152", "resnet200", "inception-v3", "bert-base", "bert-large", "gpt2");
    }

    @Test
    void namesMatchIgnoringCaseAndPunctuation() {
        for (String alias : new String[] {"inception-v3", "inceptionv3", "Inception_V3", "INCEPTION V3", "inception"}) {
            assertThat(Workloads.architecture(alias).name()).as(alias).isEqualTo("inception-v3");
        }
        for (String alias : new String[] {"gpt2", "gpt-2", "GPT-2", "gpt2-small"}) {
            assertThat(Workloads.architecture(alias).name()).as(alias).isEqualTo("gpt2");
        }
        assertThat(Workloads.architecture("ResNet-50").name()).isEqualTo("resnet50");
        assertThat(Workloads.architecture("VGG-16").name()).isEqualTo("vgg16");
        assertThat(Workloads.architecture("bert").name()).isEqualTo("bert-base");
        assertThat(Workloads.architecture("BERT_Large").name()).isEqualTo("bert-large");
    }

    @Test
    void resolveBuildsTheZooWorkload() {
        Workload w = Workloads.resolve("ResNet-101", WorkloadSettings.defaults());
        assertThat(w.name()).isEqualTo("resnet101");
        assertThat(w.totalBits()).isEqualTo(44_549_160L * 32);
    }

    @Test
    void unknownNameListsTheAvailableModels() {
        assertThatThrownBy(() -> Workloads.resolve("alexnet", WorkloadSettings.defaults()))
                .isInstanceOf(NetsimException.class)
                .hasMessageContaining("unknown model 'alexnet'")
                .hasMessageContaining("vgg16, vgg16-299, resnet50")
                .hasMessageContaining(".onnx");
        assertThatThrownBy(() -> Workloads.resolve(" ", WorkloadSettings.defaults()))
                .isInstanceOf(NetsimException.class).hasMessageContaining("no model given");
    }

    @Test
    void missingModelFileIsReported() {
        assertThatThrownBy(() -> Workloads.resolve("/nonexistent/model.ONNX", WorkloadSettings.defaults()))
                .isInstanceOf(NetsimException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Workloads.resolve("/nonexistent/trace.csv", WorkloadSettings.defaults()))
                .isInstanceOf(NetsimException.class).hasMessageContaining("does not exist");
    }
}
