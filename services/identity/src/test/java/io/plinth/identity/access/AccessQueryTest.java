package io.plinth.identity.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The effective-access SQL against a real PostgreSQL (127.0.0.1:5432, user postgres), in a database
 * of its own migrated with the service's changesets, dropped afterwards.
 */
class AccessQueryTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "identity_access_test_" + UUID.randomUUID().toString().replace("-", "");
    private static Connection db;
    private static final AccessQuery QUERY = new AccessQuery("\"identity\"");
    /** Held, so the quieter level is not lost with a collected logger. */
    private static final Logger LIQUIBASE = Logger.getLogger("liquibase");

    @BeforeAll
    static void createDatabase() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        db = DriverManager.getConnection(SERVER + DATABASE, "postgres", "");
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE SCHEMA identity");
        }
        LIQUIBASE.setLevel(Level.WARNING);
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(db));
        database.setDefaultSchemaName("identity");
        database.setLiquibaseSchemaName("identity");
        Scope.child(Map.of(
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(AccessQueryTest.class.getClassLoader()),
                Scope.Attr.ui.name(), new LoggerUIService(),
                "liquibase.analytics.enabled", false,
                "liquibase.showBanner", false), () -> new CommandScope("update")
                .addArgumentValue("database", database)
                .addArgumentValue("changelogFile", "db/access-test-changelog.xml")
                .addArgumentValue("showSummary", UpdateSummaryEnum.OFF)
                .execute());
        db.setAutoCommit(true);
        try (Statement statement = db.createStatement()) {
            statement.execute("SET search_path TO identity");
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (db != null) {
            db.close();
        }
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void groupsIncludeEveryAncestorAndRolesComeDirectlyAndThroughAnyOfThem() throws Exception {
        UUID company = group("acme", null);
        UUID sales = group("acme-sales", company);
        UUID east = group("acme-sales-east", sales);
        group("acme-sales-east-retail", east);
        UUID user = user("ada");
        member(east, user);
        UUID seller = role("acme-seller", "catalogs:app.orders:*", "catalogs:app.customers:read");
        UUID staff = role("acme-staff", "catalogs:app.customers:read");
        UUID auditor = role("acme-auditor", "identity:audit:read");
        role("acme-retail", "catalogs:app.shop:*");
        assign("group_role", "group_id", staff, company);
        assign("group_role", "group_id", seller, sales);
        assign("user_role", "user_id", auditor, user);

        Access access = QUERY.run(db, user);

        assertThat(access.groups()).containsExactlyInAnyOrder("acme", "acme-sales", "acme-sales-east");
        assertThat(access.roles()).containsExactlyInAnyOrder("acme-seller", "acme-staff", "acme-auditor");
        assertThat(access.permissions()).containsExactlyInAnyOrder(
                "catalogs:app.orders:*", "catalogs:app.customers:read", "identity:audit:read");
    }

    @Test
    void aRoleHeldSeveralWaysCountsOnceAndSubGroupRolesDoNotReachParentMembers() throws Exception {
        UUID parent = group("dup-parent", null);
        UUID child = group("dup-child", parent);
        UUID inParent = user("bea");
        UUID inChild = user("cy");
        member(parent, inParent);
        member(child, inChild);
        member(parent, inChild);
        UUID shared = role("dup-shared", "view-service:apps:read");
        UUID childOnly = role("dup-child-only", "view-service:apps:write");
        assign("group_role", "group_id", shared, parent);
        assign("group_role", "group_id", shared, child);
        assign("user_role", "user_id", shared, inChild);
        assign("group_role", "group_id", childOnly, child);

        assertThat(QUERY.run(db, inParent)).isEqualTo(new Access(
                java.util.Set.of("dup-parent"), java.util.Set.of("dup-shared"), java.util.Set.of("view-service:apps:read")));
        assertThat(QUERY.run(db, inChild).roles()).containsExactlyInAnyOrder("dup-shared", "dup-child-only");
    }

    @Test
    void theBuiltInRolesGrantWhatThePlatformPromises() throws Exception {
        UUID admin = user("root-like");
        UUID builder = user("builder");
        assign("user_role", "user_id", builtIn("platform-admin"), admin);
        assign("user_role", "user_id", builtIn("app-builder"), builder);
        assign("user_role", "user_id", builtIn("user"), builder);

        assertThat(QUERY.run(db, admin).permissions()).containsExactly("*");
        Access building = QUERY.run(db, builder);
        assertThat(building.roles()).containsExactlyInAnyOrder("app-builder", "user");
        assertThat(building.permissions()).containsExactlyInAnyOrder("view-service:apps:*", "catalogs:schema:*",
                "identity:users:read", "identity:groups:read");
    }

    @Test
    void aUserWithNothingOrNoUserAtAllHasNoAccess() throws Exception {
        assertThat(QUERY.run(db, user("nobody-special"))).isEqualTo(new Access(
                java.util.Set.of(), java.util.Set.of(), java.util.Set.of()));
        assertThat(QUERY.run(db, UUID.randomUUID()).groups()).isEmpty();
    }

    @Test
    void theSchemaRefusesAGroupThatIsItsOwnParentAndABadKey() throws Exception {
        UUID id = group("selfish", null);
        try (Statement statement = db.createStatement()) {
            assertThat(fails(statement, "UPDATE user_group SET parent_id = id WHERE id = '" + id + "'")).isTrue();
            assertThat(fails(statement, "UPDATE user_group SET group_key = 'Bad Key' WHERE id = '" + id + "'")).isTrue();
        }
    }

    private static boolean fails(Statement statement, String sql) {
        try {
            statement.executeUpdate(sql);
            return false;
        } catch (SQLException e) {
            return e.getSQLState().startsWith("23");
        }
    }

    private static UUID user(String login) throws SQLException {
        UUID id = UUID.randomUUID();
        execute("INSERT INTO platform_user (id, login, display_name, email, locale, time_zone, status, created_at)"
                + " VALUES (?, ?, ?, ?, 'en', 'UTC', 'active', now())", id, login, login, login + "@example.com");
        return id;
    }

    private static UUID group(String key, UUID parent) throws SQLException {
        UUID id = UUID.randomUUID();
        execute("INSERT INTO user_group (id, group_key, name, parent_id, created_at) VALUES (?, ?, ?, ?, now())",
                id, key, key, parent);
        return id;
    }

    private static UUID role(String key, String... patterns) throws SQLException {
        UUID id = UUID.randomUUID();
        execute("INSERT INTO platform_role (id, role_key, name, created_at) VALUES (?, ?, ?, now())", id, key, key);
        for (String pattern : patterns) {
            execute("INSERT INTO role_permission (role_id, pattern) VALUES (?, ?)", id, pattern);
        }
        return id;
    }

    private static UUID builtIn(String key) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT id FROM platform_role WHERE role_key = ? AND built_in")) {
            query.setString(1, key);
            var rows = query.executeQuery();
            assertThat(rows.next()).as("built-in role %s", key).isTrue();
            return rows.getObject(1, UUID.class);
        }
    }

    private static void member(UUID group, UUID user) throws SQLException {
        execute("INSERT INTO group_member (group_id, user_id, added_at) VALUES (?, ?, now())", group, user);
    }

    private static void assign(String table, String column, UUID role, UUID holder) throws SQLException {
        execute("INSERT INTO " + table + " (role_id, " + column + ", assigned_at) VALUES (?, ?, now())", role, holder);
    }

    private static void execute(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
