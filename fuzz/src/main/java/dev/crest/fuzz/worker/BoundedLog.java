package dev.crest.fuzz.worker;

import java.nio.charset.StandardCharsets;

/**
 * The last bytes a worker wrote to stderr, bounded so a chatty or looping native library cannot exhaust memory;
 * the campaign attaches them to a finding's error log.
 */
final class BoundedLog {
    private final byte[] ring;
    private long written;

    BoundedLog(int capacity) {
        this.ring = new byte[capacity];
    }

    synchronized void append(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (written++ % ring.length)] = bytes[offset + i];
        }
    }

    synchronized void clear() {
        written = 0;
    }

    /** The retained text, marked when older bytes were dropped. */
    synchronized String text() {
        int kept = (int) Math.min(written, ring.length);
        byte[] out = new byte[kept];
        long start = written - kept;
        for (int i = 0; i < kept; i++) {
            out[i] = ring[(int) ((start + i) % ring.length)];
        }
        String text = new String(out, StandardCharsets.UTF_8);
        return written > ring.length ? "[… " + (written - ring.length) + " earlier bytes dropped]\n" + text : text;
    }
}
