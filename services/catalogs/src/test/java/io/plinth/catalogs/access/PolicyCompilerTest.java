package io.plinth.catalogs.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.plinth.catalogs.storage.StorageNames;
import io.plinth.catalogs.storage.TypeModel;
import io.plinth.catalogs.storage.TypeModelParser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyCompilerTest {

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    static final JsonObject MODEL = json("{'types': [{'key': 'item', 'fields': ["
            + "{'key': 'label', 'type': 'text'}, {'key': 'qty', 'type': 'integer'},"
            + "{'key': 'boss', 'type': 'user'}, {'key': 'team', 'type': 'enum', 'values': ['red', 'blue']},"
            + "{'key': 'links', 'type': 'reference', 'reference': {'type': 'item', 'cardinality': 'many'}}]}]}");

    @Test
    void rulesBecomeOnePolicyPerOperationWithConstantsQuoted() {
        List<TypeModel> types = TypeModelParser.parse(MODEL);
        JsonArray access = Json.createArrayBuilder()
                .add(json("{'role': 'boss', 'type': 'item', 'operations': ['read', 'update'],"
                        + " 'rows': [{'field': 'boss', 'op': 'eq', 'value': '$user.id'}]}"))
                .add(Json.createObjectBuilder(json("{'role': 'team', 'type': 'item', 'operations': ['read', 'create']}"))
                        .add("rows", Json.createArrayBuilder()
                                .add(json("{'field': 'team', 'op': 'in', 'value': '$user.groups'}"))
                                .add(Json.createObjectBuilder().add("field", "label").add("op", "ne")
                                        .add("value", "x'); DROP TABLE y; --"))
                                .add(json("{'field': 'qty', 'op': 'ge', 'value': 2}"))))
                .build();
        AccessRules rules = AccessRulesParser.parse(access, types);
        List<String> sql = PolicyCompiler.secure(new StorageNames("shop"), types.get(0), rules.forType("item"));
        assertThat(sql).contains(
                "ALTER TABLE \"catalogs\".\"shop__item\" FORCE ROW LEVEL SECURITY",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON \"catalogs\".\"shop__item\" TO plinth_records",
                "CREATE POLICY plinth_read ON \"catalogs\".\"shop__item\" FOR SELECT TO plinth_records USING"
                        + " (('boss' = ANY (" + CallerScope.USER_ROLES + ") AND \"boss\" = " + CallerScope.USER_ID_UUID
                        + ") OR ('team' = ANY (" + CallerScope.USER_ROLES + ") AND (\"team\" = ANY ("
                        + CallerScope.USER_GROUPS + ")) AND \"label\" IS DISTINCT FROM 'x''); DROP TABLE y; --'::text"
                        + " AND \"qty\" >= '2'::bigint))",
                "CREATE POLICY plinth_delete ON \"catalogs\".\"shop__item\" FOR DELETE TO plinth_records USING (false)",
                "GRANT SELECT, INSERT, DELETE ON \"catalogs\".\"shop__item__links\" TO plinth_records",
                "CREATE POLICY plinth_delete ON \"catalogs\".\"shop__item__links\" FOR DELETE TO plinth_records USING"
                        + " (EXISTS (SELECT 1 FROM \"catalogs\".\"shop__item\" s WHERE s.id = \"shop__item__links\".source))");
        assertThat(sql.stream().filter(s -> s.startsWith("CREATE POLICY plinth_update"))).containsExactly(
                "CREATE POLICY plinth_update ON \"catalogs\".\"shop__item\" FOR UPDATE TO plinth_records USING (('boss'"
                        + " = ANY (" + CallerScope.USER_ROLES + ") AND \"boss\" = " + CallerScope.USER_ID_UUID
                        + ")) WITH CHECK (('boss' = ANY (" + CallerScope.USER_ROLES + ") AND \"boss\" = "
                        + CallerScope.USER_ID_UUID + "))");
    }
}
