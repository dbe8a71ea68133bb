package vn.nq57.intake;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ScratchTest {

	@Test
	void dump() throws Exception {
		for (String f : new String[] { "mau-phu-luc-nhiem-vu.docx", "mau-phu-luc-nhiem-vu.xlsx" }) {
			byte[] data = Files.readAllBytes(Path.of("src/test/resources/samples", f));
			OfficeFiles.Format fmt = OfficeFiles.detect(data, f);
			var grids = fmt == OfficeFiles.Format.DOCX ? OfficeFiles.docxTables(data, f) : OfficeFiles.sheets(data, fmt, f);
			var a = AppendixReader.read(grids, f);
			System.out.println(f + " " + a.tableName() + " " + a.columns() + " caption=" + a.caption());
			a.rows().forEach(r -> System.out.println("  " + r));
		}
		AgencyMatcher m = RegistryFixture.matcher();
		for (String n : new String[] { "thong-bao-000.txt", "thong-bao-001.txt", "thong-bao-002.txt" }) {
			String text = Files.readString(Path.of("src/test/resources/samples", n));
			var res = NoticeParser.parse(NoticeParser.paragraphs(text), m);
			System.out.println(n + " title=" + res.title() + " date=" + res.date() + " issuer=" + res.issuer());
			res.rows().forEach(r -> System.out.println("  [" + r.source() + "] lead=" + r.leads() + " head=" + r.accountableHead()
					+ " coord=" + r.coordinators() + " dl=" + r.deadline() + " :: " + IntakeAnalyzer.abbreviate(r.title(), 110)));
		}
	}
}
