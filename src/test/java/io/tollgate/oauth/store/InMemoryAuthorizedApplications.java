package io.tollgate.oauth.store;

import io.tollgate.oauth.model.AccessToken;
import io.tollgate.oauth.model.ScopeSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@link AuthorizedApplications} over the in-memory stores: live access tokens grouped by application. */
public final class InMemoryAuthorizedApplications implements AuthorizedApplications {
    private final InMemoryTokenStore tokens;
    private final ClientStore clients;
    private final ConsentStore consents;

    public InMemoryAuthorizedApplications(InMemoryTokenStore tokens, ClientStore clients, ConsentStore consents) {
        this.tokens = tokens;
        this.clients = clients;
        this.consents = consents;
    }

    @Override
    public List<Entry> list(long userId, Instant now) {
        Map<Long, List<AccessToken>> live = tokens.accessTokens().stream()
                .filter(t -> t.userId() != null && t.userId() == userId && t.revoked() == null
                        && now.isBefore(t.expires()))
                .collect(Collectors.groupingBy(AccessToken::clientDbId));
        List<Entry> entries = new ArrayList<>();
        live.forEach((clientDbId, list) -> clients.findById(clientDbId).ifPresent(client -> entries.add(
                new Entry(clientDbId, client.name(), union(list),
                        list.stream().map(AccessToken::created).min(Comparator.naturalOrder()).orElseThrow(),
                        list.stream().map(AccessToken::created).max(Comparator.naturalOrder()).orElseThrow()))));
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    @Override
    public int revoke(long userId, long applicationId, Instant at) {
        int revoked = 0;
        for (AccessToken token : tokens.accessTokens()) {
            if (token.userId() != null && token.userId() == userId && token.clientDbId() == applicationId) {
                revoked += tokens.revokeFamily(token.familyId(), at);
            }
        }
        consents.delete(userId, applicationId);
        return revoked;
    }

    private static ScopeSet union(List<AccessToken> list) {
        List<String> all = new ArrayList<>();
        list.forEach(t -> all.addAll(t.scope().scopes()));
        return new ScopeSet(all);
    }
}
