package io.tributary.avro;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;
import java.util.Arrays;

/**
 * A value compressed once, by its writer, as one zstd frame. A view at Coursera scale is 2.5 MB of Avro; left to the
 * producer, it was compressed once per topic it goes to (schema, history, the views store's changelog), and every
 * reader in the aggregator's process decompressed it again. As a frame the same compressed bytes go everywhere, and
 * the producer's own compression passes over them almost for free.
 *
 * <p>Readers tell a frame from the Avro single-object encoding written before by its first bytes (zstd's magic number
 * against Avro's C3 01), and refuse a frame that would inflate beyond {@link #MAX_CONTENT_BYTES}: a record on a topic
 * is untrusted, and a few kilobytes can declare gigabytes.
 */
final class ZstdFrame {
    /**
     * The largest value a frame may hold, uncompressed: 16 MiB, the limit views had before they were compressed (the
     * producer's request size), six times a Coursera-scale view, and what a gateway's heap is sized to decode.
     */
    static final int MAX_CONTENT_BYTES = 16 * 1024 * 1024;
    /** Level 1, not zstd's default 3: a Coursera-scale view compresses in about 3 ms instead of 15, to 3% more bytes. */
    private static final int LEVEL = 1;
    private static final byte[] MAGIC = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};

    private ZstdFrame() {
    }

    /**
     * {@code content} as one frame that records its size and a checksum (a damaged frame is refused, never read as a
     * different value); refuses content a reader would refuse.
     */
    static byte[] compress(byte[] content) {
        if (content.length > MAX_CONTENT_BYTES) {
            throw new IllegalArgumentException("a value of " + content.length + " bytes is more than the " + MAX_CONTENT_BYTES
                    + " a reader accepts");
        }
        try (ZstdCompressCtx context = new ZstdCompressCtx()) {
            return context.setLevel(LEVEL).setChecksum(true).setContentSize(true).compress(content);
        }
    }

    /** Whether {@code bytes} start as a zstd frame does. */
    static boolean isFrame(byte[] bytes) {
        return Arrays.equals(bytes, 0, Math.min(MAGIC.length, bytes.length), MAGIC, 0, MAGIC.length);
    }

    /** The content of a frame, refusing one that does not declare its size, declares too much, or is damaged. */
    static byte[] decompress(byte[] frame) {
        long size = Zstd.getFrameContentSize(frame);
        if (size < 0 || size > MAX_CONTENT_BYTES) {
            throw new UndecodableEventException("a zstd frame of " + frame.length + " bytes "
                    + (size < 0 ? "that does not declare its content size" : "declaring " + size + " bytes, more than "
                    + MAX_CONTENT_BYTES), null);
        }
        try {
            byte[] content = Zstd.decompress(frame, (int) size);
            if (content.length != size) {
                throw new UndecodableEventException("a zstd frame declaring " + size + " bytes holds " + content.length, null);
            }
            return content;
        } catch (ZstdException e) {
            throw new UndecodableEventException("a damaged zstd frame of " + frame.length + " bytes: " + e.getMessage(), e);
        }
    }
}
