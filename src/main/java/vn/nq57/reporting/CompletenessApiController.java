package vn.nq57.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.nq57.account.AccessPolicy;
import vn.nq57.reporting.Completeness.Cell;
import vn.nq57.reporting.Completeness.Counts;
import vn.nq57.reporting.CompletenessQueries.AgencyRow;
import vn.nq57.reporting.CompletenessQueries.Grid;
import vn.nq57.reporting.CompletenessQueries.PeriodTotals;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;

/**
 * Completeness and timeliness of periodic reports as JSON (read only), with the rights of the grid page: DoST,
 * leaders and administrators; an agency's staff get 403. The same figures as {@code /reporting/completeness}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Báo cáo định kỳ", description = "Tình hình gửi báo cáo định kỳ: số báo cáo phải gửi, đã nhận, đúng hạn theo cơ quan và kỳ")
class CompletenessApiController {

	static final int MAX_SIZE = 1000;

	@Schema(description = "Số báo cáo phải gửi (kỳ đã qua hạn), đã nhận (đã gửi hoặc đã tiếp nhận), gửi đúng hạn (lần gửi đầu không muộn hơn hạn); tỷ lệ tính theo phần trăm, null khi không có báo cáo phải gửi")
	public record CountsJson(long expected, long received, long onTime, long missing, long late,
			BigDecimal completenessPct, BigDecimal timelinessPct) {

		static CountsJson of(Counts c) {
			return new CountsJson(c.expected(), c.received(), c.onTime(), c.missing(), c.late(), c.completeness(),
					c.timeliness());
		}
	}

	@Schema(description = "Một kỳ báo cáo của chế độ và số liệu của kỳ (chỉ tính khi đã qua hạn gửi)")
	public record PeriodJson(long id, @Schema(example = "2026-10") String key, String label, LocalDate windowStart,
			LocalDate windowEnd, @Schema(description = "Ngày cuối cùng gửi đúng hạn") LocalDate dueDate, LocalDate lockDate,
			boolean pastDue, @Schema(description = "Số cơ quan phải gửi báo cáo kỳ này") long owed,
			@Schema(description = "Đã nhận đến nay, kể cả khi chưa đến hạn") long receivedSoFar, long returned,
			CountsJson counts) {
	}

	@Schema(description = "Ô của lưới: báo cáo của cơ quan cho một kỳ")
	public record CellJson(@Schema(example = "2026-10") String period, Long reportId,
			@Schema(description = "PENDING, MISSING, RETURNED, LATE, ON_TIME") String cell, String label) {
	}

	public record AgencyJson(long agencyId, String name, CountsJson counts, long returned, List<CellJson> cells) {
	}

	public record CompletenessJson(long regimeId, String regime, int year, LocalDate asOf, CountsJson overall,
			List<PeriodJson> periods, long total, int page, int size, List<AgencyJson> agencies) {
	}

	private final CompletenessQueries queries;
	private final RegimeService regimes;
	private final AccessPolicy access;
	private final AppClock clock;

	CompletenessApiController(CompletenessQueries queries, RegimeService regimes, AccessPolicy access, AppClock clock) {
		this.queries = queries;
		this.regimes = regimes;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/reporting/completeness")
	@Operation(summary = "Tình hình gửi báo cáo của một chế độ báo cáo trong một năm: theo kỳ, theo cơ quan (có phân trang) và chung",
			description = "Chỉ Sở KH&CN, lãnh đạo tỉnh và quản trị; cán bộ cơ quan, đơn vị nhận 403. Cùng quy tắc tính với trang "
					+ "/reporting/completeness (theo DHIS2): phải gửi = báo cáo của các kỳ đã qua hạn gửi; đã nhận = đã gửi hoặc đã "
					+ "tiếp nhận (báo cáo bị trả lại tính lại khi gửi lại); đúng hạn = lần gửi đầu không muộn hơn hạn.")
	@ApiResponse(responseCode = "200", description = "Số liệu và lưới cơ quan × kỳ")
	@ApiResponse(responseCode = "403", description = "Vai trò không được xem tình hình báo cáo của mọi cơ quan")
	@ApiResponse(responseCode = "422", description = "Tham số không hợp lệ (chế độ báo cáo, loại cơ quan, bộ lọc, số dòng)")
	CompletenessJson completeness(
			@Parameter(description = "Chế độ báo cáo; bỏ trống: chế độ đầu tiên") @RequestParam(required = false) Long regime,
			@Parameter(description = "Năm; bỏ trống: năm hiện tại") @RequestParam(required = false) Integer year,
			@Parameter(description = "Loại cơ quan (DEPARTMENT, COMMUNE, …)") @RequestParam(required = false) String kind,
			@Parameter(description = "Tìm theo tên cơ quan, không phân biệt dấu") @RequestParam(required = false) String q,
			@Parameter(description = "missing, late, returned hoặc urge (chưa gửi hoặc bị trả lại)") @RequestParam(required = false) String only,
			@Parameter(description = "worst: chậm nhất trước; bỏ trống: theo tên") @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page,
			@Parameter(description = "Số cơ quan mỗi trang, tối đa 1000") @RequestParam(defaultValue = "200") int size) {
		access.require(AccessPolicy.current().seesEveryAgency(), "REPORTING", null, "xem tình hình báo cáo của mọi cơ quan");
		LocalDate today = clock.today();
		GridRequest req = GridRequest.read(regimes.regimes(), regime, year, kind, q, only, sort, today);
		if (size < 1 || size > MAX_SIZE) {
			throw new DomainException("Số dòng mỗi trang phải từ 1 đến " + MAX_SIZE);
		}
		Grid g = queries.grid(req.filter(), today, Math.max(0, page), size);
		List<PeriodJson> periods = new ArrayList<>();
		for (PeriodTotals t : g.totals()) {
			ReportingPeriod p = t.period();
			periods.add(new PeriodJson(p.id(), p.key(), p.label(), p.windowStart(), p.windowEnd(), p.dueDate(), p.lockDate(),
					t.pastDue(), t.owed(), t.receivedSoFar(), t.returned(), CountsJson.of(t.counts())));
		}
		List<AgencyJson> agencies = new ArrayList<>();
		for (AgencyRow a : g.agencies().rows()) {
			List<CellJson> cells = new ArrayList<>();
			for (ReportingPeriod p : g.periods()) {
				Cell c = a.cell(p);
				if (c != null) {
					cells.add(new CellJson(p.key(), a.reportId(p), c.name(), c.label()));
				}
			}
			agencies.add(new AgencyJson(a.agencyId(), a.name(), CountsJson.of(a.counts()), a.returned(), cells));
		}
		return new CompletenessJson(req.regime().id(), req.regime().name(), req.filter().year(), today, CountsJson.of(g.overall()), periods,
				g.agencies().total(), g.agencies().page(), g.agencies().size(), agencies);
	}
}
