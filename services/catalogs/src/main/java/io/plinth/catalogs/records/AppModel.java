package io.plinth.catalogs.records;

import io.plinth.catalogs.access.AccessPolicies;
import io.plinth.catalogs.access.AccessRules;
import io.plinth.catalogs.storage.AppSchema;
import io.plinth.catalogs.storage.MigrationRunner;
import io.plinth.catalogs.storage.SchemaRequest;
import io.plinth.catalogs.storage.StorageNames;
import io.plinth.catalogs.storage.TypeModel;
import io.plinth.kernel.problem.ProblemException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** The applied types of an app and the access rules in force, as one request's transaction sees them. */
record AppModel(String app, long version, List<TypeModel> types, AccessRules rules) {

    /**
     * Loads the app's model for the rest of the transaction. The shared advisory lock makes a schema
     * apply (which takes it exclusively) wait for running requests, and requests wait for a running
     * apply, so no request ever sees tables halfway through a migration.
     */
    static AppModel load(Connection connection, String app) throws SQLException {
        SchemaRequest.checkApp(app);
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock_shared(hashtext('catalogs.schema'), hashtext(?))")) {
            lock.setString(1, app);
            lock.execute();
        }
        AppSchema schema = MigrationRunner.current(connection, app)
                .orElseThrow(() -> ProblemException.notFound("App", app));
        return new AppModel(app, schema.version(), schema.types(),
                AccessPolicies.load(connection, app, schema.types()));
    }

    TypeModel type(String key) {
        return types.stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Type of app '" + app + "'", key));
    }

    StorageNames names() {
        return new StorageNames(app);
    }
}
