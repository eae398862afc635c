package io.tollgate.ops.cli;

import io.dropwizard.core.setup.Bootstrap;
import io.tollgate.OpenIdConnect;
import io.tollgate.TollgateConfiguration;
import io.tollgate.oauth.keys.SigningKeys;
import io.tollgate.admin.OperatorActions;
import io.tollgate.ops.RotateKeysTask;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code rotatekeys config.yml}: the current signing key retires (published until every token it signed has
 * expired), the next one signs, a fresh next one is published. Safe while servers run; they pick it up within
 * oidc.signingKeyReload.
 */
public class RotateKeysCommand extends ServicesCommand {
    public RotateKeysCommand(Clock clock) {
        super("rotatekeys", "Rotate the OpenID Connect signing keys", clock);
    }

    @Override
    void run(CliServices cli, Bootstrap<TollgateConfiguration> bootstrap, Namespace namespace,
             TollgateConfiguration configuration) throws Exception {
        try (OperatorConsole console = OperatorConsole.open(cli, configuration, clock())) {
            SigningKeys keys = OpenIdConnect.signingKeys(configuration, cli.database().jdbi(), clock(), System.out);
            PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            RotateKeysTask.print(RotateKeysTask.rotate(keys, console.audit(), OperatorActions.COMMAND_LINE, clock()),
                    out);
        }
    }
}
