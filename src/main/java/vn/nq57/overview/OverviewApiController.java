package vn.nq57.overview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.nq57.overview.OverviewQueries.AgencyRow;
import vn.nq57.overview.OverviewQueries.GroupRow;
import vn.nq57.overview.OverviewService.Overview;
import vn.nq57.task.StatusCounts;
import vn.nq57.task.TaskStatus;

/** The overview's figures as JSON, for the operations centre (IOC) and other systems. */
@RestController
@RequestMapping("/api/v1/overview")
@Tag(name = "Tổng quan", description = "Số liệu tổng hợp tình hình thực hiện nhiệm vụ (dành cho Sở KH&CN, lãnh đạo tỉnh)")
class OverviewApiController {

	/**
	 * A task group's counts by status code, every one of the seven present. Without a plan filter, groups of
	 * the same code in several plans come added up: groupId and planId are then null, plans tells how many.
	 */
	record GroupJson(Long groupId, Long planId, String code, String title, int plans, long total, long dueSoon,
			Map<String, Long> counts) {
	}

	record OverviewJson(LocalDate day, Long planId, String planTitle, long total, long dueSoon,
			Map<String, Long> totals, BigDecimal completionRateOverDue, BigDecimal completionRateOverAll,
			BigDecimal overdueRate, List<GroupJson> byGroup, long agencyCount, List<AgencyRow> agencies,
			long overdueAssignments) {
	}

	private final OverviewService overview;

	OverviewApiController(OverviewService overview) {
		this.overview = overview;
	}

	@GetMapping
	@Operation(operationId = "getOverview", summary = "Tổng quan tình hình thực hiện nhiệm vụ",
			description = """
					Số nhiệm vụ theo trạng thái (tính đến ngày `day`, mặc định hôm nay) và theo nhóm nhiệm vụ; ba tỷ lệ: \
					hoàn thành trên số nhiệm vụ đã đến hạn = hoàn thành ÷ (hoàn thành + quá hạn), hoàn thành trên tổng số, \
					quá hạn trên tổng số (phần trăm, hai chữ số thập phân; null khi không có gì để chia); \
					trang đầu (20) các cơ quan chủ trì có nhiều nhiệm vụ quá hạn nhất. \
					Chỉ Sở KH&CN, lãnh đạo tỉnh và quản trị được xem; cán bộ cơ quan, đơn vị nhận 403.""")
	@ApiResponse(responseCode = "200", description = "Số liệu tổng quan")
	@ApiResponse(responseCode = "403", description = "Vai trò không được xem số liệu toàn tỉnh")
	@ApiResponse(responseCode = "404", description = "Không tìm thấy kế hoạch")
	@ApiResponse(responseCode = "422", description = "Ngày không hợp lệ")
	OverviewJson get(@Parameter(description = "Mã kế hoạch; bỏ trống: mọi nhiệm vụ") @RequestParam(required = false) Long plan,
			@Parameter(description = "Ngày tính trạng thái, yyyy-MM-dd (hoặc dd/MM/yyyy); bỏ trống: hôm nay")
			@RequestParam(required = false) String day) {
		overview.checkAllowed();
		Overview o = overview.load(plan, OverviewService.parseDay(day), 0, 0);
		StatusCounts totals = o.summary().totals();
		return new OverviewJson(o.day(), o.planId(), o.planTitle(), totals.total(), o.summary().dueSoon(),
				byCode(totals.asMap()), totals.completionRateOverDue(), totals.completionRateOverAll(),
				totals.overdueRate(), o.summary().groups().stream().map(OverviewApiController::group).toList(),
				o.agencies().total(), o.agencies().rows(), o.overdueAssignments());
	}

	private static GroupJson group(GroupRow g) {
		return new GroupJson(g.groupId(), g.planId(), g.code(), g.title(), g.plans(), g.total(), g.dueSoon(), byCode(g.counts()));
	}

	private static Map<String, Long> byCode(Map<TaskStatus, Long> counts) {
		Map<String, Long> out = new LinkedHashMap<>();
		for (TaskStatus s : TaskStatus.values()) {
			out.put(s.name(), counts.getOrDefault(s, 0L));
		}
		return out;
	}
}
