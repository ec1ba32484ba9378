package io.plinth.workplace.records;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An XLSX workbook of one sheet, streamed (POI's SXSSF keeps {@value #WINDOW} rows in memory and
 * the rest in a temporary file, deleted on close). The first row is the header, in bold and
 * frozen; integer and decimal columns are numbers, every other cell text, never a formula.
 */
final class XlsxTableWriter implements TableWriter {

    private static final int WINDOW = 200;

    private final OutputStream out;
    private final List<FieldKind> kinds;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final SXSSFSheet sheet;
    private final CellStyle bold;
    private int rows;

    /** {@code kinds} are the columns' field kinds, in the order of the cells. */
    XlsxTableWriter(OutputStream out, String sheetName, List<FieldKind> kinds) {
        this.out = out;
        this.kinds = List.copyOf(kinds);
        sheet = workbook.createSheet(safeSheetName(sheetName));
        sheet.createFreezePane(0, 1);
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
    }

    @Override
    public void row(List<String> cells) throws IOException {
        Row row = sheet.createRow(rows);
        for (int i = 0; i < cells.size(); i++) {
            String text = cells.get(i) == null ? "" : cells.get(i);
            var cell = row.createCell(i);
            BigDecimal number = rows > 0 && i < kinds.size() ? number(kinds.get(i), text) : null;
            if (number != null) {
                cell.setCellValue(number.doubleValue());
            } else {
                int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
                cell.setCellValue(text.length() > max ? text.substring(0, max) : text);
            }
            if (rows == 0) {
                cell.setCellStyle(bold);
            }
        }
        rows++;
    }

    private static BigDecimal number(FieldKind kind, String text) {
        if ((kind != FieldKind.INTEGER && kind != FieldKind.DECIMAL) || text.isBlank()) {
            return null;
        }
        try {
            // A double keeps 15 significant digits: longer numbers stay text rather than change.
            BigDecimal number = new BigDecimal(text);
            return number.precision() > 15 ? null : number;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Sheet names are at most 31 characters and hold none of {@code : \ / ? * [ ]}. */
    static String safeSheetName(String name) {
        String safe = name == null ? "" : name.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        safe = safe.length() > 31 ? safe.substring(0, 31) : safe;
        return safe.isEmpty() || safe.startsWith("'") ? "Records" : safe;
    }

    @Override
    public void finish() throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        workbook.dispose();
        workbook.close();
    }
}
