package io.plinth.catalogs.records;

import static io.plinth.catalogs.records.RecordsDatabase.caller;
import static io.plinth.catalogs.records.RecordsDatabase.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.security.Caller;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two updates of one record from the same version, in two real transactions that overlap: the
 * second waits for the first's row lock, then finds a newer version and gets the conflict. The
 * loser reads again and repeats its change, so both changes are kept.
 */
class ConcurrentUpdateTest {

    private static final Caller ALICE = caller("00000000-0000-0000-0000-0000000000a1", Set.of("editor"), Set.of());
    private static final Caller BOB = caller("00000000-0000-0000-0000-0000000000b0", Set.of("editor"), Set.of());

    private static RecordsDatabase db;

    @BeforeAll
    static void create() throws Exception {
        db = new RecordsDatabase();
        db.apply("notes", json("{'types': [{'key': 'note', 'fields': [{'key': 'title', 'type': 'text'},"
                + " {'key': 'body', 'type': 'text'}]}], 'access': [{'role': 'editor', 'type': 'note', 'operations':"
                + " ['read', 'create', 'update']}]}"), 1);
    }

    @AfterAll
    static void drop() throws SQLException {
        db.close();
    }

    @Test
    void oneWinsTheOtherGetsTheConflictAndNothingIsLost() throws Exception {
        String id = db.as(ALICE, "notes", s -> s.create("note", json("{'title': 'draft', 'body': 'text'}")))
                .getString("id");
        CountDownLatch aliceUpdated = new CountDownLatch(1);
        CountDownLatch bobWaiting = new CountDownLatch(1);
        CompletableFuture<JsonObject> alice = CompletableFuture.supplyAsync(() -> call(() -> db.as(ALICE, "notes",
                s -> {
                    JsonObject updated = s.update("note", id, json("{'title': 'final', 'version': 1}"), false, null);
                    aliceUpdated.countDown();
                    // Alice's transaction stays open, holding the row, until Bob's update waits for it.
                    assertThat(bobWaiting.await(30, TimeUnit.SECONDS)).isTrue();
                    return updated;
                })));
        assertThat(aliceUpdated.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<JsonObject> bob = CompletableFuture.supplyAsync(() -> call(() -> db.as(BOB, "notes",
                s -> s.update("note", id, json("{'body': 'better text', 'version': 1}"), false, null))));
        waitForALockWait();
        bobWaiting.countDown();

        assertThat(alice.get(30, TimeUnit.SECONDS).getInt("version")).isEqualTo(2);
        Throwable lost = catchCause(bob);
        assertThat(lost).isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) lost).problem().status()).isEqualTo(409);
        assertThat(((ProblemException) lost).problem().code()).isEqualTo("version-conflict");

        JsonObject current = db.as(BOB, "notes", s -> s.get("note", id, null));
        assertThat(current.getString("title")).isEqualTo("final");
        assertThat(current.getString("body")).isEqualTo("text");
        db.as(BOB, "notes", s -> s.update("note", id, json("{'body': 'better text', 'version': "
                + current.getInt("version") + "}"), false, null));
        assertThat(db.rows("SELECT title, body, version::text FROM catalogs.notes__note WHERE id = ?::uuid", id))
                .containsExactly(List.of("final", "better text", "3"));
        assertThat(db.rows("SELECT version::text, changed_by FROM catalogs.record_history WHERE record_id = ?::uuid"
                + " AND operation = 'updated' ORDER BY version", id))
                .containsExactly(List.of("2", ALICE.userId()), List.of("3", BOB.userId()));
    }

    /** Until a session of the test database waits for a row lock (Bob's SELECT ... FOR UPDATE). */
    private static void waitForALockWait() throws Exception {
        for (int i = 0; i < 300; i++) {
            if (!db.rows("SELECT 1 FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event_type = 'Lock'").isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Bob's update never waited for Alice's lock");
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Throwable catchCause(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("Bob's update did not finish", e);
        }
    }
}
