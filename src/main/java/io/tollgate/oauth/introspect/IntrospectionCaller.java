package io.tollgate.oauth.introspect;

import io.tollgate.oauth.model.Client;
import java.util.Objects;

/**
 * Who asks about a token. A client sees only tokens issued to it; a resource server (a bearer token with the
 * introspection scope) sees every token, because validating tokens it did not issue is its whole job.
 *
 * @param client null for a resource server
 */
public record IntrospectionCaller(Client client, boolean seesAllTokens) {
    public IntrospectionCaller {
        if (!seesAllTokens) {
            Objects.requireNonNull(client, "client");
        }
    }

    public static IntrospectionCaller client(Client client) {
        return new IntrospectionCaller(client, false);
    }

    public static IntrospectionCaller resourceServer() {
        return new IntrospectionCaller(null, true);
    }

    boolean maySee(long tokenClientDbId) {
        return seesAllTokens || client.id() == tokenClientDbId;
    }
}
