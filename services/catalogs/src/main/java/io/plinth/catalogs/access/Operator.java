package io.plinth.catalogs.access;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The comparisons of row rules (the app model's conditions) and of record queries. Rules take the
 * model's operators; queries take them all ({@code between}, {@code like}, {@code ilike},
 * {@code search} only exist there). {@code isnull} is accepted as another spelling of {@code is-null}.
 */
public enum Operator {
    EQ("eq", 1), NE("ne", 1), LT("lt", 1), LE("le", 1), GT("gt", 1), GE("ge", 1),
    IN("in", -1), NOT_IN("not-in", -1), BETWEEN("between", 2),
    LIKE("like", 1), ILIKE("ilike", 1), CONTAINS("contains", 1), SEARCH("search", 1),
    IS_NULL("is-null", 0), IS_NOT_NULL("is-not-null", 0);

    /** The operators an access rule's {@code rows} may use. */
    public static final Set<Operator> IN_RULES = Set.of(EQ, NE, LT, LE, GT, GE, IN, NOT_IN, CONTAINS, IS_NULL,
            IS_NOT_NULL);

    private final String key;
    private final int arity;

    Operator(String key, int arity) {
        this.key = key;
        this.arity = arity;
    }

    public String key() {
        return key;
    }

    /** How many values it compares with: 0, 1, 2, or -1 for a list of 1 or more. */
    public int arity() {
        return arity;
    }

    public boolean ordering() {
        return this == LT || this == LE || this == GT || this == GE || this == BETWEEN;
    }

    public boolean textual() {
        return this == LIKE || this == ILIKE || this == CONTAINS || this == SEARCH;
    }

    public static Optional<Operator> of(String key) {
        if ("isnull".equals(key)) {
            return Optional.of(IS_NULL);
        }
        return Arrays.stream(values()).filter(o -> o.key.equals(key)).findFirst();
    }
}
