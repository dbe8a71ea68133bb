package vn.nq57.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodTest {

	@ParameterizedTest(name = "“{0}” is {1} {2}–{3}, “{4}”")
	@CsvSource(delimiter = '|', textBlock = """
			# typed                 | kind      | start      | end        | label                 | short     | code
			Quý III/2026            | QUARTER   | 2026-07-01 | 2026-09-30 | Quý III/2026          | III/2026  | 2026-Q3
			quý iii/2026            | QUARTER   | 2026-07-01 | 2026-09-30 | Quý III/2026          | III/2026  | 2026-Q3
			Quy III/2026            | QUARTER   | 2026-07-01 | 2026-09-30 | Quý III/2026          | III/2026  | 2026-Q3
			Quí 3 năm 2026          | QUARTER   | 2026-07-01 | 2026-09-30 | Quý III/2026          | III/2026  | 2026-Q3
			Q4/2026                 | QUARTER   | 2026-10-01 | 2026-12-31 | Quý IV/2026           | IV/2026   | 2026-Q4
			2026-Q1                 | QUARTER   | 2026-01-01 | 2026-03-31 | Quý I/2026            | I/2026    | 2026-Q1
			Quý IV năm 2025         | QUARTER   | 2025-10-01 | 2025-12-31 | Quý IV/2025           | IV/2025   | 2025-Q4
			6 tháng đầu năm 2026    | HALF_YEAR | 2026-01-01 | 2026-06-30 | 6 tháng đầu năm 2026  | H1/2026   | 2026-H1
			6 THÁNG CUỐI NĂM 2026   | HALF_YEAR | 2026-07-01 | 2026-12-31 | 6 tháng cuối năm 2026 | H2/2026   | 2026-H2
			6 thang cuoi nam 2026   | HALF_YEAR | 2026-07-01 | 2026-12-31 | 6 tháng cuối năm 2026 | H2/2026   | 2026-H2
			nửa đầu năm 2026        | HALF_YEAR | 2026-01-01 | 2026-06-30 | 6 tháng đầu năm 2026  | H1/2026   | 2026-H1
			H2/2026                 | HALF_YEAR | 2026-07-01 | 2026-12-31 | 6 tháng cuối năm 2026 | H2/2026   | 2026-H2
			tháng 10/2026           | MONTH     | 2026-10-01 | 2026-10-31 | Tháng 10/2026         | 10/2026   | 2026-10
			Tháng 02 năm 2028       | MONTH     | 2028-02-01 | 2028-02-29 | Tháng 2/2028          | 02/2028   | 2028-02
			T12/2025                | MONTH     | 2025-12-01 | 2025-12-31 | Tháng 12/2025         | 12/2025   | 2025-12
			10/2026                 | MONTH     | 2026-10-01 | 2026-10-31 | Tháng 10/2026         | 10/2026   | 2026-10
			2026-03                 | MONTH     | 2026-03-01 | 2026-03-31 | Tháng 3/2026          | 03/2026   | 2026-03
			Năm 2026                | YEAR      | 2026-01-01 | 2026-12-31 | Năm 2026              | 2026      | 2026
			2026.                   | YEAR      | 2026-01-01 | 2026-12-31 | Năm 2026              | 2026      | 2026
			ngày 22/11/2026         | DAY       | 2026-11-22 | 2026-11-22 | 22/11/2026            | 22/11/2026 | 2026-11-22
			2026-11-22              | DAY       | 2026-11-22 | 2026-11-22 | 22/11/2026            | 22/11/2026 | 2026-11-22
			""")
	@DisplayName("a period written as people write it: any case, with or without accents, Roman or Arabic quarters")
	void parses(String typed, PeriodKind kind, LocalDate start, LocalDate end, String label, String shortLabel,
			String code) {
		Period p = Period.parse(typed);
		assertThat(p.kind()).isEqualTo(kind);
		assertThat(p.start()).isEqualTo(start);
		assertThat(p.end()).isEqualTo(end);
		assertThat(p.label()).isEqualTo(label);
		assertThat(p.shortLabel()).isEqualTo(shortLabel);
		assertThat(p.code()).isEqualTo(code);
		assertThat(Period.parse(p.label())).isEqualTo(p);
		assertThat(Period.parse(p.code())).isEqualTo(p);
		assertThat(Period.ofCode(kind, code)).isEqualTo(p);
	}

	@ParameterizedTest(name = "{0} {1}: “{2}” in Vietnamese, “{3}” in English")
	@CsvSource(delimiter = '|', textBlock = """
			# kind    | start      | vi                    | en
			MONTH     | 2026-10-01 | Tháng 10/2026         | October 2026
			MONTH     | 2027-01-01 | Tháng 1/2027          | January 2027
			QUARTER   | 2026-07-01 | Quý III/2026          | Q3/2026
			QUARTER   | 2026-01-01 | Quý I/2026            | Q1/2026
			HALF_YEAR | 2026-01-01 | 6 tháng đầu năm 2026  | H1 2026
			HALF_YEAR | 2026-07-01 | 6 tháng cuối năm 2026 | H2 2026
			YEAR      | 2026-01-01 | Năm 2026              | Year 2026
			DAY       | 2026-11-22 | 22/11/2026            | 22/11/2026
			""")
	@DisplayName("a period named in the page's language; the stored label stays the Vietnamese one")
	void labelInALanguage(PeriodKind kind, LocalDate start, String vi, String en) {
		Period p = new Period(kind, start);
		assertThat(p.label()).isEqualTo(vi);
		assertThat(p.label(java.util.Locale.forLanguageTag("vi"))).isEqualTo(vi);
		assertThat(p.label(null)).isEqualTo(vi);
		assertThat(p.label(java.util.Locale.ENGLISH)).isEqualTo(en);
		assertThat(p.label(java.util.Locale.forLanguageTag("en-GB"))).isEqualTo(en);
		assertThat(Period.relabel(vi, java.util.Locale.ENGLISH)).isEqualTo(en);
		assertThat(Period.relabel(vi, java.util.Locale.forLanguageTag("vi"))).isEqualTo(vi);
	}

	@Test
	void aStoredLabelThatNamesNoPeriodIsShownAsItIs() {
		assertThat(Period.relabel("Đợt 2 (bổ sung)", java.util.Locale.ENGLISH)).isEqualTo("Đợt 2 (bổ sung)");
		assertThat(Period.relabel(null, java.util.Locale.ENGLISH)).isNull();
		assertThat(Period.relabel("", java.util.Locale.ENGLISH)).isEmpty();
	}

	@ParameterizedTest(name = "“{0}” in a document of {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			6 tháng đầu năm  | 2026 | 2026-H1
			6 tháng cuối năm | 2026 | 2026-H2
			Quý III          | 2027 | 2027-Q3
			tháng 10         | 2026 | 2026-10
			""")
	@DisplayName("a period written without its year falls in the year the document is about")
	void withoutYear(String typed, int year, String code) {
		assertThat(Period.parse(typed, year).code()).isEqualTo(code);
		assertThatThrownBy(() -> Period.parse(typed)).isInstanceOf(Period.Unreadable.class);
	}

	@ParameterizedTest(name = "“{0}” is refused: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Quý V/2026      | một năm chỉ có Quý I đến Quý IV
			2026-Q0         | một năm chỉ có Quý I đến Quý IV
			13/2026         | tháng phải từ 1 đến 12
			Tháng 0/2026    | tháng phải từ 1 đến 12
			2026-H3         | chỉ có 6 tháng đầu năm và 6 tháng cuối năm
			10/1890         | năm phải từ 2000 đến 2100
			Năm 2200        | năm phải từ 2000 đến 2100
			31/02/2026      | không có ngày 31/02/2026
			""")
	@DisplayName("a period that cannot exist is refused with the reason")
	void impossible(String typed, String reason) {
		assertThatThrownBy(() -> Period.parse(typed)).isInstanceOf(IllegalArgumentException.class)
			.isNotInstanceOf(Period.Unreadable.class)
			.hasMessageContaining(reason);
	}

	@ParameterizedTest(name = "“{0}” names no period")
	@CsvSource(delimiter = '|', textBlock = """
			năm ngoái
			abc
			Thường xuyên
			''
			2026 - 2030
			""")
	void unreadable(String typed) {
		assertThatThrownBy(() -> Period.parse(typed)).isInstanceOf(Period.Unreadable.class)
			.hasMessageContaining("Không hiểu kỳ");
	}

	@ParameterizedTest(name = "the {0} containing {1}: {2}, previous {3}, next {4}")
	@CsvSource(delimiter = '|', textBlock = """
			MONTH     | 2026-02-14 | Tháng 2/2026          | Tháng 1/2026          | Tháng 3/2026
			MONTH     | 2026-01-31 | Tháng 1/2026          | Tháng 12/2025         | Tháng 2/2026
			QUARTER   | 2026-11-22 | Quý IV/2026           | Quý III/2026          | Quý I/2027
			QUARTER   | 2026-01-01 | Quý I/2026            | Quý IV/2025           | Quý II/2026
			HALF_YEAR | 2026-06-30 | 6 tháng đầu năm 2026  | 6 tháng cuối năm 2025 | 6 tháng cuối năm 2026
			HALF_YEAR | 2026-07-01 | 6 tháng cuối năm 2026 | 6 tháng đầu năm 2026  | 6 tháng đầu năm 2027
			YEAR      | 2026-11-22 | Năm 2026              | Năm 2025              | Năm 2027
			DAY       | 2026-12-31 | 31/12/2026            | 30/12/2026            | 01/01/2027
			""")
	@DisplayName("the period containing a day, the one before and the one after")
	void containingNextPrevious(PeriodKind kind, LocalDate day, String label, String previous, String next) {
		Period p = Period.containing(kind, day);
		assertThat(p.contains(day)).isTrue();
		assertThat(p.label()).isEqualTo(label);
		assertThat(p.previous().label()).isEqualTo(previous);
		assertThat(p.next().label()).isEqualTo(next);
		assertThat(p.next().previous()).isEqualTo(p);
		assertThat(p.previous().end().plusDays(1)).isEqualTo(p.start());
		assertThat(Period.of(kind, p.year(), p.index())).isEqualTo(p);
	}

	@Test
	@DisplayName("a quarter is numbered I to IV and a period must start where its kind starts")
	void romanAndAlignment() {
		assertThat(Period.roman(3)).isEqualTo("III");
		assertThat(Period.quarterNumber("iv")).isEqualTo(4);
		assertThat(Period.quarterNumber("V")).isZero();
		assertThatThrownBy(() -> new Period(PeriodKind.QUARTER, LocalDate.of(2026, 2, 1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Period.of(PeriodKind.QUARTER, 2026, 5)).hasMessageContaining("Kỳ 5");
		assertThat(Period.ofCode(PeriodKind.MONTH, "2026-3")).isNull();
		assertThat(Period.ofCode(PeriodKind.YEAR, "2026-03")).isNull();
		assertThat(Period.ofCode(PeriodKind.QUARTER, "abc")).isNull();
	}
}
