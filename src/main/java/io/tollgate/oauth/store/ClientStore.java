package io.tollgate.oauth.store;

import io.tollgate.oauth.model.Client;
import java.util.List;
import java.util.Optional;

/** Registered clients. */
public interface ClientStore {
    /** The client with this public client_id (exact, case-sensitive match), or empty; also empty when disabled. */
    Optional<Client> findByClientId(String clientId);

    /** The client with this database id, or empty. */
    Optional<Client> findById(long id);

    /** The clients owned by this user in creation order; every client when {@code ownerUserId} is null. */
    List<Client> listByOwner(Long ownerUserId);

    /**
     * Stores a new client ({@code client.id()} is ignored) and returns it with its id. Throws
     * {@link DuplicateClientIdException} when the client_id is taken.
     */
    Client insert(Client client);

    /** Overwrites every mutable column of the client with this id; false when there is none. */
    boolean update(Client client);

    /** Deletes the client and, with it, its tokens and codes; false when there is none. */
    boolean delete(long id);
}
