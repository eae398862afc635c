package io.tollgate.oauth.client;

import java.util.List;
import java.util.Map;

/** A registration that breaks a rule, with messages per field ({@code redirect_uris}, {@code grant_types} …). */
public class ClientRegistrationException extends RuntimeException {
    private final Map<String, List<String>> fieldErrors;

    public ClientRegistrationException(Map<String, List<String>> fieldErrors) {
        super("Invalid client registration: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }
}
