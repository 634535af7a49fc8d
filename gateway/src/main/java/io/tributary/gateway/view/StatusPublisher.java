package io.tributary.gateway.view;

import io.tributary.avro.TributarySerdes;
import io.tributary.gateway.schema.ExecutableGraph;
import io.tributary.gateway.schema.GraphHolder;
import io.tributary.gateway.schema.SwapListener;
import io.tributary.gateway.schema.SwapReport;
import io.tributary.status.GatewayStatus;
import io.tributary.status.GatewayStatus.Connection;
import io.tributary.view.SchemaView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the gateway-status topic what this gateway serves and how it reaches Kafka: as soon as it can at startup, after
 * every swap, refusal or withdrawal and every change of its link to Kafka, and otherwise every interval, so operators
 * can tell a live gateway from one that stopped reporting. A gateway that shuts down cleanly removes its status (a
 * tombstone), so only gateways that stopped without saying so show as silent.
 *
 * <p>Reports are sent from a thread of their own, which also creates the producer: nothing waits for Kafka, neither
 * the gateway's startup nor a swap. A failed report is logged once, when reporting starts failing, and once when it
 * works again; the next report tries again.
 */
public final class StatusPublisher implements SwapListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusPublisher.class);

    private enum Reporting { NOT_YET, WORKING, FAILING }

    private final Supplier<Producer<String, GatewayStatus>> producers;
    private final String topic;
    private final String gatewayId;
    private final String graph;
    private final GraphHolder holder;
    private final KafkaLink link;
    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean reportPending = new AtomicBoolean();
    private final AtomicReference<Reporting> reporting = new AtomicReference<>(Reporting.NOT_YET);
    private volatile Producer<String, GatewayStatus> producer;
    private volatile Named named = new Named(null, List.of());
    private volatile boolean closed;

    public StatusPublisher(Supplier<Producer<String, GatewayStatus>> producers, String topic, String gatewayId, String graph,
                           GraphHolder holder, KafkaLink link, Duration interval, Clock clock) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("tributary.gateway.serving.status-interval must be positive, was " + interval);
        }
        this.producers = producers;
        this.topic = topic;
        this.gatewayId = gatewayId;
        this.graph = graph;
        this.holder = holder;
        this.link = link;
        this.interval = interval;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("tributary-gateway-status").daemon().factory());
    }

    /** A publisher whose producer reaches {@code bootstrapServers}; it is created on the reporting thread. */
    public static StatusPublisher toKafka(String bootstrapServers, String topic, String gatewayId, String graph, GraphHolder holder,
                                          KafkaLink link, Duration interval, Clock clock) {
        return new StatusPublisher(() -> producer(bootstrapServers, gatewayId), topic, gatewayId, graph, holder, link, interval, clock);
    }

    private static Producer<String, GatewayStatus> producer(String bootstrapServers, String gatewayId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        config.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 3_000);
        config.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 5_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "tributary-gateway-status-" + gatewayId);
        return new KafkaProducer<>(config, new StringSerializer(), TributarySerdes.gatewayStatus().serializer());
    }

    /** Reports now (or as soon as Kafka answers), then every interval, and whenever the link to Kafka changes. */
    public StatusPublisher start() {
        link.addListener(state -> report());
        executor.scheduleWithFixedDelay(this::send, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void swapped(ExecutableGraph served, SwapReport report) {
        report();
    }

    @Override
    public void refused(SchemaView view, String reason) {
        report();
    }

    @Override
    public void withdrawn(SchemaView view, String reason) {
        report();
    }

    /** Asks for a report soon, on the reporting thread; requests made while one is pending are one report. */
    public void report() {
        if (!closed && reportPending.compareAndSet(false, true)) {
            try {
                executor.execute(this::send);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                reportPending.set(false);
            }
        }
    }

    /** The broken operations of a swap, named once rather than at every report. */
    private record Named(SwapReport swap, List<GatewayStatus.BrokenOperation> operations) {
    }

    private List<GatewayStatus.BrokenOperation> named(SwapReport swap) {
        Named last = named;
        if (last.swap() != swap) {
            last = new Named(swap, swap == null ? List.of() : swap.namedBrokenOperations());
            named = last;
        }
        return last.operations();
    }

    /** The status this gateway would report now. */
    public GatewayStatus status() {
        Instant now = clock.instant();
        ExecutableGraph served = holder.current().orElse(null);
        SwapReport swap = served == null ? null : holder.lastSwap().filter(r -> r.version() == served.view().version()).orElse(null);
        GraphHolder.Refusal refusal = holder.lastRefusal().orElse(null);
        KafkaLink.State state = link.state();
        return new GatewayStatus(gatewayId, graph,
                served == null ? 0 : served.view().version(),
                served == null ? "" : served.view().hash(),
                served == null ? now : served.appliedAt(),
                served == null ? 0 : Math.max(0, Duration.between(served.view().composedAt(), served.appliedAt()).toMillis()),
                swap == null ? 0 : swap.brokenOperations().size(),
                refusal == null ? 0 : refusal.version(),
                refusal == null ? "" : refusal.reason(),
                now, state.connection(), state.since(),
                swap == null ? 0 : swap.skippedOperations(), named(swap));
    }

    private void send() {
        reportPending.set(false);
        if (closed) {
            return;
        }
        try {
            if (producer == null) {
                producer = producers.get();
            }
            producer.send(new ProducerRecord<>(topic, gatewayId, status()), (metadata, error) -> {
                if (error == null) {
                    working();
                } else {
                    failing(error);
                }
            });
        } catch (RuntimeException e) {
            failing(e);
        }
    }

    private void working() {
        Reporting before = reporting.getAndSet(Reporting.WORKING);
        if (before == Reporting.FAILING) {
            LOG.info("Reporting this gateway's status to {} works again", topic);
        } else if (before == Reporting.NOT_YET) {
            LOG.debug("Reported this gateway's status to {}", topic);
        }
    }

    private void failing(Throwable error) {
        if (reporting.getAndSet(Reporting.FAILING) != Reporting.FAILING) {
            LOG.warn("Could not report this gateway's status to {}: {}; retrying every {} s and when Kafka answers", topic,
                    ViewSubscriber.describe(error), interval.toSeconds());
        }
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Producer<String, GatewayStatus> current = producer;
        if (current == null) {
            return;
        }
        try {
            if (link.connected() && reporting.get() == Reporting.WORKING) {
                current.send(new ProducerRecord<>(topic, gatewayId, null)).get(2, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("Could not remove this gateway's status from {} on shutdown: {}", topic, e.toString());
        } finally {
            current.close(Duration.ofSeconds(2));
        }
    }
}
