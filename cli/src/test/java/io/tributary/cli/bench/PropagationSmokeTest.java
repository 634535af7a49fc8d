package io.tributary.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.SyntheticGraph;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A short run of benchmark 1 in the normal suite: a broker, the aggregator and two gateways in JVMs of their own, a
 * 3-resource graph, one cycle of six changes (deploy, retraction, rollback, retraction, deploy, lease expiry). It
 * reports its figures and asserts only that both gateways served every change.
 */
class PropagationSmokeTest {

    @Test
    void shouldServeEveryChangeOnBothGateways() throws Exception {
        List<PropagationRun.Measured> measured = new PropagationRun(new PropagationRun.Settings("smoke", new SyntheticGraph(3, 3), 0, 6))
                .run(Path.of("target", "bench", "propagation-smoke"));

        assertThat(measured).extracting(PropagationRun.Measured::kind)
                .containsExactly("deploy", "retraction", "rollback", "retraction", "deploy", "lease expiry");
        assertThat(measured).allSatisfy(change -> assertThat(change.served()).hasSize(2)
                .allSatisfy(servedAt -> assertThat(servedAt).isAfterOrEqualTo(change.written())));
    }
}
