package io.tributary.testkit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.tributary.testkit.KafkaClients.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndependentEmbeddedKafkaTest {

    @Test
    void shouldStartABrokerOfItsOwnThatClosesWithoutStoppingTheSharedOne() throws Exception {
        EmbeddedKafka shared = EmbeddedKafka.shared();
        String ownAddress;
        try (EmbeddedKafka own = EmbeddedKafka.start()) {
            ownAddress = own.bootstrapServers();
            assertThat(own).isNotSameAs(shared);
            assertThat(ownAddress).isNotEqualTo(shared.bootstrapServers());
            own.createTopic("own", 1, Map.of());
            assertThat(KafkaClients.roundTrip(ownAddress, "own", "k", "on-own"))
                    .extracting(ConsumerRecord::value).containsExactly("on-own");
        }

        assertThat(isListening(ownAddress)).isFalse();
        shared.createTopic("after-own-closed", 1, Map.of());
        assertThat(KafkaClients.roundTrip(shared.bootstrapServers(), "after-own-closed", "k", "on-shared"))
                .extracting(ConsumerRecord::value).containsExactly("on-shared");
    }

    @Test
    void shouldServeAProducerConfiguredWithTheFixedAddressBeforeTheBrokerStarted() throws Exception {
        int port = freePort();
        String address = "localhost:" + port;
        try (var producer = KafkaClients.producer(address, Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000))) {
            assertThat(isListening(address)).isFalse();

            try (EmbeddedKafka kafka = EmbeddedKafka.start(port)) {
                assertThat(kafka.bootstrapServers()).isEqualTo(address);
                kafka.createTopic("late-broker", 1, Map.of());

                producer.send(new ProducerRecord<>("late-broker", "k", "sent-by-early-client"))
                        .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

                try (var consumer = KafkaClients.consumer(address, Map.of())) {
                    consumer.subscribe(List.of("late-broker"));
                    assertThat(KafkaClients.consume(consumer, 1)).extracting(ConsumerRecord::value)
                            .containsExactly("sent-by-early-client");
                }
            }
        }
    }

    @Test
    void shouldComeBackOnTheSameFixedPortAfterClosing() {
        int port = freePort();
        try (EmbeddedKafka first = EmbeddedKafka.start(port)) {
            first.createTopic("first-life", 1, Map.of());
        }
        assertThat(isListening("localhost:" + port)).isFalse();

        try (EmbeddedKafka second = EmbeddedKafka.start(port)) {
            second.createTopic("second-life", 1, Map.of());
            assertThat(second.bootstrapServers()).isEqualTo("localhost:" + port);
        }
    }

    @Test
    void shouldRefuseToStartOnAPortThatIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> EmbeddedKafka.start(taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("localhost:" + taken.getLocalPort());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isListening(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        var address = new InetSocketAddress(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
        try (Socket socket = new Socket()) {
            socket.connect(address, 1_000);
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
