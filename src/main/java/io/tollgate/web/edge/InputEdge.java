package io.tollgate.web.edge;

import io.dropwizard.jersey.setup.JerseyEnvironment;

/** Registers the edge: the request filter every request passes first, and the OAuth OPTIONS answers. */
public final class InputEdge {
    private InputEdge() {
    }

    public static void register(JerseyEnvironment jersey, long maxBodyBytes) {
        jersey.register(new RequestEdgeFilter(maxBodyBytes));
        jersey.register(new OptionsResponseFilter());
    }
}
