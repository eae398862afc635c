package io.tollgate.oauth.model;

/**
 * The null checks of record constructors in one line: {@code Require.nonNull("a b", a, b)} throws the
 * NullPointerException {@code Objects.requireNonNull(a, "a")} would, naming the first component that is null.
 * The names are split only once a null is found: some records are built on every token check.
 */
public final class Require {
    private Require() {
    }

    /**
     * @param names  the components' names, separated by spaces, in the order of {@code values}
     * @throws NullPointerException     naming the first null value
     * @throws IllegalArgumentException when a value is null and the names do not match the values one for one
     */
    public static void nonNull(String names, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new NullPointerException(nameAt(names, i, values.length));
            }
        }
    }

    private static String nameAt(String names, int index, int count) {
        String[] split = names.strip().split("\\s+");
        if (split.length != count) {
            throw new IllegalArgumentException(split.length + " names for " + count + " values: " + names);
        }
        return split[index];
    }
}
