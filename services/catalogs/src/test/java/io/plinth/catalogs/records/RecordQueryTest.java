package io.plinth.catalogs.records;

import static io.plinth.catalogs.records.RecordWritesTest.refused;
import static io.plinth.catalogs.records.RecordsDatabase.caller;
import static io.plinth.catalogs.records.RecordsDatabase.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.security.Caller;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Queries: every operator, values that try SQL injection, unknown names, keyset pages, counts. */
class RecordQueryTest {

    private static final String LIBRARIAN_ID = "00000000-0000-0000-0000-0000000000b1";
    private static final String READER_ID = "00000000-0000-0000-0000-0000000000b2";
    private static final Caller LIBRARIAN = caller(LIBRARIAN_ID, Set.of("librarian"), Set.of());
    private static final Caller READER = caller(READER_ID, Set.of("reader"), Set.of());

    private static RecordsDatabase db;
    private static final List<Book> BOOKS = new ArrayList<>();
    private static final Map<Integer, String> IDS = new LinkedHashMap<>();

    private record Book(int i, Integer pages, String price, String published, String added, String genre,
                        boolean available, String author, String keeper) {
        String title() {
            return String.format("Book %02d", i);
        }
    }

    @BeforeAll
    static void create() throws Exception {
        db = new RecordsDatabase();
        db.apply("lib", json("{'types': ["
                + "{'key': 'author', 'fields': [{'key': 'name', 'type': 'text', 'length': 100}]},"
                + "{'key': 'book', 'fields': [{'key': 'title', 'type': 'text', 'length': 200, 'required': true},"
                + " {'key': 'pages', 'type': 'integer', 'indexed': true}, {'key': 'price', 'type': 'decimal',"
                + " 'precision': 8, 'scale': 2}, {'key': 'published', 'type': 'date'}, {'key': 'added', 'type':"
                + " 'timestamp'}, {'key': 'genre', 'type': 'enum', 'values': ['fic', 'sci', 'his']},"
                + " {'key': 'available', 'type': 'boolean'}, {'key': 'author', 'type': 'reference', 'reference':"
                + " {'type': 'author'}}, {'key': 'keeper', 'type': 'user'}, {'key': 'meta', 'type': 'json'}]}],"
                + " 'access': [{'role': 'librarian', 'type': 'book', 'operations': ['read', 'create', 'update',"
                + " 'delete']}, {'role': 'librarian', 'type': 'author', 'operations': ['read', 'create']},"
                + " {'role': 'reader', 'type': 'book', 'operations': ['read']},"
                + " {'role': 'reader', 'type': 'author', 'operations': ['read']}]}"), 1);
        String authorA = db.as(LIBRARIAN, "lib", s -> s.create("author", json("{'name': 'Author A'}"))).getString("id");
        String authorB = db.as(LIBRARIAN, "lib", s -> s.create("author", json("{'name': 'Author B'}"))).getString("id");
        JsonArrayBuilder operations = Json.createArrayBuilder();
        for (int i = 1; i <= 25; i++) {
            Book book = new Book(i, i % 4 == 0 ? null : 100 + (i % 5) * 10,
                    i % 3 == 0 ? null : new BigDecimal("1.25").multiply(BigDecimal.valueOf(i))
                            .setScale(2).toPlainString(),
                    String.format("2020-01-%02d", i), String.format("2026-01-01T00:00:%02dZ", i),
                    List.of("fic", "sci", "his").get(i % 3), i % 2 == 0, i <= 10 ? authorA : i <= 20 ? authorB : null,
                    i % 5 == 0 ? READER_ID : null);
            BOOKS.add(book);
            JsonObjectBuilder record = Json.createObjectBuilder().add("title", book.title())
                    .add("published", book.published()).add("added", book.added()).add("genre", book.genre())
                    .add("available", book.available());
            if (book.pages() != null) {
                record.add("pages", book.pages());
            }
            if (book.price() != null) {
                record.add("price", book.price());
            }
            if (book.author() != null) {
                record.add("author", book.author());
            }
            if (book.keeper() != null) {
                record.add("keeper", book.keeper());
            }
            operations.add(Json.createObjectBuilder().add("op", "create").add("record", record));
        }
        JsonObject created = db.as(LIBRARIAN, "lib", s -> s.bulk("book", Json.createObjectBuilder()
                .add("operations", operations).build()));
        for (int i = 0; i < 25; i++) {
            IDS.put(i + 1, created.getJsonArray("results").getJsonObject(i).getString("id"));
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        db.close();
    }

    private static JsonObject query(Caller caller, String... parameters) throws Exception {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String parameter : parameters) {
            int eq = parameter.indexOf('=');
            map.computeIfAbsent(parameter.substring(0, eq), k -> new ArrayList<>()).add(parameter.substring(eq + 1));
        }
        return db.as(caller, "lib", s -> s.query("book", map));
    }

    private static List<String> titles(String... filters) throws Exception {
        List<String> parameters = new ArrayList<>(List.of("sort=title", "limit=500"));
        for (String filter : filters) {
            parameters.add("filter=" + filter);
        }
        return query(LIBRARIAN, parameters.toArray(String[]::new)).getJsonArray("items").stream()
                .map(i -> i.asJsonObject().getString("title")).filter(t -> t.startsWith("Book ")).toList();
    }

    private static List<String> expected(Predicate<Book> filter) {
        return BOOKS.stream().filter(filter).map(Book::title).sorted().toList();
    }

    @Test
    void everyOperatorSelectsTheRowsItSays() throws Exception {
        assertThat(titles("title:eq:Book 03")).containsExactly("Book 03");
        assertThat(titles("title:ne:Book 03")).hasSize(24);
        assertThat(titles("pages:lt:120")).isEqualTo(expected(b -> b.pages() != null && b.pages() < 120));
        assertThat(titles("pages:le:120")).isEqualTo(expected(b -> b.pages() != null && b.pages() <= 120));
        assertThat(titles("pages:gt:120")).isEqualTo(expected(b -> b.pages() != null && b.pages() > 120));
        assertThat(titles("pages:ge:120", "available:eq:true"))
                .isEqualTo(expected(b -> b.pages() != null && b.pages() >= 120 && b.available()));
        assertThat(titles("price:between:5,10")).isEqualTo(expected(b -> b.price() != null
                && Double.parseDouble(b.price()) >= 5 && Double.parseDouble(b.price()) <= 10));
        assertThat(titles("published:ge:2020-01-20")).isEqualTo(expected(b -> b.i() >= 20));
        assertThat(titles("added:lt:2026-01-01T01:00:05+01:00")).isEqualTo(expected(b -> b.i() < 5));
        assertThat(titles("genre:in:fic,his")).isEqualTo(expected(b -> !b.genre().equals("sci")));
        assertThat(titles("genre:not-in:fic")).isEqualTo(expected(b -> !b.genre().equals("fic")));
        assertThat(titles("pages:is-null")).isEqualTo(expected(b -> b.pages() == null));
        assertThat(titles("pages:isnull:false")).isEqualTo(expected(b -> b.pages() != null));
        assertThat(titles("pages:is-not-null")).isEqualTo(expected(b -> b.pages() != null));
        assertThat(titles("title:like:Book 1%")).isEqualTo(expected(b -> b.i() >= 10 && b.i() <= 19));
        assertThat(titles("title:ilike:bOOk 2_")).isEqualTo(expected(b -> b.i() >= 20));
        assertThat(titles("title:contains:k 0")).isEqualTo(expected(b -> b.i() < 10));
        assertThat(titles("title:search:07")).containsExactly("Book 07");
        assertThat(titles("author.name:eq:Author A")).isEqualTo(expected(b -> b.i() <= 10));
        assertThat(titles("author:is-null")).isEqualTo(expected(b -> b.author() == null));
        assertThat(titles("id:in:" + IDS.get(2) + "," + IDS.get(4))).containsExactly("Book 02", "Book 04");
        assertThat(titles("created_by:eq:" + LIBRARIAN_ID)).hasSize(25);
        assertThat(titles("meta:is-null")).hasSize(25);
        assertThat(query(READER, "filter=keeper:eq:$user.id", "sort=title").getJsonArray("items").stream()
                .map(i -> i.asJsonObject().getString("title")).toList()).isEqualTo(expected(b -> b.keeper() != null));
    }

    @Test
    void valuesThatTrySqlInjectionAreOnlyValues() throws Exception {
        String evil = "Robert'); DROP TABLE catalogs.lib__book;--";
        db.as(LIBRARIAN, "lib", s -> s.create("book", Json.createObjectBuilder().add("title", evil).build()));
        List<String> found = query(LIBRARIAN, "filter=title:eq:" + evil).getJsonArray("items").stream()
                .map(i -> i.asJsonObject().getString("title")).toList();
        assertThat(found).containsExactly(evil);
        assertThat(titles("title:eq:Book 03' OR '1'='1")).isEmpty();
        assertThat(titles("title:in:x\\,y,') OR 1=1--")).isEmpty();
        assertThat(titles("title:like:%' OR '1'='1")).isEmpty();
        assertThat(titles("title:search:07' | '1")).isEmpty();
        refused(() -> titles("pages:eq:1 OR 1=1"), 400, "validation-failed");
        String forged = Base64.getUrlEncoder().encodeToString(("{\"s\":\"title,id\",\"k\":[\"zz'; DROP TABLE x;--\","
                + "\"00000000-0000-0000-0000-000000000000\"]}").getBytes(StandardCharsets.UTF_8));
        assertThat(query(LIBRARIAN, "sort=title", "cursor=" + forged).getJsonArray("items")).isEmpty();
        assertThat(db.single("SELECT count(*)::text FROM catalogs.lib__book WHERE title LIKE 'Book __'"))
                .isEqualTo("25");
        db.execute("DELETE FROM catalogs.lib__book WHERE title = '" + evil.replace("'", "''") + "'");
    }

    @Test
    void unknownFieldsOperatorsAndParametersAreRefused() throws Exception {
        assertThat(refused(() -> titles("nope:eq:1"), 400, "validation-failed").problem().errors())
                .containsExactly(new FieldError("filter[0]", "'nope' is not a field of type 'book'"));
        assertThat(refused(() -> titles("title:approx:x"), 400, "validation-failed").problem().errors().get(0)
                .message()).startsWith("'approx' is not an operator");
        refused(() -> titles("title\" OR 1=1 --:eq:x"), 400, "validation-failed");
        refused(() -> titles("title"), 400, "validation-failed");
        refused(() -> titles("title:eq"), 400, "validation-failed");
        refused(() -> titles("pages:like:1"), 400, "validation-failed");
        refused(() -> titles("pages:between:1"), 400, "validation-failed");
        refused(() -> titles("genre:in:fic,romance"), 400, "validation-failed");
        refused(() -> titles("available:lt:true"), 400, "validation-failed");
        refused(() -> titles("meta:eq:{}"), 400, "validation-failed");
        refused(() -> titles("author.nope:eq:x"), 400, "validation-failed");
        refused(() -> titles("title.name:eq:x"), 400, "validation-failed");
        refused(() -> query(LIBRARIAN, "sort=title;DROP TABLE x"), 400, "validation-failed");
        refused(() -> query(LIBRARIAN, "sort=meta"), 400, "validation-failed");
        refused(() -> query(LIBRARIAN, "sort=title,title"), 400, "validation-failed");
        refused(() -> query(LIBRARIAN, "fields=title,(SELECT 1)"), 400, "validation-failed");
        refused(() -> query(LIBRARIAN, "colour=red"), 400, "validation-failed");
        refused(() -> query(LIBRARIAN, "limit=0"), 400, "validation-failed");
        refused(() -> query(LIBRARIAN, "limit=501"), 400, "validation-failed");
        refused(() -> query(LIBRARIAN, "offset=-1"), 400, "validation-failed");
        refused(() -> query(LIBRARIAN, "count=maybe"), 400, "validation-failed");
        refused(() -> query(LIBRARIAN, "cursor=%%%"), 400, "validation-failed");
        String next = query(LIBRARIAN, "sort=title", "limit=2").getString("nextCursor");
        refused(() -> query(LIBRARIAN, "sort=pages", "cursor=" + next), 400, "validation-failed");
        refused(() -> query(LIBRARIAN, "sort=title", "offset=2", "cursor=" + next), 400, "validation-failed");
        refused(() -> db.as(LIBRARIAN, "lib", s -> s.query("nope", Map.of())), 404, "not-found");
        refused(() -> db.as(LIBRARIAN, "nolib", s -> s.query("book", Map.of())), 404, "not-found");
    }

    @Test
    void keysetPagesVisitEveryRowOnceInAStableOrder() throws Exception {
        for (String sort : List.of("pages", "-pages,title", "price,-published", "-added", "genre,-available,pages")) {
            List<String> all = ids(query(LIBRARIAN, "sort=" + sort, "limit=500"));
            assertThat(all).hasSize(25);
            List<String> paged = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            String written = null;
            do {
                JsonObject page = cursor == null ? query(LIBRARIAN, "sort=" + sort, "limit=4", "count=false")
                        : query(LIBRARIAN, "sort=" + sort, "limit=4", "count=false", "cursor=" + cursor);
                paged.addAll(ids(page));
                cursor = page.get("nextCursor") == JsonValue.NULL ? null : page.getString("nextCursor");
                assertThat(page.containsKey("total")).isFalse();
                if (pages++ == 0) {
                    // A row written between two pages neither repeats nor hides another row.
                    written = db.as(LIBRARIAN, "lib", s -> s.create("book", json("{'title': 'Aaa', 'pages': 1,"
                            + " 'price': 0, 'published': '1900-01-01', 'added': '1900-01-01T00:00:00Z',"
                            + " 'genre': 'fic'}"))).getString("id");
                }
            } while (cursor != null);
            db.execute("DELETE FROM catalogs.lib__book WHERE title = 'Aaa'");
            paged.remove(written);
            assertThat(paged).as(sort).isEqualTo(all);
        }
        List<Integer> pagesAscending = query(LIBRARIAN, "sort=pages", "limit=500").getJsonArray("items").stream()
                .map(i -> i.asJsonObject().get("pages") == JsonValue.NULL ? null : i.asJsonObject().getInt("pages"))
                .toList();
        assertThat(pagesAscending.subList(19, 25)).containsOnlyNulls();
        assertThat(pagesAscending.subList(0, 19)).isSorted();
    }

    @Test
    void offsetPagesProjectionsAndCounts() throws Exception {
        JsonObject page = query(LIBRARIAN, "sort=title", "offset=20", "limit=3", "fields=title,author.name");
        assertThat(page.getInt("total")).isEqualTo(25);
        assertThat(page.getBoolean("totalExact")).isTrue();
        assertThat(page.getInt("offset")).isEqualTo(20);
        assertThat(page.getJsonArray("items").getJsonObject(0).keySet()).containsExactly("id", "version", "title",
                "author.name");
        assertThat(page.getJsonArray("items").stream().map(i -> i.asJsonObject().getString("title")).toList())
                .containsExactly("Book 21", "Book 22", "Book 23");
        assertThat(page.getJsonArray("items").getJsonObject(0).get("author.name")).isEqualTo(JsonValue.NULL);
        assertThat(query(LIBRARIAN, "filter=genre:eq:fic").getInt("total")).isEqualTo(expected(b -> b.genre()
                .equals("fic")).size());
    }

    @Test
    void countsAreExactUpToTheLimitAndEstimatedBeyond() throws Exception {
        db.apply("big", json("{'types': [{'key': 'item', 'fields': [{'key': 'n', 'type': 'integer'}]}], 'access':"
                + " [{'role': 'reader', 'type': 'item', 'operations': ['read']}]}"), 1);
        db.execute("INSERT INTO catalogs.big__item (created_by, updated_by, n) SELECT 'u', 'u', g"
                + " FROM generate_series(1, " + (RecordQuery.COUNT_LIMIT + 50) + ") g", "ANALYZE catalogs.big__item");
        JsonObject all = db.as(READER, "big", s -> s.query("item", Map.of("filter", List.of("n:ge:1"), "limit",
                List.of("1"))));
        assertThat(all.getBoolean("totalExact")).isFalse();
        assertThat(all.getJsonNumber("total").longValue()).isGreaterThan(RecordQuery.COUNT_LIMIT);
        JsonObject some = db.as(READER, "big", s -> s.query("item", Map.of("filter", List.of("n:le:100"))));
        assertThat(some.getInt("total")).isEqualTo(100);
        assertThat(some.getBoolean("totalExact")).isTrue();
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").stream().map(i -> i.asJsonObject().getString("id")).toList();
    }
}
