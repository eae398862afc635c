package io.tollgate.users.hashers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The foreign formats by algorithm name: adding a format is one more entry, not one more branch. */
public final class ForeignPasswordHashes {
    private final Map<String, ForeignPasswordHash> byAlgorithm;

    public ForeignPasswordHashes(List<ForeignPasswordHash> formats) {
        this.byAlgorithm = formats.stream().collect(Collectors.toUnmodifiableMap(
                ForeignPasswordHash::algorithm, Function.identity()));
    }

    /** Django's maintained hashers other than PBKDF2 (which PasswordHasher handles itself). */
    public static ForeignPasswordHashes django() {
        return new ForeignPasswordHashes(List.of(new Argon2Hash(), BcryptHash.plain(), BcryptHash.sha256(),
                new ScryptHash()));
    }

    public static ForeignPasswordHashes none() {
        return new ForeignPasswordHashes(List.of());
    }

    public Optional<ForeignPasswordHash> forEncoded(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        int dollar = encoded.indexOf('$');
        return dollar <= 0 ? Optional.empty() : Optional.ofNullable(byAlgorithm.get(encoded.substring(0, dollar)));
    }
}
