package vn.nq57.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The near-duplicate measure against what a person reads in the samples: the sample plan's rows were taken
 * from the notices 000 and 001, and II.2/II.3 repeat each other; every one of those pairs must be found, and
 * no other pair among the 16 rows and the 41 candidates of notices 000, 001 and 002.
 */
class SimilarityTest {

	/** The pairs that are one task (notice candidates are numbered in their order, e.g. 001.6). */
	static final Set<String> SAME = Set.of("001.14|S.III.5", "001.6|S.I.2", "001.13|S.III.2", "001.7|S.I.4",
			"000.3|S.II.2", "000.9|S.III.3", "001.15|S.III.?", "000.2|S.II.1", "000.3|S.II.3", "000.1|S.I.1",
			"000.8|S.III.1", "S.II.2|S.II.3", "001.10|S.I.3", "000.4|S.II.4");

	@Test
	@DisplayName("every pair that is one task in other words is found, and no pair that is not")
	void separatesTheSamples() throws Exception {
		Map<String, String> texts = texts();
		assertThat(texts).hasSize(16 + 13 + 16 + 12);
		List<String> keys = new ArrayList<>(texts.keySet());
		List<String> missed = new ArrayList<>();
		List<String> wrong = new ArrayList<>();
		for (int a = 0; a < keys.size(); a++) {
			for (int b = a + 1; b < keys.size(); b++) {
				String pair = keys.get(a) + "|" + keys.get(b);
				String reverse = keys.get(b) + "|" + keys.get(a);
				boolean same = SAME.contains(pair) || SAME.contains(reverse);
				double s = Similarity.of(texts.get(keys.get(a)), texts.get(keys.get(b)));
				if (same && s < Similarity.NEAR_DUPLICATE) {
					missed.add(pair + " " + s);
				}
				if (!same && s >= Similarity.NEAR_DUPLICATE) {
					wrong.add(pair + " " + s);
				}
			}
		}
		assertThat(missed).as("pairs that are one task but were not found").isEmpty();
		assertThat(wrong).as("pairs reported although they are different tasks").isEmpty();
	}

	@Test
	@DisplayName("abbreviations and accents do not matter; a very short text is not judged")
	void normalisation() {
		assertThat(Similarity.of("Đề xuất UBND tỉnh cơ chế hỗ trợ doanh nghiệp KCN",
				"De xuat Uy ban nhan dan tinh co che ho tro doanh nghiep khu cong nghiep")).isEqualTo(1.0);
		assertThat(Similarity.of("Báo cáo", "Báo cáo tháng")).isZero();
		assertThat(Similarity.of("Kế hoạch", "Kế hoạch")).isEqualTo(1.0);
	}

	static Map<String, String> texts() throws Exception {
		AgencyMatcher m = RegistryFixture.matcher();
		Map<String, String> out = new LinkedHashMap<>();
		for (String n : new String[] { "000", "001", "002" }) {
			try (InputStream in = SimilarityTest.class.getResourceAsStream("/samples/thong-bao-" + n + ".txt")) {
				String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				int k = 1;
				for (DraftRow r : NoticeParser.parse(NoticeParser.paragraphs(text), m).rows()) {
					out.put(n + "." + k++, r.title());
				}
			}
		}
		byte[] sample = SamplePlanImportTest.sample("mau-phu-luc-nhiem-vu.docx");
		for (DraftRow r : AppendixReader.read(OfficeFiles.docxTables(sample, "s.docx"), "s.docx").rows()) {
			if (!r.group()) {
				out.put("S." + r.groupCode() + "." + (r.stt() == null ? "?" : r.stt()), r.title());
			}
		}
		return out;
	}
}
