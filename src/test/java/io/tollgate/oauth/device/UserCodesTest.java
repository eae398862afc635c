package io.tollgate.oauth.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserCodesTest {

    private final UserCodes codes = new UserCodes();

    @Test
    void alphabetHas32UnambiguousCharactersSoEightGiveFortyBits() {
        assertThat(UserCodes.ALPHABET).hasSize(32).doesNotContain("0", "O", "1", "I");
        assertThat(UserCodes.ALPHABET.chars().distinct().count()).isEqualTo(32);
        double bits = UserCodes.LENGTH * (Math.log(UserCodes.ALPHABET.length()) / Math.log(2));
        assertThat(bits).isGreaterThanOrEqualTo(40.0);
    }

    @Test
    void generatedCodesAreCanonicalAndVary() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = codes.generate();
            assertThat(code).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}");
            assertThat(UserCodes.normalize(code)).contains(code);
            seen.add(code);
        }
        assertThat(seen).hasSizeGreaterThan(195);
    }

    @Test
    void displayPutsADashInTheMiddle() {
        assertThat(UserCodes.display("WDJBMJHT")).isEqualTo("WDJB-MJHT");
    }

    @Test
    void anySpellingOfOneCodeNormalisesToIt() {
        for (String typed : new String[] {"WDJB-MJHT", "wdjb-mjht", "WDJBMJHT", "wdjbmjht", " wdjb mjht ",
            "Wdjb-MjHt", "W-D-J-B-M-J-H-T"}) {
            assertThat(UserCodes.normalize(typed)).as(typed).contains("WDJBMJHT");
        }
        assertThat(UserCodes.hash(UserCodes.normalize("wdjb-mjht").orElseThrow()))
                .isEqualTo(UserCodes.hash("WDJBMJHT"));
    }

    @Test
    void somethingThatCannotBeACodeIsRefused() {
        for (String typed : new String[] {null, "", "WDJB-MJH", "WDJB-MJHTX", "WDJB-MJH0", "WDJB-MJHO", "WDJB-MJH1",
            "WDJB-MJHI", "WDJB_MJHT", "WDJB-MJH\u0000", "WDJB-MJ\u017fT", "WDJB-MJ\u00e9T", "-".repeat(65)}) {
            assertThat(UserCodes.normalize(typed)).as(String.valueOf(typed)).isEmpty();
        }
    }
}
