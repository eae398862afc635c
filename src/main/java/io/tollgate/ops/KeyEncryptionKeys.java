package io.tollgate.ops;

import io.tollgate.oauth.keys.KeyEncryptionKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the key-encryption key of the signing keys comes from. Configured (OIDC_KEY_ENCRYPTION_KEY): it must
 * be strong, everywhere. Not configured: only the embedded H2 database — the development default — gets one
 * generated on first use, printed once and kept in a file beside the database; anything else refuses to start.
 */
public final class KeyEncryptionKeys {
    static final String VARIABLE = "OIDC_KEY_ENCRYPTION_KEY";

    private KeyEncryptionKeys() {
    }

    public static KeyEncryptionKey resolve(String configured, String databaseUrl, PrintStream out) {
        if (configured != null && !configured.isBlank()) {
            try {
                return KeyEncryptionKey.parse(configured);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(VARIABLE + " (oidc.keyEncryptionKey) is unusable: " + e.getMessage()
                        + ". Generate one with `openssl rand -base64 32`");
            }
        }
        String url = databaseUrl == null ? "" : databaseUrl;
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
            // The keys die with the in-memory database, so a key that dies with the process loses nothing.
            return KeyEncryptionKey.generate(new SecureRandom());
        }
        Path file = developmentKeyFile(url).orElseThrow(() -> new IllegalStateException(VARIABLE
                + " (oidc.keyEncryptionKey) is not set: the signing keys' private halves are encrypted under it. "
                + "Generate one with `openssl rand -base64 32` and keep it in your secret store "
                + "(only the embedded H2 development database works without one)"));
        return readOrCreate(file, out);
    }

    /**
     * The development key lives beside the H2 file it protects (mode 600): both belong to one developer checkout,
     * are reset together by deleting ./data/, and a restart keeps working without an exported variable.
     */
    static Optional<Path> developmentKeyFile(String databaseUrl) {
        String lower = databaseUrl.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = databaseUrl.substring("jdbc:h2:".length());
        if (rest.toLowerCase(Locale.ROOT).startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (rest.matches("(?i)^(mem|tcp|ssl|zip|split|nio\\w*|async|memfs|memlzf|retry):.*")) {
            return Optional.empty();
        }
        int options = rest.indexOf(';');
        String path = options < 0 ? rest : rest.substring(0, options);
        if (path.isBlank()) {
            return Optional.empty();
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(Path.of(path + ".kek"));
    }

    private static KeyEncryptionKey readOrCreate(Path file, PrintStream out) {
        try {
            if (!Files.exists(file)) {
                KeyEncryptionKey generated = KeyEncryptionKey.generate(new SecureRandom());
                if (write(file, generated)) {
                    announce(file, generated, out);
                    return generated;
                }
            }
            return KeyEncryptionKey.parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException("Could not read or create the development key-encryption key "
                    + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The development key-encryption key in " + file + " is unusable: "
                    + e.getMessage());
        }
    }

    /** False when another process (the CLI beside the server) created the file first. */
    private static boolean write(Path file, KeyEncryptionKey key) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        Files.writeString(file, key.encoded() + "\n", StandardCharsets.US_ASCII);
        return true;
    }

    // Printed, not logged: the operator must see it once to move it into a secret store, and log files persist.
    private static void announce(Path file, KeyEncryptionKey key, PrintStream out) {
        out.println();
        out.println("Generated a key-encryption key for the OpenID Connect signing keys of this development database:");
        out.println();
        out.println("    " + VARIABLE + "=" + key.encoded());
        out.println();
        out.println("It is kept in " + file + " (readable by you only) and used on every start from now on.");
        out.println("Production: use PostgreSQL and set " + VARIABLE + " from your secret store (openssl rand -base64 32);");
        out.println("without it the server refuses to start. To reuse these keys elsewhere, export the value above.");
        out.println();
        out.flush();
    }
}
