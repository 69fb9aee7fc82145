package dev.crest.fuzz.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.fuzz.FuzzException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CampaignSettingsTest {
    private final CampaignSettings defaults = CampaignSettings.defaults(Path.of("out"));

    @Test
    void rejectsWhatCannotRun() {
        assertThatThrownBy(() -> defaults.withTimeBudget(Optional.of(Duration.ZERO)))
                .isInstanceOf(FuzzException.class).hasMessage("the time budget must be positive, got 0 s");
        assertThatThrownBy(() -> defaults.withTimeBudget(Optional.of(Duration.ofSeconds(-5))))
                .isInstanceOf(FuzzException.class).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> defaults.withMaxModels(OptionalLong.empty()))
                .isInstanceOf(FuzzException.class).hasMessageContaining("--time").hasMessageContaining("--max-models");
        assertThatThrownBy(() -> defaults.withMaxModels(OptionalLong.of(0)))
                .isInstanceOf(FuzzException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> defaults.withBackends(List.of()))
                .isInstanceOf(FuzzException.class).hasMessageContaining("at least one backend");
        assertThatThrownBy(() -> defaults.withNodes(0)).isInstanceOf(FuzzException.class);
        assertThatThrownBy(() -> defaults.withJobs(0)).isInstanceOf(FuzzException.class)
                .hasMessage("--jobs must be at least 1, got 0");
        assertThatThrownBy(() -> defaults.withCaseTimeout(Duration.ZERO)).isInstanceOf(FuzzException.class);
        assertThatThrownBy(() -> defaults.withSearchBudget(Duration.ofMillis(-1))).isInstanceOf(FuzzException.class);
        assertThatThrownBy(() -> defaults.withSearchIterations(OptionalInt.of(0))).isInstanceOf(FuzzException.class);
    }

    @Test
    void comparedBackendsFollowTheTestedOnesWithoutRepeats() {
        CampaignSettings settings = defaults.withBackends(List.of("onnxruntime", "tensorflow"))
                .withCompare(List.of("torch", "onnxruntime"));
        assertThat(settings.allBackends()).containsExactly("onnxruntime", "tensorflow", "torch");
        assertThat(defaults.allBackends()).containsExactly("onnxruntime");
        assertThat(defaults.jobs()).isEqualTo(1);
        assertThat(defaults.resume()).isFalse();
    }
}
