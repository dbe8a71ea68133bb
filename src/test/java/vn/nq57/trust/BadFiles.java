package vn.nq57.trust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Generated malformed uploads: each a name, bytes, and what is wrong with it. */
final class BadFiles {

	record Bad(String what, String name, byte[] data) {
	}

	private BadFiles() {
	}

	static byte[] docx() {
		try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			d.createParagraph().createRun().setText("Báo cáo kết quả thực hiện nhiệm vụ");
			d.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static byte[] xlsx() {
		try (XSSFWorkbook w = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			w.createSheet("Số liệu").createRow(0).createCell(0).setCellValue("Tỷ lệ");
			w.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A zip with the given entries (name, content); {@code stored} entries are not compressed. */
	static byte[] zip(Object... nameAndContent) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (int i = 0; i < nameAndContent.length; i += 2) {
				zip.putNextEntry(new ZipEntry((String) nameAndContent[i]));
				Object c = nameAndContent[i + 1];
				zip.write(c instanceof byte[] b ? b : c.toString().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
			zip.finish();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A Word document whose body part inflates to {@code megabytes} MB of zeros (a "zip bomb"). */
	static byte[] bomb(int megabytes) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write(CONTENT_TYPES_DOCX.getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			byte[] mb = new byte[1024 * 1024];
			for (int i = 0; i < megabytes; i++) {
				zip.write(mb);
			}
			zip.closeEntry();
			zip.finish();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static final String CONTENT_TYPES_DOCX = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas."
			+ "openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\""
			+ "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

	static final String CONTENT_TYPES_DOCM = CONTENT_TYPES_DOCX.replace("wordprocessingml.document.main+xml",
			"ms-word.document.macroEnabled.main+xml");

	static byte[] ole2(String... entries) {
		try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (String e : entries) {
				if (e.endsWith("/")) {
					fs.createDirectory(e.substring(0, e.length() - 1)).createDocument("dir", new java.io.ByteArrayInputStream(new byte[64]));
				}
				else {
					fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), e);
				}
			}
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static byte[] many(int entries) {
		Object[] parts = new Object[entries * 2];
		for (int i = 0; i < entries; i++) {
			parts[2 * i] = i == 0 ? "word/document.xml" : "word/media/p" + i + ".xml";
			parts[2 * i + 1] = "<x/>";
		}
		return zip(parts);
	}

	/** Every kind of bad file the fault test sends to every upload endpoint. */
	static List<Bad> all() {
		byte[] docx = docx();
		byte[] xlsx = xlsx();
		Random random = new Random(57);
		byte[] noise = new byte[20_000];
		random.nextBytes(noise);
		byte[] big = new byte[50 * 1024 * 1024];
		System.arraycopy("%PDF-1.4\n".getBytes(), 0, big, 0, 9);
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
		String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
				+ "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><l>&d;&d;&d;</l>";
		List<Bad> list = new ArrayList<>(List.of(
				new Bad("empty", "rong.pdf", new byte[0]),
				new Bad("random bytes named .pdf", "ngau-nhien.pdf", noise),
				new Bad("random bytes named .docx", "ngau-nhien.docx", noise),
				new Bad("truncated PDF", "cat-cut.pdf", "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n2 0 obj<<".getBytes()),
				new Bad("truncated docx", "cat-cut.docx", Arrays.copyOf(docx, docx.length / 2)),
				new Bad("truncated xlsx", "cat-cut.xlsx", Arrays.copyOf(xlsx, xlsx.length * 2 / 3)),
				new Bad("zip bomb", "bom-nen.docx", bomb(300)),
				new Bad("3000 zip entries", "nhieu-phan.docx", many(3000)),
				new Bad("plain zip named .docx", "nen.docx", zip("a.txt", "xin chào")),
				new Bad("XML with an external entity", "xxe.xml", xxe.getBytes()),
				new Bad("XML with an external entity named .docx", "xxe.docx", xxe.getBytes()),
				new Bad("docx with an external entity", "xxe-trong.docx",
						zip("[Content_Types].xml", CONTENT_TYPES_DOCX, "word/document.xml", xxe)),
				new Bad("docx with entity expansion", "billion-laughs.docx",
						zip("[Content_Types].xml", CONTENT_TYPES_DOCX, "word/document.xml", laughs)),
				new Bad("docm renamed .docx", "macro.docx", zip("[Content_Types].xml", CONTENT_TYPES_DOCM,
						"word/document.xml", "<w:document/>", "word/vbaProject.bin", new byte[] { 1, 2, 3 })),
				new Bad("xlsm renamed .xlsx", "macro.xlsx", zip("[Content_Types].xml", CONTENT_TYPES_DOCX.replace(
						"wordprocessingml.document.main+xml", "ms-excel.sheet.macroEnabled.main+xml"), "xl/workbook.xml",
						"<workbook/>", "xl/vbaProject.bin", new byte[] { 1, 2, 3 })),
				new Bad("docm by name", "bao-cao.docm", docx),
				new Bad(".doc with a macro storage", "macro.doc", ole2("WordDocument", "Macros/")),
				new Bad("encrypted Office file", "mat-khau.docx", ole2("EncryptionInfo", "EncryptedPackage")),
				new Bad("truncated PNG", "anh.png", Arrays.copyOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13,
						'I', 'H', 'D', 'R', 0, 0, 0, 1 }, 20)),
				new Bad("truncated JPEG", "anh.jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J',
						'F', 'I', 'F', 0, 1, 1, 0, 0, 1 }),
				new Bad("a program named .pdf", "chuong-trinh.pdf", ("MZ\u0090\u0000" + "This program cannot be run in DOS mode")
					.getBytes(StandardCharsets.ISO_8859_1)),
				new Bad("HTML named .docx", "trang.docx", "<html><script>alert(1)</script></html>".getBytes()),
				new Bad("SVG with script named .png", "anh.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
					.getBytes()),
				new Bad("xlsx content named .docx", "bang-tinh.docx", xlsx),
				new Bad("50 MB file", "lon.pdf", big),
				new Bad("Windows-1258 text", "danh-muc.csv", "code,name\nSTC,Sở Tài chính\n".getBytes(Charset.forName("windows-1258"))),
				new Bad("UTF-16 text without a mark", "danh-muc.csv", "code,name\nSTC,Sở Tài chính\n".getBytes(StandardCharsets.UTF_16LE)),
				new Bad("NUL bytes", "nul.csv", new byte[] { 'a', 0, 0, 0, 'b', '\n', 0 })));
		return list;
	}

	static long crc(byte[] data) {
		CRC32 c = new CRC32();
		c.update(data);
		return c.getValue();
	}
}
