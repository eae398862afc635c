package io.tollgate.oauth.device;

import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.store.ClientStore;
import java.time.Clock;
import java.util.Optional;

/**
 * RFC 8628 §3.3: a signed-in person types the user code shown on a device, sees what it asks for, and allows or
 * denies it. Guessing is bounded three ways: 40 bits per code, a few wrong codes per session and per account
 * ({@link UserCodeThrottle}), and a few showings per code, after which the code is denied.
 */
public record DeviceVerification(DeviceCodeStore store, ClientStore clients, UserCodeThrottle throttle,
                                 DeviceSettings settings, Clock clock) {

    /** The person typed a code: Accepted means show the consent page for it. Counts one showing of the code. */
    public UserCodeCheck enter(String typed, UserCodeThrottle.Typist typist) {
        UserCodeCheck check = find(typed, typist);
        if (check instanceof UserCodeCheck.Accepted accepted
                && !store.countVerification(accepted.code().id(), settings.maxEntriesPerCode())) {
            // Shown more often than one person needs: the code is being passed around or scripted. Deny it,
            // so the device stops waiting.
            store.decide(accepted.code().id(), DeviceCodeStatus.DENIED, typist.userId(), clock.instant());
            return new UserCodeCheck.Refused(UserCodeCheck.Reason.OVERUSED);
        }
        return check;
    }

    /** The person answered the consent page for the code it carried. */
    public UserCodeCheck decide(String typed, boolean allow, UserCodeThrottle.Typist typist) {
        UserCodeCheck check = find(typed, typist);
        if (!(check instanceof UserCodeCheck.Accepted accepted)) {
            return check;
        }
        DeviceCodeStatus decision = allow ? DeviceCodeStatus.APPROVED : DeviceCodeStatus.DENIED;
        if (!store.decide(accepted.code().id(), decision, typist.userId(), clock.instant())) {
            return new UserCodeCheck.Refused(UserCodeCheck.Reason.INVALID);
        }
        return new UserCodeCheck.Decided(decision, accepted.client());
    }

    private UserCodeCheck find(String typed, UserCodeThrottle.Typist typist) {
        Optional<String> canonical = UserCodes.normalize(typed);
        if (canonical.isEmpty()) {
            // Not counted: a code of the wrong shape is never looked up, so it teaches a guesser nothing.
            return new UserCodeCheck.Refused(UserCodeCheck.Reason.MALFORMED);
        }
        if (!throttle.begin(typist)) {
            return new UserCodeCheck.Refused(UserCodeCheck.Reason.THROTTLED);
        }
        Optional<DeviceCode> code = store.findByUserCode(UserCodes.hash(canonical.get()))
                .filter(found -> found.status() == DeviceCodeStatus.PENDING && !found.isExpired(clock));
        Optional<Client> client = code.flatMap(found -> clients.findById(found.clientDbId()));
        if (code.isEmpty() || client.isEmpty()) {
            return new UserCodeCheck.Refused(UserCodeCheck.Reason.INVALID);
        }
        throttle.forgive(typist);
        return new UserCodeCheck.Accepted(code.get(), client.get(), UserCodes.display(canonical.get()));
    }
}
