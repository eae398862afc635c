package io.tollgate.ops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Bootstrap;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.client.ClientRegistrationException;
import io.tollgate.oauth.client.ClientRegistrationRequest;
import io.tollgate.oauth.compose.AuthorizationServer;
import io.tollgate.oauth.grant.GrantHandlers;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.persistence.JdbiUserStore;
import io.tollgate.users.User;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * Registers an OAuth application from the command line (DOT's {@code manage.py createapplication}) and prints
 * its client_id and client_secret as JSON: the only time the secret is ever shown.
 */
public class CreateApplicationCommand extends ServicesCommand {
    public CreateApplicationCommand(Clock clock) {
        super("createapplication", "Register an OAuth application and print its client_id and client_secret as JSON",
                clock);
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--name").required(true).help("the application's name");
        subparser.addArgument("--user").help("username of the owning user (optional)");
        subparser.addArgument("--client-type").required(true).choices("confidential", "public")
                .help("confidential (has a secret) or public (native and browser apps)");
        subparser.addArgument("--grant-types").required(true)
                .help("comma-separated grant types, by name or URI: authorization_code, password, "
                        + "client_credentials, refresh_token, and any other registered grant");
        subparser.addArgument("--redirect-uri").action(Arguments.append()).metavar("URI")
                .help("an allowed redirect URI (repeat for several)");
        subparser.addArgument("--post-logout-redirect-uri").action(Arguments.append()).metavar("URI")
                .help("where OpenID Connect logout may send the browser back to (repeat for several)");
        subparser.addArgument("--scopes")
                .help("space-separated scopes the application may ever be granted, e.g. \"openid profile email read\"");
        subparser.addArgument("--token-format").metavar("opaque|jwt")
                .help("access-token format: opaque (default) or jwt (RFC 9068, verifiable offline)");
        subparser.addArgument("--skip-authorization").action(Arguments.storeTrue())
                .help("do not ask users for consent (first-party applications)");
        subparser.addArgument("--client-id").help("use this client_id (moving a client from another system)");
        subparser.addArgument("--client-secret")
                .help("use this secret, at least 32 characters (moving a client); prefer --client-secret-stdin");
        subparser.addArgument("--client-secret-stdin").action(Arguments.storeTrue())
                .help("read the secret to use from standard input, keeping it out of the process list");
    }

    @Override
    void run(CliServices cli, Bootstrap<TollgateConfiguration> bootstrap, Namespace namespace,
             TollgateConfiguration configuration) throws Exception {
        Long owner = null;
        if (namespace.getString("user") != null) {
            owner = new JdbiUserStore(cli.database().jdbi()).findByUsername(namespace.getString("user"))
                    .map(User::id)
                    .orElseThrow(() -> new CommandException("no such user: " + namespace.getString("user")));
        }
        AuthorizationServer oauth = cli.services().oauth();
        RegisteredClient registered;
        try {
            registered = oauth.registrations().register(request(namespace, owner, oauth.grants()));
        } catch (ClientRegistrationException e) {
            throw FieldErrors.oneLine(e.fieldErrors());
        }
        System.out.println(json(bootstrap.getObjectMapper(), registered));
    }

    private static ClientRegistrationRequest request(Namespace namespace, Long owner, GrantHandlers registered)
            throws Exception {
        ClientType type = ClientType.fromWire(namespace.getString("client_type")).orElseThrow();
        Set<GrantType> grants = Arrays.stream(namespace.getString("grant_types").split("[,\\s]+"))
                .filter(name -> !name.isBlank())
                .map(name -> registered.byName(name).orElseThrow(
                        () -> new CommandException("unknown grant type: " + name)))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        List<String> redirectUris = namespace.getList("redirect_uri");
        String scopes = namespace.getString("scopes");
        String secret = namespace.getString("client_secret");
        if (namespace.getBoolean("client_secret_stdin")) {
            secret = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        return new ClientRegistrationRequest(redirectUris, type, grants, namespace.getString("name"),
                scopes == null ? null : ScopeSet.parse(scopes), namespace.getList("post_logout_redirect_uri"),
                namespace.getString("token_format"), owner, namespace.getBoolean("skip_authorization"),
                namespace.getString("client_id"), secret);
    }

    private static String json(ObjectMapper mapper, RegisteredClient registered) throws Exception {
        Client client = registered.client();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("client_id", client.clientId());
        out.put("client_secret", registered.plainSecret());
        out.put("name", client.name());
        out.put("client_type", client.type().wireName());
        out.put("grant_types", client.grantTypes().stream().map(GrantType::wireName).sorted().toList());
        out.put("redirect_uris", client.redirectUris());
        out.put("allowed_scopes", client.allowedScopes() == null ? null : client.allowedScopes().asString());
        // Added for OpenID Connect; the members above keep their names and shapes.
        out.put("post_logout_redirect_uris", client.postLogoutRedirectUris());
        out.put("token_format", client.tokenSettings().accessTokenFormat());
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(out);
    }
}
