package io.plinth.catalogs.records;

import static io.plinth.catalogs.records.RecordWritesTest.refused;
import static io.plinth.catalogs.records.RecordsDatabase.caller;
import static io.plinth.catalogs.records.RecordsDatabase.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.security.Caller;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records of a type partitioned by its security partition field, and references to and from it
 * (one and many), written through the records code path against PostgreSQL.
 */
class PartitionedRecordsTest {

    private static final Caller ADMIN = caller("00000000-0000-0000-0000-0000000000aa", Set.of("admin"), Set.of());

    private static RecordsDatabase db;

    @BeforeAll
    static void create() throws Exception {
        db = new RecordsDatabase();
        db.apply("geo", json("""
                {'key': 'geo', 'types': [
                  {'key': 'site', 'securityPartition': 'region', 'fields': [
                    {'key': 'name', 'type': 'text', 'required': true, 'unique': true},
                    {'key': 'region', 'type': 'text', 'length': 20},
                    {'key': 'partners', 'type': 'reference', 'reference': {'type': 'site', 'cardinality': 'many'}}]},
                  {'key': 'visit', 'fields': [
                    {'key': 'site', 'type': 'reference', 'reference': {'type': 'site', 'onDelete': 'restrict'}},
                    {'key': 'sites', 'type': 'reference', 'reference': {'type': 'site', 'cardinality': 'many'}}]}],
                 'roles': [{'key': 'admin'}],
                 'access': [
                   {'role': 'admin', 'type': 'site', 'operations': ['create', 'read', 'update', 'delete']},
                   {'role': 'admin', 'type': 'visit', 'operations': ['create', 'read', 'update', 'delete']}]}
                """), 1);
    }

    @AfterAll
    static void drop() throws SQLException {
        db.close();
    }

    @Test
    void referencesFollowARecordThatMovesToAnotherPartition() throws Exception {
        String north = create("site", "{'name': 'Oslo', 'region': 'north'}").getString("id");
        String south = create("site", "{'name': 'Rome', 'region': 'south'}").getString("id");
        String nowhere = create("site", "{'name': 'Atlantis'}").getString("id");
        assertThat(db.rows("SELECT name, partition, tableoid::regclass::text LIKE '%geo__site$%' FROM catalogs.geo__site"
                + " ORDER BY name")).containsExactly(List.of("Atlantis", "", "t"), List.of("Oslo", "north", "t"),
                List.of("Rome", "south", "t"));

        String visit = create("visit", "{'site': '" + north + "', 'sites': ['" + north + "', '" + south + "']}")
                .getString("id");
        db.as(ADMIN, "geo", s -> s.update("site", north, json("{'partners': ['" + south + "', '" + nowhere + "']}"),
                false, null));
        assertThat(db.single("SELECT \"site$partition\" FROM catalogs.geo__visit")).isEqualTo("north");

        db.as(ADMIN, "geo", s -> s.update("site", north, json("{'region': 'west'}"), false, null));
        assertThat(db.single("SELECT \"site$partition\" FROM catalogs.geo__visit")).isEqualTo("west");
        assertThat(db.rows("SELECT target_partition FROM catalogs.geo__visit__sites ORDER BY 1"))
                .containsExactly(List.of("south"), List.of("west"));
        assertThat(db.rows("SELECT source_partition, target_partition FROM catalogs.geo__site__partners ORDER BY 2"))
                .containsExactly(List.of("west", ""), List.of("west", "south"));
        JsonObject read = db.as(ADMIN, "geo", s -> s.get("visit", visit, null));
        assertThat(read.getString("site")).isEqualTo(north);
        assertThat(read.getJsonArray("sites").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactlyInAnyOrder(north, south);

        refused(() -> db.as(ADMIN, "geo", s -> {
            s.delete("site", north, null, null);
            return null;
        }), 409, "reference-violation");
        assertThat(refused(() -> create("visit", "{'site': '" + UUID.randomUUID() + "'}"), 400, "validation-failed")
                .problem().errors()).extracting(FieldError::field).containsExactly("site");
    }

    @Test
    void aUniqueFieldIsUniqueWithinItsPartition() throws Exception {
        create("site", "{'name': 'Paris', 'region': 'west'}");
        assertThat(refused(() -> create("site", "{'name': 'Paris', 'region': 'west'}"), 409, "unique-violation")
                .problem().errors()).containsExactly(new FieldError("name", "is already taken"));
        create("site", "{'name': 'Paris', 'region': 'east'}");
    }

    private static JsonObject create(String type, String body) throws Exception {
        return db.as(ADMIN, "geo", s -> s.create(type, json(body)));
    }
}
