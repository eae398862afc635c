package io.tollgate.ops.logging;

import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.DeferredProcessingAware;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.async.AsyncAppenderFactory;

/**
 * Dropwizard's console appender with its asynchronous wrapper replaced by {@link QueuedLineAppender}: lines are
 * formatted on the request's thread and written by one thread in batches, from a queue of {@code queueSize}
 * lines that never blocks a request (a full queue drops lines). The request log's appender by default.
 */
@JsonTypeName("queued-console")
public class QueuedConsoleAppenderFactory<E extends DeferredProcessingAware> extends ConsoleAppenderFactory<E> {
    @Override
    protected Appender<E> wrapAsync(Appender<E> appender, AsyncAppenderFactory<E> asyncAppenderFactory) {
        if (!(appender instanceof OutputStreamAppender<E> console)) {
            return super.wrapAsync(appender, asyncAppenderFactory);
        }
        QueuedLineAppender<E> queued = new QueuedLineAppender<>(console, getQueueSize());
        queued.start();
        return queued;
    }
}
