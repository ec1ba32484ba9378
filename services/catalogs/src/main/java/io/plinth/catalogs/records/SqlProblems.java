package io.plinth.catalogs.records;

import io.plinth.catalogs.storage.TypeModel;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what PostgreSQL refused into problems a client can act on. Most input never gets this far
 * (values are checked before SQL); what remains is what only the database knows: a unique value
 * taken, a record still referenced, a row the policies refuse, a concurrent change.
 */
final class SqlProblems {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]{1,63})\"");

    private SqlProblems() {
    }

    /** The problem for {@code e}, raised while working on a record of {@code type} ({@code path} prefixes field paths). */
    static ProblemException of(SQLException e, TypeModel type, String path) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        Optional<String> field = column(e, type);
        return switch (state) {
            case "42501" -> new ProblemException(Problem.of(403, "row-not-allowed", "Not allowed",
                    "The access rules do not let you write this record with these values"));
            case "23505" -> new ProblemException(new Problem(409, "unique-violation", "Conflict",
                    "Another record already has this value" + field.map(f -> " of " + f).orElse(""),
                    field.map(f -> List.of(new FieldError(path + f, "is already taken"))).orElse(List.of())));
            case "23503" -> new ProblemException(new Problem(409, "reference-violation", "Conflict",
                    "The change would break a reference between records (a referenced record cannot be deleted"
                            + " while records point to it, and a reference must name an existing record)",
                    field.map(f -> List.of(new FieldError(path + f, "names a record that does not exist")))
                            .orElse(List.of())));
            case "23502", "23514", "22001", "22003" -> new ProblemException(new Problem(400, "validation-failed",
                    "The request is not valid", "A value does not fit its field",
                    List.of(new FieldError(path + field.orElse(""), "does not fit the field"))));
            case "40001", "40P01", "55P03" -> new ProblemException(Problem.of(409, "concurrent-change", "Conflict",
                    "Another change of the same records got in the way; try again"));
            default -> throw new IllegalStateException("The database refused an operation on a record of type '"
                    + type.key() + "' [SQLSTATE " + state + "]", e);
        };
    }

    /**
     * The field the error is about, from the quoted names in PostgreSQL's message: a column, or a
     * constraint named {@code <app>__<type>__<field>$<suffix>} (docs/catalogs-storage.md). The
     * driver's own exception class is not visible to the application on Liberty, so the text it is.
     */
    private static Optional<String> column(SQLException e, TypeModel type) {
        Matcher quoted = QUOTED.matcher(e.getMessage() == null ? "" : e.getMessage());
        while (quoted.find()) {
            String name = quoted.group(1);
            int dollar = name.indexOf('$');
            String base = dollar < 0 ? name : name.substring(0, dollar);
            int separator = base.lastIndexOf("__");
            String candidate = dollar < 0 ? name : separator < 0 ? null : base.substring(separator + 2);
            if (candidate != null && type.field(candidate).isPresent()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
