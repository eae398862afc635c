package io.tollgate.ops.cli;

import io.tollgate.TollgateConfiguration;
import io.tollgate.TollgateServices;
import java.time.Clock;

/** A command's database and the services assembled over it, exactly as the server assembles them. */
record CliServices(CliDatabase database, TollgateServices services) implements AutoCloseable {

    static CliServices open(TollgateConfiguration configuration, Clock clock) throws Exception {
        CliDatabase database = CliDatabase.open(configuration);
        return new CliServices(database, TollgateServices.assemble(configuration, database.jdbi(), clock));
    }

    @Override
    public void close() throws Exception {
        database.close();
    }
}
