package io.plinth.workplace.records;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV (RFC 4180, UTF-8 with a byte order mark so that spreadsheet programs read the accents).
 * A cell a spreadsheet would take for a formula (starting with {@code = + - @}, a tab or a
 * carriage return) is prefixed with an apostrophe, so an exported value is never run.
 */
final class CsvTableWriter implements TableWriter {

    private final Writer writer;
    private final CSVPrinter printer;

    CsvTableWriter(OutputStream out) throws IOException {
        writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        printer = new CSVPrinter(writer, CSVFormat.RFC4180);
    }

    @Override
    public void row(List<String> cells) throws IOException {
        printer.printRecord(cells.stream().map(CsvTableWriter::defused).toList());
    }

    /** The text a spreadsheet shows as it is: formula-looking cells get a leading apostrophe. */
    static String defused(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        finish();
    }
}
