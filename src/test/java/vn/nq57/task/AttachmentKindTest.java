package vn.nq57.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import vn.nq57.system.TextRules;

/** Evidence files are judged by their bytes: the name a file was given decides nothing. */
class AttachmentKindTest {

	@Test
	@DisplayName("real Word and Excel files are recognised by their content")
	void officeFiles() throws Exception {
		ByteArrayOutputStream docx = new ByteArrayOutputStream();
		try (XWPFDocument d = new XWPFDocument()) {
			d.createParagraph().createRun().setText("Báo cáo kết quả");
			d.write(docx);
		}
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		try (XSSFWorkbook w = new XSSFWorkbook()) {
			w.createSheet("Phụ lục").createRow(0).createCell(0).setCellValue("STT");
			w.write(xlsx);
		}
		ByteArrayOutputStream xls = new ByteArrayOutputStream();
		try (HSSFWorkbook w = new HSSFWorkbook()) {
			w.createSheet("Phụ lục");
			w.write(xls);
		}
		assertThat(AttachmentStore.kindOf(docx.toByteArray())).isEqualTo("docx");
		assertThat(AttachmentStore.kindOf(xlsx.toByteArray())).isEqualTo("xlsx");
		assertThat(AttachmentStore.kindOf(xls.toByteArray())).isEqualTo("xls");
		assertThat(AttachmentStore.kindOf("%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("pdf");
	}

	@Test
	@DisplayName("random bytes, a plain zip, a program or a web page are none of the allowed kinds")
	void othersRefused() throws Exception {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream z = new ZipOutputStream(zip)) {
			z.putNextEntry(new ZipEntry("payload.txt"));
			z.write("x".getBytes(StandardCharsets.US_ASCII));
		}
		assertThat(AttachmentStore.kindOf(zip.toByteArray())).isNull();
		assertThat(AttachmentStore.kindOf(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })).isNull();
		assertThat(AttachmentStore.kindOf(new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 })).isNull();
		assertThat(AttachmentStore.kindOf("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))).isNull();
	}

	@Test
	@DisplayName("text rules refuse markup and script URLs but not ordinary comparisons")
	void textRules() {
		assertThat(TextRules.isSafe("nộp hồ sơ online = 85%")).isTrue();
		assertThat(TextRules.isSafe("tỷ lệ < 50%, chỉ tiêu >= 3%")).isTrue();
		assertThat(TextRules.isSafe("<script>alert(1)</script>")).isFalse();
		assertThat(TextRules.isSafe("<img src=x onerror=alert(1)>")).isFalse();
		assertThat(TextRules.isSafe("xem tại javascript:alert(1)")).isFalse();
	}
}
