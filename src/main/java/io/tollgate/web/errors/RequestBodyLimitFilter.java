package io.tollgate.web.errors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over the configured size with 413 before they are buffered: a declared
 * Content-Length is checked up front, a chunked body is cut off as soon as it grows past the limit.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public record RequestBodyLimitFilter(long maxBytes) implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw new WebApplicationException(413);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), maxBytes));
        }
    }

    private static final class LimitedInputStream extends FilterInputStream {
        private long remaining;

        LimitedInputStream(InputStream in, long maxBytes) {
            super(in);
            this.remaining = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                consumed(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                consumed(n);
            }
            return n;
        }

        private void consumed(long n) {
            remaining -= n;
            if (remaining < 0) {
                throw new WebApplicationException(413);
            }
        }
    }
}
