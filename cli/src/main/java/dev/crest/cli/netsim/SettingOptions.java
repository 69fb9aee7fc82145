package dev.crest.cli.netsim;

import dev.crest.cli.CliException;
import dev.crest.netsim.sweep.NetsimSetting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adds one option per {@link NetsimSetting} to a netsim command ({@code --bandwidth}, {@code --mtu}, ...) with its
 * documented default in the help, plus {@code --config FILE}; and merges them with precedence defaults &lt; config
 * file &lt; flags. Generated from the settings vocabulary so flags, config keys and CSV columns never drift apart.
 */
public final class SettingOptions implements IModelTransformer {
    static final String CONFIG = "--config";

    @Override
    public CommandSpec transform(CommandSpec spec) {
        for (NetsimSetting s : NetsimSetting.values()) {
            List<String> names = new ArrayList<>();
            names.add("--" + s.key());
            if (s.pluralKey() != null) {
                names.add("--" + s.pluralKey());
            }
            spec.addOption(OptionSpec.builder(names.toArray(String[]::new))
                    .type(String.class)
                    .paramLabel(s.key().toUpperCase(Locale.ROOT).replace('-', '_'))
                    .description(s.description() + "; default: " + s.defaultText())
                    .build());
        }
        spec.addOption(OptionSpec.builder(CONFIG)
                .type(Path.class)
                .paramLabel("FILE")
                .description("YAML or JSON file of settings (keys are the option names without dashes); "
                        + "flags override it; default: none")
                .build());
        return spec;
    }

    /**
     * The user's text for every setting given in the config file or on the command line (flags win); settings
     * given nowhere are absent and take their defaults downstream.
     */
    static Map<NetsimSetting, List<String>> given(CommandSpec spec) {
        Map<NetsimSetting, List<String>> values = new EnumMap<>(NetsimSetting.class);
        Path config = spec.findOption(CONFIG).getValue();
        if (config != null) {
            ConfigFile.read(config, NetsimSetting.aliases())
                    .forEach((key, texts) -> values.put(NetsimSetting.byKey(key), texts));
        }
        for (NetsimSetting s : NetsimSetting.values()) {
            String text = spec.findOption("--" + s.key()).getValue();
            if (text != null) {
                values.put(s, List.of(text));
            }
        }
        return values;
    }

    /** Like {@link #given} for commands that simulate one configuration: each setting must have one value. */
    static Map<NetsimSetting, String> single(CommandSpec spec, NetsimSetting... listsAllowed) {
        Map<NetsimSetting, String> single = new EnumMap<>(NetsimSetting.class);
        List<NetsimSetting> allowed = List.of(listsAllowed);
        given(spec).forEach((setting, texts) -> {
            if (allowed.contains(setting)) {
                single.put(setting, String.join(",", texts));
                return;
            }
            if (texts.size() != 1 || texts.get(0).contains(",")) {
                throw new CliException("--" + setting.key() + " takes one value here, got " + String.join(",", texts)
                        + "; use 'crest netsim sweep' to run several");
            }
            single.put(setting, texts.get(0));
        });
        return single;
    }
}
