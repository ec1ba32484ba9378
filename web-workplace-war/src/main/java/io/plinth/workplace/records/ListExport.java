package io.plinth.workplace.records;

import io.plinth.kernel.config.Settings;
import io.plinth.web.api.ServiceUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Exports every record of a list that matches its filters, in its sort order, with the visible
 * columns under their labels. Pages come from catalogs by cursor (keyset paging: no row twice or
 * missed while others write) and go straight to the file, so memory does not grow with the list;
 * at most {@code plinth.workplace.export.max-rows} rows.
 */
@ApplicationScoped
public class ListExport {

    public static final String MAX_ROWS_KEY = "plinth.workplace.export.max-rows";

    /** catalogs' largest page. */
    static final int PAGE = 500;

    @Inject
    Settings settings;

    @Inject
    CatalogsRecords records;

    int maxRows;

    @PostConstruct
    void configure() {
        maxRows = settings.integer(MAX_ROWS_KEY, 1, 1_000_000);
    }

    public int maxRows() {
        return maxRows;
    }

    /** What to export: the list's query (filters, sort, the columns' fields) and how a page of records becomes rows. */
    public record Request(String token, String app, String type, String title, List<String> filters,
                          List<String> sort, List<ListColumn> columns,
                          Function<List<JsonObject>, List<List<String>>> rows) {
    }

    /** The first page, read before anything is written so that a refusal can still be shown on the page. */
    public RecordPage firstPage(Request request) throws ServiceUnavailableException, RecordsRefusedException {
        return page(request, null);
    }

    /**
     * Writes {@code first} and the pages after it to {@code out}; answers the number of rows written.
     * A failure after the first page ends the file early (it is already on its way), with the exception.
     */
    public int write(Request request, RecordPage first, ExportFormat format, OutputStream out)
            throws IOException, ServiceUnavailableException, RecordsRefusedException {
        int written = 0;
        try (TableWriter writer = format.writer(out, request.title(),
                request.columns().stream().map(c -> c.field().kind()).toList())) {
            writer.row(request.columns().stream().map(ListColumn::label).toList());
            RecordPage page = first;
            while (true) {
                List<JsonObject> items = page.items().subList(0, Math.min(page.items().size(), maxRows - written));
                for (List<String> row : request.rows().apply(items)) {
                    writer.row(row);
                }
                written += items.size();
                if (page.nextCursor() == null || written >= maxRows) {
                    break;
                }
                page = page(request, page.nextCursor());
            }
            writer.finish();
        }
        return written;
    }

    private RecordPage page(Request request, String cursor) throws ServiceUnavailableException, RecordsRefusedException {
        List<String> fields = new ArrayList<>(request.columns().stream().map(ListColumn::getKey).toList());
        return records.query(request.token(), request.app(), request.type(),
                new RecordQuery(request.filters(), request.sort(), fields, 0, PAGE, false), cursor);
    }
}
