package vn.nq57.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VnTextTest {

	@ParameterizedTest(name = "“{0}” folds to “{1}”")
	@CsvSource(delimiter = '|', textBlock = """
			Sở Khoa học và Công nghệ           | so khoa hoc va cong nghe
			SỞ KHOA HỌC VÀ CÔNG NGHỆ           | so khoa hoc va cong nghe
			So khoa hoc va cong nghe           | so khoa hoc va cong nghe
			Đặc khu Lý Sơn                     | dac khu ly son
			'  Quảng   Ngãi  '                 | quang ngai
			Sở KH&CN                           | so kh&cn
			6 tháng đầu năm 2026               | 6 thang dau nam 2026
			Quý III/2026                       | quy iii/2026
			chuyển đổi số, đổi mới sáng tạo.   | chuyen doi so, doi moi sang tao.
			''                                 | ''
			""")
	@DisplayName("folding ignores case, accents, đ/Đ and extra spaces, and keeps punctuation")
	void folds(String text, String folded) {
		assertThat(VnText.fold(text)).isEqualTo(folded);
	}

	@Test
	@DisplayName("a name typed decomposed (NFD, as macOS sends it) or with non-breaking spaces folds like the same name typed on Windows")
	void decomposedAndNonBreaking() {
		String nfd = Normalizer.normalize("Sở Tài chính", Normalizer.Form.NFD);
		assertThat(VnText.fold(nfd)).isEqualTo(VnText.fold("Sở Tài chính")).isEqualTo("so tai chinh");
		assertThat(VnText.fold("Sở\u00a0Tài\u2009chính\t")).isEqualTo("so tai chinh");
		assertThat(VnText.fold(null)).isEmpty();
	}

	@Test
	@DisplayName("the stored form is composed and stripped; nothing stays nothing")
	void nfc() {
		String nfd = Normalizer.normalize(" Sở Nội vụ ", Normalizer.Form.NFD);
		assertThat(VnText.nfc(nfd)).isEqualTo("Sở Nội vụ");
		assertThat(VnText.nfc(null)).isNull();
	}

	@ParameterizedTest(name = "“{0}” typed with accents: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			chuyển đổi số | true
			đi            | true
			Đ             | true
			chuyen doi so | false
			KHCN, IoT     | false
			""")
	void marks(String text, boolean marked) {
		assertThat(VnText.hasMarks(text)).isEqualTo(marked);
	}

	@ParameterizedTest(name = "“{0}” and “{1}” read alike: “{2}”")
	@CsvSource(delimiter = '|', textBlock = """
			# old placement  | new placement | the one form compared
			hoà              | hòa           | hòa
			Văn hoá          | Văn hóa       | Văn hóa
			HOÀ              | HÒA           | HÒA
			thuỷ lợi         | thủy lợi      | thủy lợi
			Thuỷ             | Thủy          | Thủy
			THUỶ             | THỦY          | THỦY
			khoẻ             | khỏe          | khỏe
			tuỳ              | tùy           | tùy
			qúy II           | quý II        | quý II
			QÚY              | QUÝ           | QUÝ
			Qúy              | Quý           | Quý
			qủa              | quả           | quả
			hoàn thành       | hoàn thành    | hoàn thành
			toán             | toán          | toán
			khuỷu            | khuỷu         | khuỷu
			quỹ              | quỹ           | quỹ
			""")
	@DisplayName("old and new tone placement, and the mark misplaced on the u of “qu”, compare as one; closed syllables are left alone")
	void tonePlacement(String old, String modern, String canonical) {
		assertThat(VnText.tones(old)).isEqualTo(canonical);
		assertThat(VnText.tones(modern)).isEqualTo(canonical);
		assertThat(VnText.tones(old)).hasSameSizeAs(old);
		assertThat(VnText.fold(old)).isEqualTo(VnText.fold(modern));
	}
}
