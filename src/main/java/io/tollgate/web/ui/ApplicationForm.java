package io.tollgate.web.ui;

import io.tollgate.oauth.client.ClientRegistrationRequest;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.scope.ScopeRegistry;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The application form as typed, so a form with errors comes back with every value kept. Allowed scopes: none
 * ticked means "any configured scope".
 */
public record ApplicationForm(String name, String clientType, Set<String> grantTypes, String redirectUris,
                              Set<String> scopes, boolean skipAuthorization) {

    public static ApplicationForm blank() {
        // Prefilled so the tutorial's Step 3 (which names only the client and grant types) works as written.
        return new ApplicationForm("My application", "", Set.of(), "", Set.of(), false);
    }

    public static ApplicationForm of(Client client) {
        Set<String> grants = new LinkedHashSet<>();
        client.grantTypes().forEach(grant -> grants.add(grant.wireName()));
        return new ApplicationForm(client.name(), client.type().wireName(), grants,
                String.join("\n", client.redirectUris()),
                client.allowedScopes() == null ? Set.of() : new LinkedHashSet<>(client.allowedScopes().scopes()),
                client.skipAuthorization());
    }

    public static ApplicationForm of(MultivaluedMap<String, String> form) {
        return new ApplicationForm(Pages.field(form, "name"), Pages.field(form, "client_type"),
                values(form, "grant_types"), Pages.field(form, "redirect_uris"), values(form, "allowed_scopes"),
                "on".equals(form.getFirst("skip_authorization")));
    }

    /**
     * @param offered the grants the pages offer, with their labels (the registered handlers'); a grant not
     *                offered is dropped, as an unticked box would be
     */
    public ClientRegistrationRequest toRequest(Long ownerUserId, Map<GrantType, String> offered) {
        Set<GrantType> grants = new LinkedHashSet<>();
        offered.keySet().stream().filter(grant -> grantTypes.contains(grant.wireName())).forEach(grants::add);
        List<String> uris = Arrays.asList(redirectUris.split("[\\s]+"));
        return new ClientRegistrationRequest(name, ownerUserId, ClientType.fromWire(clientType).orElse(null), grants,
                uris, scopes.isEmpty() ? null : new ScopeSet(new ArrayList<>(scopes)), skipAuthorization, null, null);
    }

    public record Choice(String value, String label, boolean checked, String id) {
    }

    public List<Choice> grantChoices(Map<GrantType, String> offered) {
        return offered.entrySet().stream()
                .map(e -> new Choice(e.getKey().wireName(), e.getValue(), grantTypes.contains(e.getKey().wireName()),
                        "id_grant_" + e.getKey().shortName()))
                .toList();
    }

    public List<Choice> scopeChoices(ScopeRegistry registry) {
        return registry.describe(registry.all()).entrySet().stream()
                .map(e -> new Choice(e.getKey(), e.getValue(), scopes.contains(e.getKey()), "id_scope_" + e.getKey()))
                .toList();
    }

    private static Set<String> values(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }
}
