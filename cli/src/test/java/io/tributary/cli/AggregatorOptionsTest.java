package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.compose.CompositionSettings;
import io.tributary.lint.LintRule;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** picocli turns the aggregator's options into its enums, whatever their case, and refuses what is none of them. */
class AggregatorOptionsTest {

    private static AggregatorCommand parse(String... args) {
        CommandLine.ParseResult result = TributaryCommand.commandLine().parseArgs(args);
        return (AggregatorCommand) result.subcommand().commandSpec().userObject();
    }

    @Test
    void shouldConvertPaginationAndLintLevelsInAnyCase() {
        AggregatorCommand command = parse("aggregator", "--bootstrap", "localhost:9092", "--pagination", "relay",
                "--lint", "missing_description=off", "--lint", "UNBOUNDED_LIST=Error");

        assertThat(command.pagination).isEqualTo(CompositionSettings.PaginationMode.RELAY);
        assertThat(command.lint).isEqualTo(Map.of(LintRule.MISSING_DESCRIPTION, AggregatorCommand.LintLevel.OFF,
                LintRule.UNBOUNDED_LIST, AggregatorCommand.LintLevel.ERROR));
    }

    @Test
    void shouldDefaultToBothPaginations() {
        assertThat(parse("aggregator", "--bootstrap", "localhost:9092").pagination).isEqualTo(CompositionSettings.PaginationMode.BOTH);
    }

    @Test
    void shouldRefuseAnUnknownRuleOrLevel() {
        assertThatThrownBy(() -> parse("aggregator", "--bootstrap", "b:9092", "--lint", "NO_SUCH_RULE=error"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("NO_SUCH_RULE");
        assertThatThrownBy(() -> parse("aggregator", "--bootstrap", "b:9092", "--lint", "UNBOUNDED_LIST=loud"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("loud");
    }
}
