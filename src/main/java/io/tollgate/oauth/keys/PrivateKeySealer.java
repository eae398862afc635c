package io.tollgate.oauth.keys;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;
import java.util.Objects;

/**
 * Seals private JWKs at rest as a compact JWE ({@code dir}, AES-256-GCM) under the key-encryption key. The
 * signing key's kid sits in the authenticated JWE header, so a sealed key copied onto another row does not open.
 */
public final class PrivateKeySealer {
    private static final String SIGNING_KID = "tollgate_signing_kid";

    private final KeyEncryptionKey kek;

    public PrivateKeySealer(KeyEncryptionKey kek) {
        this.kek = Objects.requireNonNull(kek, "kek");
    }

    String seal(JWK privateKey) {
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                .customParam(SIGNING_KID, privateKey.getKeyID()).build();
        JWEObject jwe = new JWEObject(header, new Payload(privateKey.toJSONString()));
        try {
            jwe.encrypt(new DirectEncrypter(kek.secretKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("AES-256-GCM is mandatory on every JVM", e);
        }
        return jwe.serialize();
    }

    /**
     * @throws IllegalStateException when the seal does not open under this key-encryption key (a different KEK,
     *                               tampering, or a seal moved from another key) — the message names the kid only
     */
    JWK open(String kid, String sealed) {
        try {
            JWEObject jwe = JWEObject.parse(sealed);
            if (!kid.equals(jwe.getHeader().getCustomParam(SIGNING_KID))) {
                throw new IllegalStateException("Signing key " + kid + " is sealed for another key id");
            }
            jwe.decrypt(new DirectDecrypter(kek.secretKey()));
            JWK key = JWK.parse(jwe.getPayload().toString());
            if (!key.isPrivate() || !kid.equals(key.getKeyID())) {
                throw new IllegalStateException("Signing key " + kid + " does not hold its private key");
            }
            return key;
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("Signing key " + kid + " does not open under the configured "
                    + "key-encryption key (was OIDC_KEY_ENCRYPTION_KEY changed?)");
        }
    }
}
