package dev.agentcore.core.testing;

import java.io.StringWriter;
import java.io.Writer;

/**
 * A writer that shows what was written only once it is flushed, like stdout behind a buffer: a test watching the
 * target sees exactly what a user at a terminal would.
 */
public final class FlushedWriter extends Writer {

    private final StringBuilder pending = new StringBuilder();
    private final StringWriter target;

    public FlushedWriter(StringWriter target) {
        this.target = target;
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) {
        pending.append(buf, off, len);
    }

    @Override
    public synchronized void flush() {
        target.write(pending.toString());
        pending.setLength(0);
    }

    @Override
    public void close() {
        flush();
    }
}
