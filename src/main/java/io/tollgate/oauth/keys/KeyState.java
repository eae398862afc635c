package io.tollgate.oauth.keys;

/**
 * Where a signing key is in its life. NEXT is published before it signs, so verifiers that cache the JWKS know
 * it already when it becomes CURRENT; RETIRED no longer signs but stays published until every token it signed
 * has expired, then it is deleted. At most one CURRENT and one NEXT exist (the store enforces it).
 */
public enum KeyState {
    NEXT,
    CURRENT,
    RETIRED
}
