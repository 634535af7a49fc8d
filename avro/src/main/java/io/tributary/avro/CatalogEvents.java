package io.tributary.avro;

import io.tributary.catalog.ServiceCatalog;
import io.tributary.curation.CurationRule;
import io.tributary.view.FoldSettings;
import io.tributary.view.LogEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What a record of the catalog topic means, decided in one place for the aggregator and every reader of the log: a
 * catalog, a retraction, a lease expiry (a tombstone the aggregator marks {@code tributary.event=lease-expired}), or one
 * of the records the aggregator relays into the catalog log so that the fold has one ordered input: a curation change
 * (key {@code :curation/ID}, marked {@code curated}) and its fold settings (key {@code :settings/GRAPH}, marked
 * {@code settings}). No service name starts with {@code :}, so these keys never meet a catalog's.
 *
 * <p>Every record is untrusted: keys are decoded strictly (invalid UTF-8 is unusable, never replaced), a header with a
 * null or foreign value is no marker, and anything that cannot be decoded is {@link LogEvent.Unusable} with the reason.
 */
public final class CatalogEvents {
    static final String EVENT_HEADER = "tributary.event";
    static final String LEASE_EXPIRED = "lease-expired";
    static final String CURATED = "curated";
    static final String SETTINGS = "settings";
    private static final String CONTROL = ":";
    private static final String CURATION_PREFIX = ":curation/";
    private static final String SETTINGS_PREFIX = ":settings/";

    /** A record decoded: its key as text (null when it has none or it is not UTF-8) and the event it carries. */
    public record Decoded(String key, LogEvent event) {
        /** The key a view caused by this record names: what the event is about, else the record's key. */
        public String causeKey() {
            return !event.subject().isEmpty() ? event.subject() : key == null ? "" : key;
        }
    }

    private CatalogEvents() {
    }

    /** The headers of an expiry tombstone. */
    public static Headers expiryHeaders() {
        return marker(LEASE_EXPIRED);
    }

    /** The key under which a curation rule's changes are relayed into the catalog log. */
    public static byte[] curationKey(String ruleId) {
        return (CURATION_PREFIX + ruleId).getBytes(StandardCharsets.UTF_8);
    }

    /** The headers of a relayed curation change. */
    public static Headers curationHeaders() {
        return marker(CURATED);
    }

    /** The key under which an aggregator of this graph writes its fold settings. */
    public static byte[] settingsKey(String graph) {
        return (SETTINGS_PREFIX + graph).getBytes(StandardCharsets.UTF_8);
    }

    /** The headers of a settings record. */
    public static Headers settingsHeaders() {
        return marker(SETTINGS);
    }

    /** The text of a key, strictly: empty when there is none or it is not valid UTF-8. */
    public static Optional<String> keyText(byte[] key) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(key)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Decodes one record of the catalog topic. */
    public static Decoded decode(byte[] rawKey, byte[] value, Headers headers) {
        String key = keyText(rawKey).orElse(null);
        if (key == null) {
            return new Decoded(null, new LogEvent.Unusable(rawKey == null ? "a catalog event needs a key service/instanceId"
                    : "the key is not valid UTF-8; a catalog event's key is service/instanceId"));
        }
        String marker = marker(headers);
        if (key.startsWith(CONTROL)) {
            return new Decoded(key, control(key, value, marker));
        }
        if (value == null) {
            return new Decoded(key, new LogEvent.Retracted(key, LEASE_EXPIRED.equals(marker)));
        }
        ServiceCatalog catalog;
        try {
            catalog = TributarySerdes.catalog().deserializer().deserialize("", value);
        } catch (RuntimeException e) {
            return new Decoded(key, new LogEvent.Unusable("undecodable catalog: " + e.getMessage()));
        }
        if (!catalog.instanceKey().equals(key)) {
            return new Decoded(key, new LogEvent.Unusable("catalog of " + catalog.instanceKey() + " published under key " + key));
        }
        return new Decoded(key, new LogEvent.Published(key, catalog));
    }

    private static LogEvent control(String key, byte[] value, String marker) {
        if (key.startsWith(CURATION_PREFIX) && CURATED.equals(marker)) {
            String id = key.substring(CURATION_PREFIX.length());
            if (value == null) {
                return new LogEvent.Curated(id, null);
            }
            CurationRule rule;
            try {
                rule = TributarySerdes.curation().deserializer().deserialize("", value);
            } catch (RuntimeException e) {
                return new LogEvent.Unusable("undecodable curation rule: " + e.getMessage());
            }
            return rule.id().equals(id) ? new LogEvent.Curated(id, rule)
                    : new LogEvent.Unusable("curation rule " + rule.id() + " relayed under key " + key);
        }
        if (key.startsWith(SETTINGS_PREFIX) && SETTINGS.equals(marker) && value != null) {
            try {
                FoldSettings settings = TributarySerdes.foldSettings().deserializer().deserialize("", value);
                return new LogEvent.SettingsChanged(key.substring(SETTINGS_PREFIX.length()), settings);
            } catch (RuntimeException e) {
                return new LogEvent.Unusable("undecodable fold settings: " + e.getMessage());
            }
        }
        return new LogEvent.Unusable("a key starting with ':' is the aggregator's own record, and this one is not: " + key);
    }

    private static String marker(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(EVENT_HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Headers marker(String value) {
        return new RecordHeaders().add(EVENT_HEADER, value.getBytes(StandardCharsets.UTF_8));
    }
}
