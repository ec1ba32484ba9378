package io.plinth.workplace.records;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The files a list exports to. */
public enum ExportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    TableWriter writer(OutputStream out, String title, List<FieldKind> kinds) throws IOException {
        return this == CSV ? new CsvTableWriter(out) : new XlsxTableWriter(out, title, kinds);
    }
}
