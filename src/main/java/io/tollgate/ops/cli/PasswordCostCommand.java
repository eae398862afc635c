package io.tollgate.ops.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.tollgate.TollgateConfiguration;
import io.tollgate.users.PasswordHasher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * Measures how many password checks per second this machine does at the configured PBKDF2 cost: the
 * ceiling of sign-ins and password grants, and the figure to tune passwords.iterations against.
 */
public class PasswordCostCommand extends ConfiguredCommand<TollgateConfiguration> {
    public PasswordCostCommand() {
        super("passwordcost", "Measure password verifications per second at the configured hashing cost");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--threads").type(Integer.class).setDefault(Runtime.getRuntime().availableProcessors())
                .help("parallel verifications (default: the number of cores)");
        subparser.addArgument("--seconds").type(Integer.class).setDefault(5).help("how long to measure");
    }

    @Override
    protected void run(Bootstrap<TollgateConfiguration> bootstrap, Namespace namespace,
                       TollgateConfiguration configuration) throws Exception {
        int iterations = configuration.getPasswords().getIterations();
        int threads = Math.max(1, namespace.getInt("threads"));
        PasswordHasher hasher = new PasswordHasher(iterations);
        String encoded = hasher.hash("benchmark-password");
        hasher.verify("benchmark-password", encoded); // warm-up
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        long deadline = started + namespace.getInt("seconds") * 1_000_000_000L;
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                counts.add(pool.submit(() -> {
                    int done = 0;
                    while (System.nanoTime() < deadline) {
                        if (!hasher.verify("benchmark-password", encoded).matches()) {
                            throw new IllegalStateException("verification failed");
                        }
                        done++;
                    }
                    return done;
                }));
            }
            long total = 0;
            for (Future<Integer> count : counts) {
                total += count.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("pbkdf2_sha256 at %d iterations on %d threads: %.1f verifications/s (%.0f ms each)%n",
                    iterations, threads, total / seconds, 1000 * seconds * threads / Math.max(1, total));
            System.out.printf("RESULT rps=%.1f%n", total / seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void onError(io.dropwizard.core.cli.Cli cli, Namespace namespace, Throwable error) {
        CommandErrors.print(cli, error);
    }
}
