package vn.nq57.deadline;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DeadlineParserTest {

	private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	@ParameterizedTest(name = "“{0}” is due {1} (precision {2})", quoteTextArguments = false)
	@DisplayName("A fixed deadline is due on the last day of the period it names")
	@CsvSource(delimiter = '|', textBlock = """
			10/4/2026                                | 10/04/2026 | DAY
			ngày 10/4/2026                           | 10/04/2026 | DAY
			trong ngày 10/4/2026                     | 10/04/2026 | DAY
			hoàn thành trong ngày 10/4/2026          | 10/04/2026 | DAY
			Hoàn thành trong ngày 10/4/2026.         | 10/04/2026 | DAY
			10-4-2026                                | 10/04/2026 | DAY
			10.4.2026                                | 10/04/2026 | DAY
			10 / 4 / 2026                            | 10/04/2026 | DAY
			ngày 10 tháng 4 năm 2026                 | 10/04/2026 | DAY
			Ngày 10 tháng 4, năm 2026                | 10/04/2026 | DAY
			ngày 05/01/2027                          | 05/01/2027 | DAY
			29/02/2028                               | 29/02/2028 | DAY
			Đến hết ngày 31/12/2026                  | 31/12/2026 | DAY
			trước ngày 01/6/2026                     | 31/05/2026 | DAY
			trước 01/6/2026                          | 31/05/2026 | DAY
			Trước ngày 01/01/2027                    | 31/12/2026 | DAY
			Chậm nhất trước ngày 01/03/2028          | 29/02/2028 | DAY
			6/2026                                   | 30/06/2026 | MONTH
			02/2027                                  | 28/02/2027 | MONTH
			Tháng 9/2026                             | 30/09/2026 | MONTH
			tháng 09 năm 2026                        | 30/09/2026 | MONTH
			Trong tháng 9/2026                       | 30/09/2026 | MONTH
			Tháng 2-2028                             | 29/02/2028 | MONTH
			trước tháng 6/2026                       | 31/05/2026 | MONTH
			tháng 6-9/2026                           | 30/09/2026 | MONTH
			Quý III/2026                             | 30/09/2026 | QUARTER
			Quý 3/2026                               | 30/09/2026 | QUARTER
			quý III năm 2026                         | 30/09/2026 | QUARTER
			QUÝ iii / 2026                           | 30/09/2026 | QUARTER
			Quý IV/2026                              | 31/12/2026 | QUARTER
			Quý I/2027                               | 31/03/2027 | QUARTER
			Quý II năm 2027                          | 30/06/2027 | QUARTER
			Quí II/2026                              | 30/06/2026 | QUARTER
			Trong Quý III/2026;                      | 30/09/2026 | QUARTER
			Quý III và IV/2026                       | 31/12/2026 | QUARTER
			trước Quý III/2026                       | 30/06/2026 | QUARTER
			6 tháng đầu năm 2026                     | 30/06/2026 | HALF_YEAR
			6 tháng cuối năm 2026                    | 31/12/2026 | HALF_YEAR
			06 tháng đầu năm 2027                    | 30/06/2027 | HALF_YEAR
			Nửa đầu năm 2026                         | 30/06/2026 | HALF_YEAR
			Năm 2026                                 | 31/12/2026 | YEAR
			2026                                     | 31/12/2026 | YEAR
			Trong năm 2026                           | 31/12/2026 | YEAR
			Cuối năm 2027                            | 31/12/2027 | YEAR
			trước năm 2027                           | 31/12/2026 | YEAR
			Giai đoạn 2026 - 2030                    | 31/12/2030 | YEAR
			Từ 01/3/2026 đến 30/6/2026               | 30/06/2026 | DAY
			Tháng 6/2026 (sơ kết); Quý IV/2026       | 31/12/2026 | QUARTER
			Quý II/2026, hoàn thành trước 15/8/2026  | 14/08/2026 | DAY
			Trước 30/6/2026 và trước 31/12/2026      | 30/12/2026 | DAY
			Quyết định 1234 ngày 05/6/2026           | 05/06/2026 | DAY
			""")
	void fixedDeadlines(String phrase, String due, DeadlinePrecision precision) {
		DeadlineSpec spec = DeadlineParser.parse(phrase);
		assertAll(() -> assertEquals(DeadlineKind.DATE, spec.kind(), spec::toString),
				() -> assertTrue(spec.isDate()), () -> assertEquals(date(due), spec.dueDate()),
				() -> assertEquals(precision, spec.precision()), () -> assertNull(spec.recurrence()),
				() -> assertNull(spec.problem()), () -> assertEquals(phrase, spec.phrase()));
	}

	@ParameterizedTest(name = "“{0}” repeats {1}", quoteTextArguments = false)
	@DisplayName("A recurring deadline repeats every month, quarter, half-year or year")
	@CsvSource(delimiter = '|', textBlock = """
			Hằng năm                      | YEARLY
			Hàng năm                      | YEARLY
			hằng năm.                     | YEARLY
			Định kỳ hằng năm              | YEARLY
			Mỗi năm                       | YEARLY
			01 lần/năm                    | YEARLY
			Hằng năm hoặc đột xuất        | YEARLY
			hằng quý                      | QUARTERLY
			hàng quý                      | QUARTERLY
			Định kỳ hằng quý              | QUARTERLY
			Định kỳ hàng quý              | QUARTERLY
			HẰNG QUÝ                      | QUARTERLY
			1 lần/quý                     | QUARTERLY
			hằng tháng                    | MONTHLY
			Hàng tháng                    | MONTHLY
			Định kỳ hằng tháng            | MONTHLY
			định kỳ 6 tháng               | HALF_YEARLY
			Định kỳ 06 tháng              | HALF_YEARLY
			định kỳ hàng 6 tháng          | HALF_YEARLY
			Hằng 6 tháng                  | HALF_YEARLY
			6 tháng/lần                   | HALF_YEARLY
			6 tháng một lần               | HALF_YEARLY
			Định kỳ 6 tháng và đột xuất   | HALF_YEARLY
			""")
	void recurringDeadlines(String phrase, Recurrence recurrence) {
		DeadlineSpec spec = DeadlineParser.parse(phrase);
		assertAll(() -> assertEquals(DeadlineKind.RECURRING, spec.kind(), spec::toString),
				() -> assertTrue(spec.isRecurring()), () -> assertEquals(recurrence, spec.recurrence()),
				() -> assertNull(spec.dueDate()), () -> assertNull(spec.precision()), () -> assertNull(spec.problem()));
	}

	@ParameterizedTest(name = "“{0}” is ongoing, never due", quoteTextArguments = false)
	@DisplayName("Thường xuyên: ongoing")
	@ValueSource(strings = { "Thường xuyên", "thường xuyên", "THƯỜNG XUYÊN", "Thường xuyên.", "Thường xuyên, liên tục",
			"Thường xuyên; báo cáo trước 15/12/2026", "Liên tục", "Thực hiện thường xuyên" })
	void ongoingDeadlines(String phrase) {
		assertKindOnly(DeadlineParser.parse(phrase), DeadlineKind.ONGOING);
		assertTrue(DeadlineParser.parse(phrase).isOngoing());
	}

	@ParameterizedTest(name = "“{0}” waits for its trigger", quoteTextArguments = false)
	@DisplayName("Sau khi …, Theo lộ trình …: conditional")
	@ValueSource(strings = { "Sau khi có văn bản của Trung ương", "Sau khi Đề án được ban hành",
			"Sau khi có Quyết định của Thủ tướng Chính phủ", "Theo lộ trình Trung ương",
			"Sau khi Bộ Khoa học và Công nghệ ban hành hướng dẫn", "Theo hướng dẫn của Bộ Nội vụ",
			"sau khi có hướng dẫn", "SAU KHI CÓ VĂN BẢN CỦA TRUNG ƯƠNG", "Ngay sau khi Kế hoạch được phê duyệt",
			"Sau khi có Quyết định của Thủ tướng Chính phủ, trước 30/6/2026", "Theo lộ trình, hằng năm" })
	void conditionalDeadlines(String phrase) {
		DeadlineSpec spec = DeadlineParser.parse(phrase);
		assertKindOnly(spec, DeadlineKind.CONDITIONAL);
		assertTrue(spec.isConditional());
	}

	@ParameterizedTest(name = "[{index}] “{0}” has no deadline", quoteTextArguments = false)
	@DisplayName("An empty cell or a dash: no deadline")
	@NullAndEmptySource
	@ValueSource(strings = { " ", "   \t  ", "\u00A0", "-", " - ", "–", "—", "--" })
	void noDeadline(String phrase) {
		DeadlineSpec spec = DeadlineParser.parse(phrase);
		assertKindOnly(spec, DeadlineKind.NONE);
		assertTrue(spec.isNone());
		assertEquals(phrase == null ? "" : phrase.strip().replace("\u00A0", ""), spec.phrase());
	}

	@ParameterizedTest(name = "“{0}” cannot be read: {1}", quoteTextArguments = false)
	@DisplayName("Impossible or unknown deadlines are flagged with the reason in Vietnamese")
	@CsvSource(delimiter = '|', textBlock = """
			31/02/2026                   | Ngày 31/02/2026 không tồn tại
			ngày 29/2/2026               | Ngày 29/02/2026 không tồn tại
			32/1/2026                    | Ngày 32/01/2026 không tồn tại
			00/5/2026                    | Ngày 00/05/2026 không tồn tại
			10/13/2026                   | Ngày 10/13/2026 không tồn tại
			Quý V/2026                   | Quý V/2026 không tồn tại (chỉ có quý I đến IV)
			Quý 5/2026                   | Quý 5/2026 không tồn tại (chỉ có quý I đến IV)
			Quý 0/2026                   | Quý 0/2026 không tồn tại (chỉ có quý I đến IV)
			13/2026                      | Tháng 13/2026 không tồn tại (chỉ có tháng 1 đến 12)
			Tháng 0/2026                 | Tháng 0/2026 không tồn tại (chỉ có tháng 1 đến 12)
			Năm 1999                     | Năm 1999 nằm ngoài khoảng 2000–2100
			1999                         | Năm 1999 nằm ngoài khoảng 2000–2100
			10/4/2101                    | Năm 2101 nằm ngoài khoảng 2000–2100
			Quý III/1026                 | Năm 1026 nằm ngoài khoảng 2000–2100
			Tháng 6/2026; 31/02/2027     | Ngày 31/02/2027 không tồn tại
			10/4/26                      | Năm trong thời hạn “10/4/26” phải ghi đủ 4 chữ số
			Quý III/26                   | Năm trong thời hạn “Quý III/26” phải ghi đủ 4 chữ số
			15/12                        | Thời hạn “15/12” không ghi năm
			Quý III                      | Thời hạn “Quý III” không ghi năm
			Tháng 12                     | Thời hạn “Tháng 12” không ghi năm
			6 tháng đầu năm              | Thời hạn “6 tháng đầu năm” không ghi năm
			Đang triển khai              | Không hiểu thời hạn “Đang triển khai”
			6 tháng                      | Không hiểu thời hạn “6 tháng”
			Nghị quyết số 12/2026/NQ-HĐND | Không hiểu thời hạn “Nghị quyết số 12/2026/NQ-HĐND”
			Trước ngày 15/12 hằng năm    | Không hiểu thời hạn định kỳ “Trước ngày 15/12 hằng năm”: chỉ đọc được “Hằng tháng”, “Hằng quý”, “Định kỳ 6 tháng”, “Hằng năm”
			Định kỳ                      | Không hiểu thời hạn định kỳ “Định kỳ”: chỉ đọc được “Hằng tháng”, “Hằng quý”, “Định kỳ 6 tháng”, “Hằng năm”
			""")
	void unreadableDeadlines(String phrase, String problem) {
		DeadlineSpec spec = DeadlineParser.parse(phrase);
		assertAll(() -> assertEquals(DeadlineKind.UNPARSED, spec.kind(), spec::toString),
				() -> assertTrue(spec.isUnparsed()), () -> assertEquals(problem, spec.problem()),
				() -> assertNull(spec.dueDate()), () -> assertNull(spec.precision()), () -> assertNull(spec.recurrence()));
	}

	static Stream<Arguments> sloppilyTypedPhrases() {
		String nbsp = "\u00A0";
		return Stream.of(arguments("decomposed “Quý” (NFD)", nfd("Quý III/2026"), "30/09/2026", DeadlinePrecision.QUARTER),
				arguments("decomposed “tháng … năm” (NFD)", nfd("Tháng 09 năm 2026"), "30/09/2026",
						DeadlinePrecision.MONTH),
				arguments("decomposed “6 tháng cuối năm” (NFD)", nfd("6 tháng cuối năm 2026"), "31/12/2026",
						DeadlinePrecision.HALF_YEAR),
				arguments("non-breaking spaces", "Quý" + nbsp + "III/2026" + nbsp, "30/09/2026",
						DeadlinePrecision.QUARTER),
				arguments("narrow no-break space in the date", "trước" + "\u202F" + "ngày 01/6/2026", "31/05/2026",
						DeadlinePrecision.DAY),
				arguments("tabs and line breaks", "Hoàn thành\ttrong\n ngày  10/4/2026", "10/04/2026",
						DeadlinePrecision.DAY),
				arguments("zero-width space from a PDF", "Năm\u200B 2026", "31/12/2026", DeadlinePrecision.YEAR),
				arguments("en dash as separator", "10–4–2026", "10/04/2026", DeadlinePrecision.DAY),
				arguments("quoted phrase", "“Quý IV/2026”", "31/12/2026", DeadlinePrecision.QUARTER),
				arguments("bullet in front", "- Tháng 9/2026", "30/09/2026", DeadlinePrecision.MONTH));
	}

	@ParameterizedTest(name = "{0}: “{1}” is due {2}", quoteTextArguments = false)
	@DisplayName("Typing noise does not change the deadline")
	@MethodSource("sloppilyTypedPhrases")
	void typingNoiseIsTolerated(String what, String phrase, String due, DeadlinePrecision precision) {
		DeadlineSpec spec = DeadlineParser.parse(phrase);
		assertAll(() -> assertEquals(DeadlineKind.DATE, spec.kind(), spec::toString),
				() -> assertEquals(date(due), spec.dueDate()), () -> assertEquals(precision, spec.precision()));
	}

	@Test
	@DisplayName("Decomposed “Hằng năm” (NFD) still repeats yearly and “Thường xuyên” (NFD) is still ongoing")
	void decomposedWordsAreRecognised() {
		String yearly = nfd("Hằng năm");
		String ongoing = nfd("Thường xuyên");
		assertNotEquals("Hằng năm", yearly, "the test input must really be decomposed");
		assertEquals(Recurrence.YEARLY, DeadlineParser.parse(yearly).recurrence());
		assertEquals(DeadlineKind.ONGOING, DeadlineParser.parse(ongoing).kind());
	}

	@Test
	@DisplayName("The phrase is kept as written, but NFC-normalised and without surrounding blanks")
	void phraseIsKeptNormalised() {
		String typed = "\u00A0 " + nfd("Quý III/2026") + " \t";
		assertNotEquals("Quý III/2026", typed.strip(), "the test input must really be decomposed");
		assertEquals("Quý III/2026", DeadlineParser.parse(typed).phrase());
		assertEquals("Hoàn thành trong ngày 10/4/2026.", DeadlineParser.parse("Hoàn thành trong ngày 10/4/2026.  ").phrase());
		assertEquals("Năm 2026", DeadlineParser.parse("\uFEFFNăm 2026\u200B").phrase(), "invisible marks from Word/PDF");
	}

	@ParameterizedTest(name = "“{0}” on {1}: instance “{3}” due {2}", quoteTextArguments = false)
	@DisplayName("A recurring deadline's instance is the period containing the day, due at its end")
	@CsvSource(delimiter = '|', textBlock = """
			Hằng năm          | 15/08/2026 | 31/12/2026 | 2026
			Hằng năm          | 01/01/2027 | 31/12/2027 | 2027
			Hằng năm          | 31/12/2026 | 31/12/2026 | 2026
			Hằng quý          | 15/08/2026 | 30/09/2026 | Quý III/2026
			Hằng quý          | 01/01/2026 | 31/03/2026 | Quý I/2026
			Hằng quý          | 31/03/2026 | 31/03/2026 | Quý I/2026
			Hằng quý          | 01/04/2026 | 30/06/2026 | Quý II/2026
			Hằng quý          | 31/12/2026 | 31/12/2026 | Quý IV/2026
			Định kỳ 6 tháng   | 15/08/2026 | 31/12/2026 | 6 tháng cuối năm 2026
			Định kỳ 6 tháng   | 01/01/2026 | 30/06/2026 | 6 tháng đầu năm 2026
			Định kỳ 6 tháng   | 30/06/2026 | 30/06/2026 | 6 tháng đầu năm 2026
			Định kỳ 6 tháng   | 01/07/2026 | 31/12/2026 | 6 tháng cuối năm 2026
			Hằng tháng        | 15/02/2028 | 29/02/2028 | Tháng 2/2028
			Hằng tháng        | 15/02/2027 | 28/02/2027 | Tháng 2/2027
			Hằng tháng        | 30/09/2026 | 30/09/2026 | Tháng 9/2026
			Hằng tháng        | 01/12/2026 | 31/12/2026 | Tháng 12/2026
			""")
	void recurringInstances(String phrase, String day, String due, String label) {
		DeadlineSpec spec = DeadlineParser.parse(phrase);
		assertAll(() -> assertEquals(date(due), spec.dueDateOfInstanceContaining(date(day))),
				() -> assertEquals(label, spec.instanceLabel(date(day))));
	}

	@Test
	@DisplayName("Every month of the year belongs to exactly the quarter and half-year officials expect")
	void periodsCoverTheWholeYear() {
		DeadlineSpec quarterly = DeadlineParser.parse("Hằng quý");
		DeadlineSpec halfYearly = DeadlineParser.parse("Định kỳ 6 tháng");
		for (int month = 1; month <= 12; month++) {
			LocalDate day = LocalDate.of(2026, month, 10);
			int quarter = (month + 2) / 3;
			assertEquals(LocalDate.of(2026, quarter * 3, 1).plusMonths(1).minusDays(1),
					quarterly.dueDateOfInstanceContaining(day), "quarter of month " + month);
			assertEquals(month <= 6 ? LocalDate.of(2026, 6, 30) : LocalDate.of(2026, 12, 31),
					halfYearly.dueDateOfInstanceContaining(day), "half-year of month " + month);
			assertEquals(Recurrence.QUARTERLY.periodStartContaining(day).plusMonths(3).minusDays(1),
					quarterly.dueDateOfInstanceContaining(day), "quarter start and end agree for month " + month);
		}
	}

	@ParameterizedTest(name = "“{0}” has no recurring instances", quoteTextArguments = false)
	@DisplayName("Only recurring deadlines have instances")
	@ValueSource(strings = { "Quý III/2026", "Thường xuyên", "Sau khi có văn bản của Trung ương", "", "31/02/2026" })
	void nonRecurringDeadlinesHaveNoInstances(String phrase) {
		DeadlineSpec spec = DeadlineParser.parse(phrase);
		LocalDate day = LocalDate.of(2026, 8, 15);
		assertThrows(IllegalStateException.class, () -> spec.dueDateOfInstanceContaining(day));
		assertThrows(IllegalStateException.class, () -> spec.instanceLabel(day));
	}

	@Test
	@DisplayName("A half-filled deadline cannot be built by hand")
	void inconsistentSpecsAreRefused() {
		LocalDate due = LocalDate.of(2026, 9, 30);
		assertThrows(IllegalArgumentException.class,
				() -> new DeadlineSpec("Quý III/2026", DeadlineKind.DATE, null, DeadlinePrecision.QUARTER, null, null));
		assertThrows(IllegalArgumentException.class,
				() -> new DeadlineSpec("Quý III/2026", DeadlineKind.DATE, due, null, null, null));
		assertThrows(IllegalArgumentException.class,
				() -> new DeadlineSpec("Hằng quý", DeadlineKind.RECURRING, null, null, null, null));
		assertThrows(IllegalArgumentException.class,
				() -> new DeadlineSpec("Thường xuyên", DeadlineKind.ONGOING, due, DeadlinePrecision.DAY, null, null));
		assertThrows(IllegalArgumentException.class,
				() -> new DeadlineSpec("x", DeadlineKind.UNPARSED, null, null, null, null));
		assertEquals(due, DeadlineSpec.date("Quý III/2026", due, DeadlinePrecision.QUARTER).dueDate());
	}

	private static void assertKindOnly(DeadlineSpec spec, DeadlineKind kind) {
		assertAll(() -> assertEquals(kind, spec.kind(), spec::toString), () -> assertNull(spec.dueDate()),
				() -> assertNull(spec.precision()), () -> assertNull(spec.recurrence()), () -> assertNull(spec.problem()));
	}

	private static LocalDate date(String ddMMyyyy) {
		return LocalDate.parse(ddMMyyyy, VN_DATE);
	}

	private static String nfd(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD);
	}

}
