package io.tollgate.oauth.client;

import io.tollgate.oauth.model.Client;

/** A stored client plus its plaintext secret, which exists only here and is shown exactly once. */
public record RegisteredClient(Client client, String plainSecret) {
    @Override
    public String toString() {
        return "RegisteredClient[clientId=" + client.clientId() + ", secret=<hidden>]";
    }
}
