package dev.crest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrestCommandTest {
    @Test
    void versionNamesCrestAndJava() {
        CliRunner.Result r = CliRunner.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("crest " + VersionProvider.crestVersion()).contains("Java ");
        assertThat(VersionProvider.crestVersion()).isNotEqualTo("unknown").doesNotContain("${");
    }

    @Test
    void helpListsTheModelCommand() {
        CliRunner.Result r = CliRunner.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: crest").contains("model");
    }

    @Test
    void unknownSubcommandIsAUserErrorOnOneLinePlusHint() {
        CliRunner.Result r = CliRunner.run("frobnicate");
        assertThat(r.exitCode()).isEqualTo(Main.USER_ERROR);
        assertThat(r.err()).startsWith("crest: error: ").doesNotContain("Exception").doesNotContain("\tat ");
    }
}
