package io.tollgate;

import io.tollgate.config.PasswordSettings;
import io.tollgate.oauth.compose.AuthorizationServer;
import io.tollgate.oauth.event.ProtocolEvents;
import io.tollgate.persistence.JdbiGroupStore;
import io.tollgate.persistence.JdbiPorts;
import io.tollgate.persistence.JdbiSessionStore;
import io.tollgate.persistence.JdbiUserStore;
import io.tollgate.users.GroupService;
import io.tollgate.users.LoginThrottle;
import io.tollgate.users.PasswordHasher;
import io.tollgate.users.UserResourceOwners;
import io.tollgate.users.UserService;
import io.tollgate.users.session.SessionManager;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything Tollgate runs, assembled once over one database and one clock: the server and every command build
 * it here, so there is no second wiring. The authorization server comes from its own composition root
 * ({@link AuthorizationServer}); a new grant, token format or listener is registered in {@link #assemble}.
 *
 * @param events the bus every part publishes to; subscribe listeners here
 */
public record TollgateServices(ProtocolEvents events, UserService users, GroupService groups,
                               SessionManager sessions, AuthorizationServer oauth, OpenIdConnect oidc) {

    public static TollgateServices assemble(TollgateConfiguration configuration, Jdbi jdbi, Clock clock) {
        ProtocolEvents events = new ProtocolEvents();
        PasswordSettings passwords = configuration.getPasswords();
        JdbiUserStore userStore = new JdbiUserStore(jdbi);
        JdbiGroupStore groupStore = new JdbiGroupStore(jdbi);
        UserService users = new UserService(userStore, groupStore, new PasswordHasher(passwords.getIterations()), clock,
                new LoginThrottle(passwords.getMaxFailedLogins(), passwords.getLockoutWindow().toJavaDuration(), clock),
                events);
        OpenIdConnect oidc = OpenIdConnect.assemble(configuration, jdbi, clock, userStore, System.out);
        AuthorizationServer oauth = oidc.plugInto(AuthorizationServer
                .builder(configuration.serverSettings(), JdbiPorts.of(jdbi, new UserResourceOwners(users, userStore)),
                        clock)
                .events(events))
                .build();
        SessionManager sessions = new SessionManager(new JdbiSessionStore(jdbi), oauth.generator(),
                configuration.getSessions().getIdleTimeout().toJavaDuration(), clock);
        return new TollgateServices(events, users, new GroupService(groupStore), sessions, oauth, oidc);
    }
}
