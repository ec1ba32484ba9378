package io.plinth.workplace.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.plinth.web.api.FakeService;
import io.plinth.web.api.FakeService.Answer;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListExportTest {

    private static final ModelField TITLE = new ModelField("title", "Title", FieldKind.TEXT, true, false, 100,
            List.of(), null, false);
    private static final ModelField PAGES = new ModelField("pages", "Pages", FieldKind.INTEGER, false, false, 0,
            List.of(), null, false);

    /** Three pages by cursor: {@code c1}, {@code c2}, then none. */
    private static Answer page(FakeService.Received request) {
        String query = request.pathAndQuery();
        if (query.contains("cursor=c2")) {
            return Answer.json(200, "{\"items\":[{\"id\":\"5\",\"title\":\"e\",\"pages\":5}],\"nextCursor\":null}");
        }
        if (query.contains("cursor=c1")) {
            return Answer.json(200, "{\"items\":[{\"id\":\"3\",\"title\":\"c\",\"pages\":3},"
                    + "{\"id\":\"4\",\"title\":\"=d\",\"pages\":4}],\"nextCursor\":\"c2\"}");
        }
        return Answer.json(200, "{\"items\":[{\"id\":\"1\",\"title\":\"a\",\"pages\":1},"
                + "{\"id\":\"2\",\"title\":\"b\",\"pages\":null}],\"nextCursor\":\"c1\"}");
    }

    @Test
    void everyMatchingRowIsWrittenPageByPageByCursorWithTheListsFiltersAndSort() throws Exception {
        try (FakeService catalogs = new FakeService(ListExportTest::page)) {
            ListExport export = export(catalogs, 100_000);
            ListExport.Request request = request();
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int written = export.write(request, export.firstPage(request), ExportFormat.CSV, out);

            assertThat(written).isEqualTo(5);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFTitle,Pages\r\na,1\r\nb,\r\nc,3\r\n"
                    + "'=d,4\r\ne,5\r\n");
            assertThat(catalogs.received).extracting(FakeService.Received::pathAndQuery).containsExactly(
                    "/api/data/desk/ticket?filter=title%3Ailike%3A%25a%25&sort=-pages&fields=title%2Cpages"
                            + "&offset=0&limit=500&count=false",
                    "/api/data/desk/ticket?filter=title%3Ailike%3A%25a%25&sort=-pages&fields=title%2Cpages"
                            + "&cursor=c1&limit=500&count=false",
                    "/api/data/desk/ticket?filter=title%3Ailike%3A%25a%25&sort=-pages&fields=title%2Cpages"
                            + "&cursor=c2&limit=500&count=false");
            assertThat(catalogs.received).allMatch(r -> "Bearer tok".equals(r.authorization()));
        }
    }

    @Test
    void theExportStopsAtTheLimit() throws Exception {
        try (FakeService catalogs = new FakeService(ListExportTest::page)) {
            ListExport export = export(catalogs, 3);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int written = export.write(request(), export.firstPage(request()), ExportFormat.CSV, out);

            assertThat(written).isEqualTo(3);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFTitle,Pages\r\na,1\r\nb,\r\nc,3\r\n");
            assertThat(catalogs.received).hasSize(2);
        }
    }

    private static ListExport.Request request() {
        List<ListColumn> columns = List.of(new ListColumn(TITLE, "Title"), new ListColumn(PAGES, "Pages"));
        return new ListExport.Request("tok", "desk", "ticket", "Tickets",
                List.of(RecordQuery.columnFilter("title", FieldKind.TEXT, "a")), List.of("-pages"), columns,
                items -> items.stream().map(ListExportTest::cells).toList());
    }

    private static List<String> cells(JsonObject record) {
        return List.of(RecordValues.display(TITLE, record.get("title"), "Yes", "No", java.util.Map.of()),
                RecordValues.display(PAGES, record.get("pages"), "Yes", "No", java.util.Map.of()));
    }

    private static ListExport export(FakeService catalogs, int maxRows) {
        CatalogsRecords records = new CatalogsRecords();
        records.api = catalogs.api(Duration.ofSeconds(2));
        ListExport export = new ListExport();
        export.records = records;
        export.maxRows = maxRows;
        return export;
    }
}
