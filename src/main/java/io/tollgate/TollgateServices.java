package io.tollgate;

import io.tollgate.config.PasswordSettings;
import io.tollgate.oauth.compose.AuthorizationServer;
import io.tollgate.oauth.device.DeviceFlow;
import io.tollgate.oauth.event.ProtocolEvents;
import io.tollgate.ops.djangoimport.ImportedSecretsWiring;
import io.tollgate.persistence.JdbiDeviceCodeStore;
import io.tollgate.persistence.JdbiAuditCleanup;
import io.tollgate.persistence.JdbiGroupStore;
import io.tollgate.persistence.JdbiPorts;
import io.tollgate.persistence.JdbiSessionStore;
import io.tollgate.persistence.JdbiThrottleStore;
import io.tollgate.persistence.JdbiUserStore;
import io.tollgate.users.GroupService;
import io.tollgate.throttle.AttemptThrottle;
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
 * @param device the device authorization grant (RFC 8628), for its endpoints
 */
public record TollgateServices(ProtocolEvents events, UserService users, GroupService groups,
                               SessionManager sessions, AuthorizationServer oauth, DeviceFlow device,
                               OpenIdConnect oidc) {

    /** Without throttles: for the command-line tools, which authenticate nobody. */
    public static TollgateServices assemble(TollgateConfiguration configuration, Jdbi jdbi, Clock clock) {
        return assemble(configuration, jdbi, clock, null);
    }

    /** @param throttle counts failed sign-ins and client authentications (nullable: none) */
    public static TollgateServices assemble(TollgateConfiguration configuration, Jdbi jdbi, Clock clock,
                                            AttemptThrottle throttle) {
        ProtocolEvents events = new ProtocolEvents();
        PasswordSettings passwords = configuration.getPasswords();
        JdbiUserStore userStore = new JdbiUserStore(jdbi);
        JdbiGroupStore groupStore = new JdbiGroupStore(jdbi);
        UserService users = new UserService(userStore, groupStore, new PasswordHasher(passwords.getIterations()), clock,
                throttle, events);
        DeviceFlow device = new DeviceFlow(new JdbiDeviceCodeStore(jdbi), configuration.getDevice().settings());
        OpenIdConnect oidc = OpenIdConnect.assemble(configuration, jdbi, clock, userStore, System.out);
        AuthorizationServer oauth = oidc.plugInto(AuthorizationServer
                .builder(configuration.serverSettings(), JdbiPorts.of(jdbi, new UserResourceOwners(users, userStore)),
                        clock)
                .events(events)
                .grant(device::grant)
                .purge(DeviceFlow.DEVICE_CODES, JdbiDeviceCodeStore.cleanup(jdbi))
                .clientThrottle(throttle)
                .clientSecretVerifier(ImportedSecretsWiring.clientSecrets(jdbi))
                .purge(JdbiThrottleStore.PURGE_KIND, JdbiThrottleStore.cleanup(jdbi))
                .purge(JdbiAuditCleanup.AUDIT_EVENTS, new JdbiAuditCleanup(jdbi, clock,
                        configuration.getAudit().getRetention().toJavaDuration())))
                .build();
        SessionManager sessions = new SessionManager(new JdbiSessionStore(jdbi), oauth.generator(),
                configuration.getSessions().getIdleTimeout().toJavaDuration(), clock);
        return new TollgateServices(events, users, new GroupService(groupStore), sessions, oauth, device, oidc);
    }
}
