package io.plinth.catalogs.storage;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Plans and applies an app's new types on a connection whose transaction the caller owns: every
 * step, the new {@code app_schema} row and the {@code schema_migration} record commit together or
 * not at all (PostgreSQL's DDL is transactional). When anything fails this throws a problem and
 * the caller rolls back, so no partial change survives.
 */
public final class MigrationRunner {

    private static final Logger LOG = Logger.getLogger(MigrationRunner.class.getName());

    /** How long a step waits for a lock held by user traffic before the migration gives up. */
    static final String LOCK_TIMEOUT = "10s";

    private MigrationRunner() {
    }

    /** The plan from the app's applied types to {@code types}, without applying it. */
    public static MigrationPlan plan(Connection connection, String app, List<TypeModel> types, Long version)
            throws SQLException {
        Optional<AppSchema> current = SchemaStore.load(connection, app);
        return new MigrationPlan(app, current.map(AppSchema::version).orElse(null), version,
                MigrationPlanner.plan(app, current.map(AppSchema::types).orElse(List.of()), types));
    }

    /** The app's applied types, or empty when no version was applied yet. */
    public static Optional<AppSchema> current(Connection connection, String app) throws SQLException {
        return SchemaStore.load(connection, app);
    }

    /**
     * Applies {@code types} as {@code version} of the app and answers the plan it ran.
     * Refused with a 409 when {@code expectedFrom} is given and is not the applied version
     * ({@code schema-changed}), when the version was applied with other types
     * ({@code schema-version-conflict}), when a step would destroy stored values and
     * {@code confirmDataLoss} is false ({@code data-loss-not-confirmed}), or when a step fails
     * ({@code migration-step-failed}). Applying the applied version again changes nothing.
     */
    public static MigrationPlan apply(Connection connection, String app, List<TypeModel> types, long version,
                                      Long expectedFrom, boolean confirmDataLoss, String actor) throws SQLException {
        lockForMigration(connection, app);
        Optional<AppSchema> current = SchemaStore.load(connection, app);
        Long fromVersion = current.map(AppSchema::version).orElse(null);
        // A retried apply of the applied version succeeds without doing anything, whatever it planned from.
        if (current.isPresent() && current.get().version() == version) {
            if (!TypeModel.toJson(current.get().types()).equals(TypeModel.toJson(types))) {
                throw ProblemException.conflict("schema-version-conflict", "Version " + version + " of app '" + app
                        + "' is applied with other types; a changed model needs a new version");
            }
            return new MigrationPlan(app, fromVersion, version, List.of());
        }
        if (expectedFrom != null && !expectedFrom.equals(fromVersion)) {
            throw ProblemException.conflict("schema-changed", "The plan was made from version " + expectedFrom
                    + " of app '" + app + "', but version " + fromVersion + " is applied now: plan again");
        }
        MigrationPlan plan = new MigrationPlan(app, fromVersion, version,
                MigrationPlanner.plan(app, current.map(AppSchema::types).orElse(List.of()), types));
        List<FieldError> losses = losses(connection, plan);
        if (!losses.isEmpty() && !confirmDataLoss) {
            throw new ProblemException(new Problem(409, "data-loss-not-confirmed", "Conflict", losses.size()
                    + " step(s) would destroy stored data; apply again with confirmDataLoss true to accept", losses));
        }
        for (int i = 0; i < plan.steps().size(); i++) {
            run(connection, plan.steps().get(i), i);
        }
        SchemaStore.save(connection, app, version, types, actor);
        SchemaStore.record(connection, plan, !losses.isEmpty(), actor);
        LOG.info(() -> "App '" + app + "' storage migrated from version " + fromVersion + " to " + version + " in "
                + plan.steps().size() + " steps by " + actor);
        return plan;
    }

    /**
     * Removes the app's storage: drops every table of its types, and forgets its types, access
     * rules and record history; the plan it ran is recorded without a {@code toVersion}. Refused
     * with a 409 when {@code expectedVersion} is given and another version is applied
     * ({@code schema-changed}), or when the tables hold records and {@code confirmDataLoss} is false
     * ({@code data-loss-not-confirmed}). Removing an app without storage changes nothing.
     */
    public static MigrationPlan remove(Connection connection, String app, Long expectedVersion,
                                       boolean confirmDataLoss, String actor) throws SQLException {
        lockForMigration(connection, app);
        Optional<AppSchema> current = SchemaStore.load(connection, app);
        if (current.isEmpty()) {
            return new MigrationPlan(app, null, null, List.of());
        }
        long fromVersion = current.get().version();
        if (expectedVersion != null && expectedVersion != fromVersion) {
            throw ProblemException.conflict("schema-changed", "Version " + expectedVersion + " of app '" + app
                    + "' was to be removed, but version " + fromVersion + " is applied now");
        }
        MigrationPlan plan = new MigrationPlan(app, fromVersion, null,
                MigrationPlanner.plan(app, current.get().types(), List.of()));
        List<FieldError> losses = losses(connection, plan);
        if (!losses.isEmpty() && !confirmDataLoss) {
            throw new ProblemException(new Problem(409, "data-loss-not-confirmed", "Conflict", losses.size()
                    + " table(s) of app '" + app + "' hold data; remove again with confirmDataLoss true to accept",
                    losses));
        }
        for (int i = 0; i < plan.steps().size(); i++) {
            run(connection, plan.steps().get(i), i);
        }
        SchemaStore.delete(connection, app);
        SchemaStore.record(connection, plan, !losses.isEmpty(), actor);
        LOG.info(() -> "App '" + app + "' storage of version " + fromVersion + " removed in " + plan.steps().size()
                + " steps by " + actor);
        return plan;
    }

    /**
     * The app's exclusive schema lock for the transaction, a bounded wait for table locks, and
     * sight of every row despite forced row-level security (the {@code plinth_maintenance} policy),
     * which the loss checks and backfills need.
     */
    private static void lockForMigration(Connection connection, String app) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtext('catalogs.schema'), hashtext(?))")) {
            lock.setString(1, app);
            lock.execute();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
            statement.execute("SET LOCAL plinth.maintenance = 'on'");
        }
    }

    /** The data-losing steps that would really destroy values, checked against the data before anything runs. */
    private static List<FieldError> losses(Connection connection, MigrationPlan plan) {
        List<FieldError> losses = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            MigrationStep step = plan.steps().get(i);
            if (!step.dataLoss()) {
                continue;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery(step.lossCheck())) {
                if (result.next() && result.getBoolean(1)) {
                    losses.add(new FieldError("steps[" + i + "]", step.description()));
                }
            } catch (SQLException e) {
                throw failed(i, step, "could not check whether it destroys data", e);
            }
        }
        return losses;
    }

    private static void run(Connection connection, MigrationStep step, int index) {
        try (Statement statement = connection.createStatement()) {
            for (String sql : step.sql()) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw failed(index, step, "failed", e);
        }
    }

    /** A step failed: the rest of the plan does not run and the caller's transaction rolls back. */
    private static ProblemException failed(int index, MigrationStep step, String what, SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("").strip();
        return new ProblemException(new Problem(409, "migration-step-failed", "Conflict",
                "Step " + index + " (" + step.description() + ") " + what + ": " + message
                        + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]")
                        + "; nothing was changed", List.of(new FieldError("steps[" + index + "]", message))));
    }
}
