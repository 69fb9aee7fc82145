package dev.crest.cli.netsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.cli.CliException;
import dev.crest.netsim.sweep.NetsimSetting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path tmp;

    private Map<String, List<String>> read(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return ConfigFile.read(file, NetsimSetting.aliases());
    }

    @Test
    void readsScalarsListsAndPluralNamesInFileOrder() throws IOException {
        Map<String, List<String>> yaml = read("a.yaml",
                "# a sweep\nmodels: [vgg16, resnet50]\nworkers: 2,4,8,...,32\nbandwidth: 2.5e10\nstriped: true\n");
        assertThat(yaml.keySet()).containsExactly("model", "workers", "bandwidth", "striped");
        assertThat(yaml.get("model")).containsExactly("vgg16", "resnet50");
        assertThat(yaml.get("workers")).containsExactly("2,4,8,...,32");
        assertThat(NetsimSetting.BANDWIDTH.canonical(yaml.get("bandwidth").get(0))).isEqualTo("25G");
        assertThat(yaml.get("striped")).containsExactly("true");
        Map<String, List<String>> json = read("a.json", "{\"strategies\": [\"ps\", \"ring\"], \"mtu\": 12000}");
        assertThat(json.get("strategy")).containsExactly("ps", "ring");
        assertThat(json.get("mtu")).containsExactly("12000");
        assertThat(read("empty.yaml", "")).isEmpty();
    }

    @Test
    void rejectsWhatCannotBeASetting() {
        assertThatThrownBy(() -> read("t.yaml", "bandwith: 25G\n")).isInstanceOf(CliException.class)
                .hasMessageContaining("unknown setting 'bandwith'").hasMessageContaining("bandwidth");
        assertThatThrownBy(() -> read("n.yaml", "topology:\n  name: racks\n")).isInstanceOf(CliException.class)
                .hasMessageContaining("'topology'").hasMessageContaining("value or a list");
        assertThatThrownBy(() -> read("e.yaml", "workers: []\n")).isInstanceOf(CliException.class)
                .hasMessageContaining("empty list");
        assertThatThrownBy(() -> read("d.yaml", "model: vgg16\nmodels: [resnet50]\n")).isInstanceOf(CliException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> read("l.yaml", "- 1\n- 2\n")).isInstanceOf(CliException.class)
                .hasMessageContaining("mapping");
        assertThatThrownBy(() -> read("b.json", "{\"workers\": 4,")).isInstanceOf(CliException.class)
                .hasMessageContaining("not valid JSON").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> read("b.yaml", "workers: [4\n")).isInstanceOf(CliException.class)
                .hasMessageContaining("not valid YAML").hasMessageNotContaining("\n");
    }
}
