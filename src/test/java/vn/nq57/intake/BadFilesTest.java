package vn.nq57.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;

/**
 * Files that are not what they claim, locked, without a table, cut short, too large or built to explode when
 * unpacked: each gets a clear Vietnamese message, and nothing is written.
 */
@IntegrationTest
class BadFilesTest {

	@Autowired IntakeService intake;
	@Autowired RunAs runAs;
	@Autowired JdbcTemplate jdbc;

	int batches;
	int tasks;
	int plans;

	@BeforeEach
	void countBefore() {
		batches = count("intake_batch");
		tasks = count("task");
		plans = count("plan");
	}

	@AfterEach
	void nothingWritten() {
		assertThat(count("intake_batch")).isEqualTo(batches);
		assertThat(count("task")).isEqualTo(tasks);
		assertThat(count("plan")).isEqualTo(plans);
	}

	int count(String table) {
		return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
	}

	void refused(String name, byte[] data, String... messageParts) {
		var thrown = assertThatThrownBy(() -> runAs.user("sokhcn",
				() -> intake.startAppendix(name, data, IntakeSettings.newPlan("Kế hoạch thử tệp hỏng", 2026))))
			.isInstanceOf(IntakeException.class);
		for (String part : messageParts) {
			thrown.hasMessageContaining(part);
		}
	}

	static byte[] sampleDocx() throws IOException {
		return SamplePlanImportTest.sample("mau-phu-luc-nhiem-vu.docx");
	}

	@Test
	@DisplayName("a picture or a text file named .docx/.xlsx is not a Word or Excel file")
	void notWhatItClaims() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		refused("phu-luc.docx", png, "không phải tài liệu Word (.docx) hay bảng tính Excel (.xlsx)");
		refused("phu-luc.xlsx", "STT;Tên nhiệm vụ;Cơ quan chủ trì\n1;Việc;Sở Y tế".getBytes(StandardCharsets.UTF_8),
				"không phải tài liệu Word");
		refused("phu-luc.pdf", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1), "là PDF");
	}

	@Test
	@DisplayName("an Excel workbook named .docx is refused as not what it claims")
	void excelNamedWord() throws IOException {
		byte[] xlsx = SamplePlanImportTest.sample("mau-phu-luc-nhiem-vu.xlsx");
		refused("phu-luc.docx", xlsx, "có tên của tài liệu Word", "Excel");
	}

	@Test
	@DisplayName("an empty file")
	void empty() {
		refused("rong.xlsx", new byte[0], "rỗng");
	}

	@Test
	@DisplayName("a password-protected workbook cannot be read and says how to remove the password")
	void passwordProtected() throws Exception {
		byte[] xlsx = SamplePlanImportTest.sample("mau-phu-luc-nhiem-vu.xlsx");
		POIFSFileSystem fs = new POIFSFileSystem();
		Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
		enc.confirmPassword("MatKhau@2026");
		try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(xlsx)); OutputStream os = enc.getDataStream(fs)) {
			opc.save(os);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		fs.writeFilesystem(out);
		fs.close();
		refused("co-mat-khau.xlsx", out.toByteArray(), "đặt mật khẩu", "gỡ mật khẩu");
	}

	@Test
	@DisplayName("a Word 97–2003 file is refused with how to save it as .docx")
	void legacyWord() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			fs.createDocument(new ByteArrayInputStream(new byte[512]), "WordDocument");
			fs.writeFilesystem(out);
		}
		refused("cu.doc", out.toByteArray(), "Word 97–2003", ".docx");
	}

	@Test
	@DisplayName("a document without any task table")
	void noTable() {
		byte[] doc = TestDocs.docx(List.of("KẾ HOẠCH", "Chỉ có phần lời, chưa có phụ lục."), List.of());
		refused("khong-bang.docx", doc, "Không tìm thấy bảng danh mục nhiệm vụ");
	}

	@Test
	@DisplayName("a file cut short in transfer")
	void truncated() throws IOException {
		byte[] doc = sampleDocx();
		refused("cut.docx", Arrays.copyOf(doc, doc.length * 2 / 3), "bị hỏng hoặc không trọn vẹn");
		byte[] xlsx = SamplePlanImportTest.sample("mau-phu-luc-nhiem-vu.xlsx");
		refused("cut.xlsx", Arrays.copyOf(xlsx, xlsx.length / 2), "bị hỏng hoặc không trọn vẹn");
	}

	@Test
	@DisplayName("a file larger than the limit is refused before it is opened")
	void tooLarge() {
		byte[] big = new byte[(int) intake.maxBytes() + 1];
		refused("lon.xlsx", big, "vượt quá", "MB");
	}

	@Test
	@DisplayName("a zip bomb: a small file whose document expands a thousandfold is refused before it is expanded")
	void zipBomb() throws IOException {
		byte[] bomb = withHugePart(sampleDocx(), "word/document.xml",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>",
				"</w:t></w:r></w:p></w:body></w:document>");
		assertThat(bomb.length).isLessThan(1024 * 1024);
		refused("bom.docx", bomb, "zip bomb");
		byte[] sheetBomb = withHugePart(SamplePlanImportTest.sample("mau-phu-luc-nhiem-vu.xlsx"), "xl/sharedStrings.xml",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>",
				"</t></si></sst>");
		refused("bom.xlsx", sheetBomb, "zip bomb");
	}

	/** The same package with one part replaced by 80 MB of one repeated character (about 80 KB compressed). */
	static byte[] withHugePart(byte[] original, String part, String head, String tail) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(original));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(9);
			ZipEntry e;
			while ((e = in.getNextEntry()) != null) {
				zip.putNextEntry(new ZipEntry(e.getName()));
				if (e.getName().equals(part)) {
					zip.write(head.getBytes(StandardCharsets.UTF_8));
					byte[] chunk = new byte[1024 * 1024];
					Arrays.fill(chunk, (byte) 'a');
					for (int i = 0; i < 80; i++) {
						zip.write(chunk);
					}
					zip.write(tail.getBytes(StandardCharsets.UTF_8));
				}
				else {
					in.transferTo(zip);
				}
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}
}
