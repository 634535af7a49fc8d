package io.tributary.aggregator;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Keys are read as bytes and decoded here, strictly: a key of invalid UTF-8 is rejected with its bytes kept, where a
 * lenient String deserializer would have replaced them and lost what the producer really sent.
 */
final class RecordKeys {
    private RecordKeys() {
    }

    /** The key as text, or empty when it is absent or not valid UTF-8. */
    static Optional<String> decode(byte[] key) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(key)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
