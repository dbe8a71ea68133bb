package vn.nq57.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextRulesTest {

	@Test
	void plainVietnameseTextAndComparisonsPass() {
		assertThatCode(() -> TextRules.requireSafe("Tỷ lệ hồ sơ < 5 ngày và > 2 ngày", null, "Đạt 99,30% (< 100%)"))
			.doesNotThrowAnyException();
		assertThat(TextRules.firstUnsafe("Sở Khoa học và Công nghệ", "")).isNull();
	}

	@Test
	void theFirstValueWithMarkupOrScriptIsRefusedInVietnamese() {
		assertThatThrownBy(() -> TextRules.requireSafe("Báo cáo", "<script>alert(1)</script>", "<b>x</b>"))
			.isInstanceOf(DomainException.class)
			.hasMessage("Nội dung “<script>alert(1)</script>” " + TextRules.MESSAGE);
		assertThatThrownBy(() -> TextRules.requireSafe("javascript:alert(1)")).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> TextRules.requireSafe("<img src=x onerror=alert(1)>")).isInstanceOf(DomainException.class);
	}
}
