package io.tollgate.web.ui;

import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import java.util.List;

/** One application; {@code secret} is non-null only right after creation or regeneration. */
public class ApplicationView extends PageView {
    private final Client client;
    private final String secret;
    private final String template;

    public ApplicationView(PageContext page, Client client, String secret, boolean confirmDelete) {
        super(confirmDelete ? "application_delete.mustache" : "application.mustache",
                confirmDelete ? "Delete " + client.name() : client.name(), page);
        this.client = client;
        this.secret = secret;
        this.template = confirmDelete ? "delete" : "detail";
    }

    public long getId() {
        return client.id();
    }

    public String getName() {
        return client.name();
    }

    public String getClientId() {
        return client.clientId();
    }

    public String getClientType() {
        return client.type().wireName();
    }

    public boolean isConfidential() {
        return client.isConfidential();
    }

    public List<String> getGrantTypes() {
        return ApplicationForm.GRANT_ORDER.stream()
                .filter(g -> client.grantTypes().contains(GrantType.fromWire(g).orElseThrow()))
                .map(ApplicationForm.GRANT_LABELS::get).toList();
    }

    public List<String> getRedirectUris() {
        return client.redirectUris();
    }

    public String getAllowedScopes() {
        return client.allowedScopes() == null ? "Any configured scope" : client.allowedScopes().asString();
    }

    public boolean isSkipAuthorization() {
        return client.skipAuthorization();
    }

    /** Nullable. */
    public String getSecret() {
        return secret;
    }

    public String getKind() {
        return template;
    }
}
