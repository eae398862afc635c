package io.tollgate.oauth.store;

import io.tollgate.oauth.model.Client;
import java.util.Optional;

/** Read access to registered clients. */
public interface ClientStore {

    /** The client with this public client_id (exact, case-sensitive match), or empty. */
    Optional<Client> findByClientId(String clientId);
}
