package io.plinth.workplace.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ExportWritersTest {

    @Test
    void csvQuotesWhatNeedsItAndStartsWithAByteOrderMark() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter csv = ExportFormat.CSV.writer(out, "Tickets", List.of(FieldKind.TEXT, FieldKind.TEXT))) {
            csv.row(List.of("Title", "Note"));
            csv.row(List.of("Printer, 2nd floor", "says \"hi\"\nthen stops"));
            csv.row(List.of("Café", ""));
            csv.finish();
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").isEqualTo("\uFEFFTitle,Note\r\n"
                + "\"Printer, 2nd floor\",\"says \"\"hi\"\"\nthen stops\"\r\n"
                + "Café,\r\n");
    }

    @Test
    void csvCellsASpreadsheetWouldRunAsAFormulaAreDefused() throws Exception {
        assertThat(CsvTableWriter.defused("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(CsvTableWriter.defused("+1+1")).isEqualTo("'+1+1");
        assertThat(CsvTableWriter.defused("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvTableWriter.defused("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvTableWriter.defused("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvTableWriter.defused("\rcmd")).isEqualTo("'\rcmd");
        assertThat(CsvTableWriter.defused("a=b")).isEqualTo("a=b");
        assertThat(CsvTableWriter.defused("")).isEmpty();
        assertThat(CsvTableWriter.defused(null)).isEmpty();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter csv = ExportFormat.CSV.writer(out, "x", List.of(FieldKind.TEXT))) {
            csv.row(List.of("=1+2"));
            csv.finish();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFF'=1+2\r\n");
    }

    @Test
    void xlsxHasABoldHeaderNumbersAsNumbersAndFormulasAsPlainText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter xlsx = ExportFormat.XLSX.writer(out, "Tickets: open/closed [all]",
                List.of(FieldKind.TEXT, FieldKind.INTEGER, FieldKind.DECIMAL))) {
            xlsx.row(List.of("Title", "Pages", "Price"));
            xlsx.row(List.of("=1+2", "42", "12.50"));
            xlsx.row(List.of("Long number", "12345678901234567890", ""));
            xlsx.finish();
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Tickets  open closed  all");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Title");
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=1+2");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(42.0);
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(12.5);
            assertThat(sheet.getRow(2).getCell(1).getCellType()).as("beyond a double's digits")
                    .isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEmpty();
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void sheetNamesFitExcelsRules() {
        assertThat(XlsxTableWriter.safeSheetName("")).isEqualTo("Records");
        assertThat(XlsxTableWriter.safeSheetName("'quoted")).isEqualTo("Records");
        assertThat(XlsxTableWriter.safeSheetName("A".repeat(40))).hasSize(31);
    }
}
