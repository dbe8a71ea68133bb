package vn.nq57.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.nq57.account.CurrentUser;
import vn.nq57.system.DomainException;

/**
 * The indicator set as JSON for the operations centre (IOC) and agencies' own systems, with the same rights
 * as the pages: the scoreboard and any indicator for DoST, leaders and ADMIN; an agency's staff see the
 * indicators their agency is responsible for and their own values, and enter only their own agency's.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Bộ chỉ số", description = "Chỉ số phục vụ chỉ đạo, điều hành: định nghĩa, chỉ tiêu, số liệu của các cơ quan, trạng thái so với chỉ tiêu")
class IndicatorApiController {

	@Schema(description = "Một chỉ số trên bảng điều hành: số liệu toàn tỉnh của kỳ gần nhất và trạng thái so với chỉ tiêu")
	public record ScoreJson(String code, String name, String category, String unit, String frequency,
			String responsibleAgency, String period, String periodLabel, BigDecimal value, BigDecimal numerator,
			BigDecimal denominator, @Schema(description = "ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, NO_TARGET, NO_DATA") String status,
			String statusLabel, Integer targetYear, BigDecimal target, @Schema(description = "Mức cần đạt theo lộ trình vào ngày của số liệu") BigDecimal expected,
			@Schema(description = "Phần trăm tiến độ cần có đã đạt được") BigDecimal progressPct, List<BigDecimal> trend,
			int expectedReporters, String duePeriod, int missingPastDue) {
	}

	public record TargetJson(int year, BigDecimal value, String note) {
	}

	public record PointJson(String period, String periodLabel, BigDecimal value, BigDecimal numerator,
			BigDecimal denominator, int reported, String problem, String status) {
	}

	@Schema(description = "Định nghĩa chỉ số và chuỗi số liệu toàn tỉnh")
	public record IndicatorJson(String code, String name, String category, String unit, String kind, String aggregation,
			String formula, String direction, String frequency, String responsibleAgency, String dataSource,
			String breakdown, BigDecimal baselineValue, Integer baselineYear, List<TargetJson> targets, BigDecimal greenPct,
			BigDecimal amberPct, BigDecimal minValue, BigDecimal maxValue, int dueDays, boolean active,
			String status, List<PointJson> series) {
	}

	public record AgencyValueJson(long agencyId, String agency, Long valueId, String state, BigDecimal value,
			BigDecimal numerator, BigDecimal denominator, BigDecimal previous, String flag, String sourceNote,
			String returnReason, boolean missing) {
	}

	public record BreakdownJson(String code, String period, String periodLabel, BigDecimal provinceValue,
			BigDecimal provinceNumerator, BigDecimal provinceDenominator, int reported, int expected, boolean pastDue,
			long total, int page, int size, List<AgencyValueJson> agencies) {
	}

	public record ValueJson(long id, String code, long agencyId, String agency, String period, String periodLabel,
			BigDecimal value, BigDecimal numerator, BigDecimal denominator, String state, BigDecimal approvedValue,
			String flag, String sourceNote, String returnReason, Instant enteredAt, long version) {
	}

	@Schema(description = "Số liệu của một cơ quan cho một kỳ. Số dạng JSON (71.43), kỳ theo mã hoặc cách viết thông thường: 2026-10, 10/2026, 2026-Q3, Quý III/2026, 2026-H1, 2026")
	public record ValueInput(@Schema(description = "Cơ quan báo cáo; bỏ trống: cơ quan của người dùng") Long agencyId,
			@Schema(example = "2026-Q3") String period, @Schema(example = "48.5") BigDecimal value,
			@Schema(description = "Tử số (chỉ số tỷ lệ)") BigDecimal numerator,
			@Schema(description = "Mẫu số (chỉ số tỷ lệ)") BigDecimal denominator, String sourceNote,
			@Schema(description = "Phiên bản số liệu đang sửa (chống ghi đè)") Long version) {
	}

	public record EntryJson(long id, String state, String flag) {
	}

	public record HistoryJson(String action, String state, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
			String note, String actor, Instant at) {
	}

	public record ReturnRequest(String reason,
			@Schema(description = "Phiên bản số liệu Sở KH&CN đã xem; 409 nếu đã khác") Long version) {
	}

	private final IndicatorCatalog catalog;
	private final IndicatorQueries queries;
	private final IndicatorEntry entry;
	private final IndicatorAccess access;
	private final IndicatorValues values;

	IndicatorApiController(IndicatorCatalog catalog, IndicatorQueries queries, IndicatorEntry entry, IndicatorAccess access,
			IndicatorValues values) {
		this.catalog = catalog;
		this.queries = queries;
		this.entry = entry;
		this.access = access;
		this.values = values;
	}

	@GetMapping("/indicators")
	@Operation(summary = "Bảng điều hành: mọi chỉ số với số liệu kỳ gần nhất, chỉ tiêu và trạng thái",
			description = "Chỉ Sở KH&CN, lãnh đạo tỉnh và quản trị; cán bộ cơ quan, đơn vị nhận 403. "
					+ "Trạng thái tính theo lộ trình từ giá trị gốc (hoặc chỉ tiêu trước) đến chỉ tiêu; trend: tối đa 12 kỳ gần nhất.")
	@ApiResponse(responseCode = "200", description = "Danh sách chỉ số")
	@ApiResponse(responseCode = "403", description = "Vai trò không được xem số liệu toàn tỉnh")
	List<ScoreJson> scoreboard(@Parameter(description = "Chỉ lấy một nhóm (lĩnh vực)") @RequestParam(required = false) String category) {
		access.requireScoreboard();
		return queries.scoreboard(category == null || category.isBlank() ? null : category, null).rows().stream()
			.map(r -> new ScoreJson(r.ind().code(), r.ind().name(), r.ind().category(), r.ind().unit(),
					r.ind().frequency().name(), r.agencyName(), r.latest() == null ? null : r.latest().period().code(),
					r.latest() == null ? null : r.latest().period().label(), r.latest() == null ? null : r.latest().value(),
					r.latest() == null ? null : r.latest().numerator(), r.latest() == null ? null : r.latest().denominator(),
					r.status().name(), r.status().label(), r.assessment().targetYear() != null ? r.assessment().targetYear()
							: r.target() == null ? null : r.target().year(),
					r.assessment().target() != null ? r.assessment().target() : r.target() == null ? null : r.target().value(),
					r.assessment().expected(), r.assessment().progressPct(),
					r.recent().stream().map(IndicatorQueries.Point::value).toList(), r.expected(),
					r.duePeriod() == null ? null : r.duePeriod().code(), r.missingPastDue()))
			.toList();
	}

	@GetMapping("/indicators/{code}")
	@Operation(summary = "Một chỉ số: định nghĩa, chỉ tiêu, chuỗi số liệu toàn tỉnh theo kỳ và trạng thái từng kỳ",
			description = "Sở KH&CN, lãnh đạo tỉnh, quản trị; hoặc cán bộ của cơ quan chịu trách nhiệm về chỉ số.")
	@ApiResponse(responseCode = "404", description = "Không có chỉ số với mã này")
	IndicatorJson indicator(@PathVariable String code) {
		Indicator ind = catalog.get(code);
		access.requireView(ind);
		List<IndicatorQueries.Point> series = queries.series(ind);
		Map<Period, TargetStatus.Assessment> statuses = queries.statuses(ind, series);
		List<PointJson> points = new ArrayList<>();
		for (IndicatorQueries.Point p : series) {
			TargetStatus.Assessment a = statuses.get(p.period());
			points.add(new PointJson(p.period().code(), p.period().label(), p.value(), p.numerator(), p.denominator(),
					p.reported(), p.problem(), a == null ? null : a.status().name()));
		}
		String status = points.stream().filter(p -> p.status() != null).reduce((a, b) -> b).map(PointJson::status)
			.orElse(TargetStatus.NO_DATA.name());
		return new IndicatorJson(ind.code(), ind.name(), ind.category(), ind.unit(), ind.kind().name(),
				ind.aggregation() == null ? null : ind.aggregation().name(), ind.computed() ? ind.formulaText() : null,
				ind.direction().name(), ind.frequency().name(), catalogAgency(ind), ind.dataSource(), ind.breakdown().name(),
				ind.baselineValue(), ind.baselineYear(),
				ind.targets().stream().map(t -> new TargetJson(t.year(), t.value(), t.note())).toList(), ind.greenPct(),
				ind.amberPct(), ind.minValue(), ind.maxValue(), ind.dueDays(), ind.active(), status, points);
	}

	private String catalogAgency(Indicator ind) {
		return queries.agencyName(ind.responsibleAgencyId());
	}

	@GetMapping("/indicators/{code}/breakdown")
	@Operation(summary = "Số liệu của từng cơ quan, đơn vị trong một kỳ",
			description = "Mọi cơ quan phải báo cáo (và cơ quan khác đã báo cáo), số liệu đã duyệt, trạng thái, kỳ trước; "
					+ "tỷ lệ toàn tỉnh tính lại từ tổng tử số và tổng mẫu số. Kỳ bỏ trống: kỳ gần nhất có số liệu.")
	@ApiResponse(responseCode = "422", description = "Kỳ không tồn tại")
	BreakdownJson breakdown(@PathVariable String code,
			@Parameter(description = "Kỳ: 2026-10, 2026-Q3, 2026-H1, 2026 (hoặc 10/2026, Quý III/2026…)") @RequestParam(required = false) String period,
			@Parameter(description = "VALUE_DESC, VALUE_ASC, NAME") @RequestParam(defaultValue = "VALUE_DESC") String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "5000") int size) {
		Indicator ind = catalog.get(code);
		access.requireView(ind);
		List<IndicatorQueries.Point> series = queries.series(ind);
		Period p = period == null || period.isBlank()
				? series.stream().filter(x -> x.value() != null).reduce((a, b) -> b).map(IndicatorQueries.Point::period)
					.orElse(IndicatorQueries.lastDuePeriod(ind, queries.today()))
				: Period.parse(ind.frequency(), period);
		IndicatorQueries.BreakdownSort order;
		try {
			order = IndicatorQueries.BreakdownSort.valueOf(sort);
		}
		catch (IllegalArgumentException e) {
			throw new DomainException("Cách sắp xếp “" + sort + "” không có (VALUE_DESC, VALUE_ASC, NAME)");
		}
		IndicatorQueries.BreakdownPage b = queries.breakdown(ind, p, order, Math.max(0, page), Math.min(Math.max(1, size), 5000));
		IndicatorQueries.Point province = series.stream().filter(x -> x.period().equals(p)).findFirst().orElse(null);
		return new BreakdownJson(ind.code(), p.code(), p.label(), province == null ? null : province.value(),
				province == null ? null : province.numerator(), province == null ? null : province.denominator(),
				b.reported(), b.expected(), b.pastDue(), b.total(), b.page(), b.size(),
				b.rows().stream().map(r -> new AgencyValueJson(r.agencyId(), r.agencyName(), r.valueId(),
						r.state() == null ? "MISSING" : r.state().name(), r.approvedValue(), r.approvedNumerator(),
						r.approvedDenominator(), r.previous(), r.flag(), r.sourceNote(), r.returnReason(), r.missing()))
					.toList());
	}

	@GetMapping("/indicators/{code}/values")
	@Operation(summary = "Chuỗi số liệu một cơ quan đã nhập cho chỉ số (mới nhất trước)",
			description = "Cơ quan bỏ trống: cơ quan của người dùng. Cán bộ chỉ xem được cơ quan mình.")
	List<ValueJson> agencyValues(@PathVariable String code, @RequestParam(required = false) Long agency,
			@RequestParam(defaultValue = "36") int limit) {
		Indicator ind = catalog.get(code);
		CurrentUser me = IndicatorAccess.me();
		long agencyId = agency == null ? me.agencyId() : agency;
		return entry.series(ind, agencyId, Math.min(Math.max(1, limit), 500)).stream().map(v -> json(ind, v)).toList();
	}

	@PostMapping("/indicators/{code}/values")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Nhập (hoặc sửa) số liệu của cơ quan mình cho một kỳ",
			description = "Cán bộ nhập: chờ thủ trưởng duyệt; thủ trưởng nhập: duyệt ngay. Bị từ chối (422, không lưu gì): kỳ không tồn tại "
					+ "hoặc chưa bắt đầu, tỷ lệ trên 100%, tử số lớn hơn mẫu số, mẫu số bằng 0, ngoài khoảng cho phép, chỉ số tính theo công thức. "
					+ "Giá trị khác xa chuỗi số liệu trước: vẫn lưu, kèm cảnh báo (flag). Nhập cho cơ quan khác: 403.")
	@ApiResponse(responseCode = "201", description = "Đã lưu")
	@ApiResponse(responseCode = "403", description = "Không phải cán bộ, thủ trưởng của cơ quan báo cáo")
	@ApiResponse(responseCode = "422", description = "Số liệu bị từ chối; thông báo nêu lý do")
	EntryJson enter(@PathVariable String code, @RequestBody ValueInput in) {
		IndicatorEntry.Result r = entry.enter(code, new IndicatorEntry.Submission(in.agencyId(), in.period(), in.value(),
				in.numerator(), in.denominator(), in.sourceNote(), in.version()), null);
		return new EntryJson(r.id(), r.state().name(), r.flag());
	}

	@PostMapping("/indicator-values/{id}/approve")
	@Operation(summary = "Thủ trưởng cơ quan duyệt số liệu cán bộ đã nhập")
	EntryJson approve(@PathVariable long id, @Parameter(description = "Phiên bản số liệu thủ trưởng đã xem (chống duyệt số liệu đã bị sửa); 409 nếu đã khác")
			@RequestParam(required = false) Long version) {
		entry.approve(id, version);
		IndicatorEntry.ValueRow v = entry.get(id);
		return new EntryJson(id, v.state().name(), v.flag());
	}

	@PostMapping("/indicator-values/{id}/return")
	@Operation(summary = "Sở KH&CN trả lại số liệu đã duyệt, nêu lý do (số liệu không còn được tính vào số liệu toàn tỉnh)")
	EntryJson giveBack(@PathVariable long id, @RequestBody ReturnRequest body) {
		entry.returnValue(id, body == null ? null : body.reason(), body == null ? null : body.version());
		IndicatorEntry.ValueRow v = entry.get(id);
		return new EntryJson(id, v.state().name(), v.flag());
	}

	@GetMapping("/indicator-values/{id}/history")
	@Operation(summary = "Lịch sử thay đổi của một số liệu (mới nhất trước)")
	List<HistoryJson> history(@PathVariable long id) {
		return entry.history(id).stream().map(h -> new HistoryJson(h.action(), h.state().name(), h.value(), h.numerator(),
				h.denominator(), h.note(), h.actor(), h.at())).toList();
	}

	@GetMapping("/indicators/due")
	@Operation(summary = "Số liệu chỉ số một cơ quan phải báo cáo cho một kỳ báo cáo",
			description = "Các kỳ của chỉ số kết thúc trong khoảng from–to (báo cáo tháng 10: số liệu tháng 10; báo cáo quý III: "
					+ "các tháng 7–9 và quý III), kèm hạn nhập, chỉ tiêu của năm và số liệu đã nhập. "
					+ "Cơ quan bỏ trống: cơ quan của người dùng; cán bộ chỉ xem được cơ quan mình. Ngày dạng yyyy-MM-dd.")
	List<IndicatorValues.DueValue> due(@RequestParam(required = false) Long agency, @RequestParam LocalDate from,
			@RequestParam LocalDate to) {
		vn.nq57.system.Bounds.range(from, to, 366);
		CurrentUser me = IndicatorAccess.me();
		long agencyId = agency == null ? me.agencyId() : agency;
		access.requireAgencyWork(agencyId);
		return values.dueIn(agencyId, from, to);
	}

	private static ValueJson json(Indicator ind, IndicatorEntry.ValueRow v) {
		Period p = new Period(ind.frequency(), v.periodStart());
		return new ValueJson(v.id(), ind.code(), v.agencyId(), v.agencyName(), p.code(), p.label(), v.value(),
				v.numerator(), v.denominator(), v.state().name(), v.approvedValue(), v.flag(), v.sourceNote(),
				v.returnReason(), v.enteredAt(), v.version());
	}

	/** A number field that is not a number gets a message saying so, not the generic JSON error. */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e,
			jakarta.servlet.http.HttpServletRequest request) {
		if (request.getAttribute(vn.nq57.account.AccessPolicy.ROUTE_REFUSED) != null) {
			// a role the authorisation matrix refuses this operation learns that, not what its body lacked
			request.setAttribute(vn.nq57.account.AccessPolicy.ROUTE_REFUSED_ANSWERED, Boolean.TRUE);
			return ResponseEntity.status(403).body(Map.of("status", 403, "message", "Bạn không có quyền thực hiện thao tác này"));
		}
		return ResponseEntity.badRequest().body(Map.of("status", 400, "message",
				"Dữ liệu gửi lên không đọc được: value, numerator, denominator phải là số JSON (ví dụ 71.43), "
						+ "period là chuỗi (ví dụ \"2026-Q3\"); chưa lưu số liệu nào"));
	}
}
