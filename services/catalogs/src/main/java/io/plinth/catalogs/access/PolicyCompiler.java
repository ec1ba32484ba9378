package io.plinth.catalogs.access;

import io.plinth.catalogs.storage.FieldModel;
import io.plinth.catalogs.storage.StorageNames;
import io.plinth.catalogs.storage.TypeModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles an app's access rules to PostgreSQL row-level security on its tables. Each type table
 * gets one permissive policy per operation for {@code plinth_records}, the OR of its roles' rules
 * (a role held by the caller AND all its row conditions), so a type nobody may read has
 * {@code USING (false)}. Inserts and updates are checked too ({@code WITH CHECK}): a row nobody may
 * write with its new values is refused, and because answers read the rows back, so is a row the
 * writer could not then see. A restrictive policy keeps every request inside its tenant.
 * A link table shows and takes a link only when its source record (and target record) is visible.
 * <p>
 * {@code FORCE ROW LEVEL SECURITY} holds the tables' owner to the policies too, so code that forgot
 * to enter a caller's scope sees nothing; the owner's own work (migrations) passes the
 * {@code plinth_maintenance} policy by setting {@code plinth.maintenance} for its transaction.
 */
public final class PolicyCompiler {

    /** The policies that read columns; a migration drops them before it changes columns. */
    static final List<String> POLICIES = List.of("plinth_read", "plinth_create", "plinth_update", "plinth_delete",
            "plinth_tenant");

    /**
     * The condition a migration sets ({@code SET LOCAL plinth.maintenance = 'on'}) to see every row
     * as owner. It reads no column and the planner folds it when it estimates, so ORed with the
     * rules of {@code plinth_records} it costs nothing.
     */
    static final String MAINTENANCE = "current_setting('plinth.maintenance', true) = 'on' AND current_user <> '"
            + CallerScope.ROLE + "'";
    static final String MAINTENANCE_POLICY = "plinth_maintenance";

    private PolicyCompiler() {
    }

    /** Every statement that secures the type's table and its link tables, dropping the policies it had. */
    public static List<String> secure(StorageNames names, TypeModel type, List<AccessRule> rules) {
        List<String> sql = new ArrayList<>();
        String table = names.table(type.key());
        prepare(sql, table, "SELECT, INSERT, UPDATE, DELETE");
        sql.add(policy("plinth_read", table, "SELECT", expression(type, rules, Operation.READ), null));
        sql.add(policy("plinth_create", table, "INSERT", null, expression(type, rules, Operation.CREATE)));
        String update = expression(type, rules, Operation.UPDATE);
        sql.add(policy("plinth_update", table, "UPDATE", update, update));
        sql.add(policy("plinth_delete", table, "DELETE", expression(type, rules, Operation.DELETE), null));
        String tenant = "tenant = " + CallerScope.TENANT;
        sql.add("CREATE POLICY plinth_tenant ON " + table + " AS RESTRICTIVE FOR ALL TO " + CallerScope.ROLE
                + " USING (" + tenant + ") WITH CHECK (" + tenant + ")");
        sql.addAll(maintenance(table));
        for (FieldModel field : type.fields()) {
            if (field.many()) {
                secureLinks(sql, names, type, field);
            }
        }
        return sql;
    }

    /**
     * Drops the policies that read columns, so a migration may change them. The maintenance policy
     * stays: the migration's loss checks and backfills see every row through it.
     */
    public static List<String> release(StorageNames names, TypeModel type) {
        List<String> sql = new ArrayList<>();
        drop(sql, names.table(type.key()));
        for (FieldModel field : type.fields()) {
            if (field.many()) {
                drop(sql, names.linkTable(type.key(), field.key()));
            }
        }
        return sql;
    }

    private static void secureLinks(List<String> sql, StorageNames names, TypeModel type, FieldModel field) {
        String link = names.linkTable(type.key(), field.key());
        // Qualified by the link table's own name: the source type may have fields called source or target.
        String self = StorageNames.quote(names.linkTableName(type.key(), field.key()));
        String source = "EXISTS (SELECT 1 FROM " + names.table(type.key()) + " s WHERE s.id = " + self + ".source)";
        String target = "EXISTS (SELECT 1 FROM " + names.table(field.reference().type()) + " t WHERE t.id = "
                + self + ".target)";
        prepare(sql, link, "SELECT, INSERT, DELETE");
        sql.add(policy("plinth_read", link, "SELECT", source + " AND " + target, null));
        sql.add(policy("plinth_create", link, "INSERT", null, source + " AND " + target));
        sql.add(policy("plinth_delete", link, "DELETE", source, null));
        sql.addAll(maintenance(link));
    }

    private static void prepare(List<String> sql, String table, String privileges) {
        sql.add("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY");
        sql.add("ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY");
        sql.add("GRANT " + privileges + " ON " + table + " TO " + CallerScope.ROLE);
        drop(sql, table);
    }

    private static void drop(List<String> sql, String table) {
        POLICIES.forEach(p -> sql.add("DROP POLICY IF EXISTS " + p + " ON " + table));
    }

    private static List<String> maintenance(String table) {
        return List.of("DROP POLICY IF EXISTS " + MAINTENANCE_POLICY + " ON " + table, "CREATE POLICY "
                + MAINTENANCE_POLICY + " ON " + table + " FOR ALL TO PUBLIC USING (" + MAINTENANCE
                + ") WITH CHECK (" + MAINTENANCE + ")");
    }

    private static String policy(String name, String table, String command, String using, String check) {
        return "CREATE POLICY " + name + " ON " + table + " FOR " + command + " TO " + CallerScope.ROLE
                + (using == null ? "" : " USING (" + using + ")")
                + (check == null ? "" : " WITH CHECK (" + check + ")");
    }

    /** OR over the rules granting the operation of (role held AND every row condition). */
    static String expression(TypeModel type, List<AccessRule> rules, Operation operation) {
        List<String> terms = rules.stream().filter(r -> r.allows(operation)).map(r -> term(type, r)).toList();
        return terms.isEmpty() ? "false" : String.join(" OR ", terms);
    }

    private static String term(TypeModel type, AccessRule rule) {
        List<String> parts = new ArrayList<>();
        parts.add(CallerScope.holdsRole(rule.role()));
        for (Condition condition : rule.rows()) {
            // The parser checked every condition against this type.
            FieldModel field = SystemFields.find(type, condition.field()).orElseThrow();
            parts.add(Predicates.sql(StorageNames.quote(condition.field()), field, condition.op(), condition.values(),
                    FieldValues::literal));
        }
        return "(" + String.join(" AND ", parts) + ")";
    }
}
