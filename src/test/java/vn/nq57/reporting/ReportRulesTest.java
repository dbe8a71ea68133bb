package vn.nq57.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.nq57.reporting.PeriodicReportService.Edit;
import vn.nq57.reporting.PeriodicReportService.ItemInput;
import vn.nq57.reporting.PeriodicReportService.ReportRow;
import vn.nq57.reporting.ReportContent.Section;
import vn.nq57.reporting.ReportingCalendar.Frequency;
import vn.nq57.system.DomainException;

/**
 * The monthly report on October 2026: data from 01/10, last on-time day 09/11, locked after 19/11 (10 grace days).
 */
class ReportRulesTest {

	static final ReportingPeriod OCTOBER = new ReportingPeriod(1, 1, "Báo cáo tháng", Frequency.MONTHLY, "2026-10", 2026, 10,
			"Tháng 10/2026", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), LocalDate.of(2026, 10, 1),
			LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 19), true);

	static ReportRow report(ReportState state, boolean expected, LocalDate reopenedUntil) {
		return new ReportRow(7, OCTOBER, 3, "Sở Tài chính", expected, state, 0, null,
				state.isReceived() ? LocalDate.of(2026, 11, 5) : null, reopenedUntil, null, 1);
	}

	@ParameterizedTest(name = "{0}, expected {1}, reopened until {2}: {3}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			# today    | expected | reopened   | refused because (- : allowed)
			2026-09-30 | true     | -          | bắt đầu từ ngày 01/10/2026
			2026-10-01 | true     | -          | -
			2026-11-09 | true     | -          | -
			2026-11-19 | true     | -          | -
			2026-11-20 | true     | -          | đã khóa sổ từ ngày 20/11/2026
			2026-11-20 | true     | 2026-11-25 | -
			2026-11-26 | true     | 2026-11-25 | đã khóa sổ từ ngày 20/11/2026
			2026-11-05 | false    | -          | không còn thuộc diện phải gửi
			""")
	@DisplayName("an agency works on a report it owes, from the start of the data window until the period locks for it")
	void open(LocalDate today, boolean expected, LocalDate reopened, String refusal) {
		ReportRow r = report(ReportState.DRAFT, expected, reopened);
		if (refusal == null) {
			assertThatCode(() -> ReportRules.requireEditable(r, today)).doesNotThrowAnyException();
		}
		else {
			assertThatThrownBy(() -> ReportRules.requireEditable(r, today)).isInstanceOf(DomainException.class)
				.hasMessageContaining(refusal);
		}
	}

	@ParameterizedTest(name = "a report {0} is not edited: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			NOT_STARTED | chưa được lập
			SUBMITTED   | đã gửi Sở KH&CN ngày 05/11/2026; không sửa được nữa
			ACCEPTED    | đã được Sở KH&CN tiếp nhận
			""")
	void notEditable(ReportState state, String refusal) {
		assertThatThrownBy(() -> ReportRules.requireEditable(report(state, true, null), LocalDate.of(2026, 11, 5)))
			.hasMessageContaining(refusal);
	}

	@Test
	@DisplayName("an edit keeps the sections it does not touch, drops empty items and files each item under a theme")
	void edit() {
		ReportContent before = new ReportContent(null, List.of(),
				List.of(new Section("SUMMARY", "Tóm tắt", true, "cũ"), new Section("NEXT", "Nhiệm vụ tới", false, "giữ")),
				List.of(), List.of(), List.of());
		ReportContent after = ReportRules.apply(before, new Edit(Map.of("SUMMARY", " Đã triển khai\r\n"),
				List.of(new ItemInput(null, "Thiếu kinh phí giải ngân"), new ItemInput(null, "  ")), null));
		assertThat(after.section("SUMMARY").body()).isEqualTo("Đã triển khai");
		assertThat(after.section("NEXT").body()).isEqualTo("giữ");
		assertThat(after.obstacles()).singleElement().extracting(ReportContent.Item::theme).isEqualTo(ReportTheme.FUNDING);
		assertThatThrownBy(() -> ReportRules.apply(before, new Edit(Map.of("X", "?"), null, null)))
			.hasMessageContaining("không có mục “X”");
		assertThatThrownBy(() -> ReportRules.apply(before,
				new Edit(Map.of(), List.of(new ItemInput(null, "x".repeat(ReportRules.MAX_ITEM + 1))), null)))
			.hasMessageContaining("tối đa 2.000 ký tự");
	}

	@Test
	@DisplayName("returning or reopening needs a reason")
	void reason() {
		assertThatThrownBy(() -> ReportRules.requireReason("  ", "trả lại")).hasMessage("Cần nêu lý do trả lại");
		assertThat(ReportRules.requireReason(" Thiếu số liệu quý III ", "trả lại")).isEqualTo("Thiếu số liệu quý III");
	}
}
