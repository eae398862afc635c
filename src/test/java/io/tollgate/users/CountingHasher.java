package io.tollgate.users;

/** A cheap real hasher that counts calls, to prove which login paths spend the work. */
final class CountingHasher extends PasswordHasher {

    int verifies;
    int dummies;

    CountingHasher(int iterations) {
        super(iterations);
    }

    @Override
    public Verification verify(String rawPassword, String encoded) {
        verifies++;
        return super.verify(rawPassword, encoded);
    }

    @Override
    public void verifyDummy(String rawPassword) {
        dummies++;
        super.verifyDummy(rawPassword);
    }
}
