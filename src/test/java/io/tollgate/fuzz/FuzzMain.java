package io.tollgate.fuzz;

import java.net.URI;
import java.time.Duration;

/**
 * {@code scripts/fuzz}: the same generator as the CI test, against any running server.
 * Usage: {@code FuzzMain [--count N] [--seed S] [--timeout SECONDS] BASE_URL}. Real credentials, to get past
 * authentication, come from the environment only (never the command line, which other users can read):
 * FUZZ_BEARER (a staff user's token with read, write and groups), FUZZ_USER_ID, FUZZ_CLIENT_ID,
 * FUZZ_CLIENT_SECRET, FUZZ_USERNAME. Exit status 1 when any answer breaks a rule.
 */
public final class FuzzMain {
    private FuzzMain() {
    }

    public static void main(String[] args) throws Exception {
        int count = 10_000;
        long seed = System.currentTimeMillis();
        int timeoutSeconds = 15;
        String base = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--timeout" -> timeoutSeconds = Integer.parseInt(args[++i]);
                case "-h", "--help" -> {
                    System.out.println("usage: scripts/fuzz [--count N] [--seed S] [--timeout SECONDS] BASE_URL");
                    return;
                }
                default -> base = args[i];
            }
        }
        if (base == null || count < 1) {
            System.err.println("usage: scripts/fuzz [--count N] [--seed S] [--timeout SECONDS] BASE_URL");
            System.exit(2);
        }
        String userId = System.getenv("FUZZ_USER_ID");
        FuzzCredentials credentials = new FuzzCredentials(System.getenv("FUZZ_BEARER"),
                userId == null || userId.isBlank() ? null : Long.valueOf(userId), System.getenv("FUZZ_CLIENT_ID"),
                System.getenv("FUZZ_CLIENT_SECRET"), System.getenv("FUZZ_USERNAME"));
        System.out.println("fuzzing " + base + " with seed " + seed + ", " + count + " requests"
                + (credentials.hasBearer() ? ", with a bearer token" : ", garbage credentials only"));
        FuzzRun.Result result = new FuzzRun(URI.create(base.replaceAll("/+$", "")), seed, credentials,
                Duration.ofSeconds(timeoutSeconds)).run(count);
        result.print(System.out);
        System.exit(result.failures() == 0 ? 0 : 1);
    }
}
