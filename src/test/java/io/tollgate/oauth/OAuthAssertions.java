package io.tollgate.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

public final class OAuthAssertions {

    private OAuthAssertions() {
    }

    /** Runs the call, asserts it threw an OAuthException with this error code, and returns it for more checks. */
    public static OAuthException assertOAuthError(ThrowingCallable call, String error) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(OAuthException.class);
        OAuthException e = (OAuthException) thrown;
        assertThat(e.error()).isEqualTo(error);
        return e;
    }
}
