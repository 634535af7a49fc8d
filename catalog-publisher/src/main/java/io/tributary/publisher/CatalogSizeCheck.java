package io.tributary.publisher;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Refuses, before sending, a catalog larger than the producer's {@code max.request.size} allows. */
final class CatalogSizeCheck {
    static final int DEFAULT_MAX_REQUEST_SIZE = 1_048_576;
    /** Room for the record batch and request headers around the value. */
    private static final int OVERHEAD = 1_024;

    private CatalogSizeCheck() {
    }

    static void requireFits(String instanceKey, int catalogBytes, Map<String, Object> producerConfig) {
        Object configured = producerConfig.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        int limit = configured == null ? DEFAULT_MAX_REQUEST_SIZE : Integer.parseInt(configured.toString());
        if (catalogBytes + OVERHEAD > limit) {
            throw new CatalogTooLargeException(instanceKey + "'s catalog is " + catalogBytes + " bytes encoded; with "
                    + OVERHEAD + " bytes of record overhead that exceeds the producer's max.request.size of " + limit
                    + " bytes. Raise max.request.size (tributary.publisher.kafka.max.request.size) and the catalog topic's"
                    + " max.message.bytes, or split the service's resources.");
        }
    }
}
