package vn.nq57.ioc;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.nq57.indicator.IndicatorPublicBoard;
import vn.nq57.publicsite.PublicFigures;

/**
 * The operations centre's feed ({@code /ioc/v1}): current figures, daily snapshots, the change feed with its cursor,
 * the indicator board and the task summary. Authentication, scopes, rate limit and the usage log: {@link IocAccess}.
 * Answers carry {@code ETag} (a repeated request with {@code If-None-Match} gets 304) and {@code Last-Modified}, and
 * are compressed with gzip when the client accepts it.
 */
@RestController
@Tag(name = "IOC feed", description = "Nguồn số liệu cho Trung tâm IOC và cổng thông tin (tài khoản máy, HTTP Basic)")
@SecurityScheme(name = "iocClient", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityRequirement(name = "iocClient")
class IocApiController {

	private final IocFigures figures;
	private final IocFeed feed;
	private final PublicFigures publicFigures;

	IocApiController(IocFigures figures, IocFeed feed, PublicFigures publicFigures) {
		this.figures = figures;
		this.feed = feed;
		this.publicFigures = publicFigures;
	}

	static IocClients.Client client(HttpServletRequest request) {
		return (IocClients.Client) request.getAttribute(IocAccess.CLIENT);
	}

	static CacheControl cache() {
		return CacheControl.noCache().cachePrivate();
	}

	@GetMapping("/ioc/v1/figures")
	@IocAccess.Needs
	@Operation(summary = "Số liệu hiện tại", description = "Các số liệu theo khóa ổn định (tasks.*, indicator.<MÃ>.*), lọc theo phạm vi của tài khoản máy")
	ResponseEntity<Map<String, Object>> current(HttpServletRequest request) {
		IocFigures.Current c = figures.current();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("asOf", c.asOf().toString());
		body.put("computedAt", c.computedAt().toString());
		body.put("cursor", feed.lastChangeId());
		body.put("figures", IocFigures.visible(c.figures(), client(request).scopes()));
		return ResponseEntity.ok().cacheControl(cache()).lastModified(c.computedAt()).body(body);
	}

	@GetMapping("/ioc/v1/changes")
	@IocAccess.Needs
	@Operation(summary = "Nguồn thay đổi", description = "Các thay đổi sau con trỏ after (mặc định 0), tối đa limit (≤ 1.000); next là con trỏ cho lần gọi sau")
	ResponseEntity<Map<String, Object>> changes(@RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "500") int limit, HttpServletRequest request) {
		int n = Math.max(1, Math.min(1000, limit));
		List<IocFeed.Change> page = feed.changesAfter(Math.max(0, after), n + 1);
		boolean more = page.size() > n;
		List<IocFeed.Change> shown = more ? page.subList(0, n) : page;
		var scopes = client(request).scopes();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("after", after);
		body.put("next", shown.isEmpty() ? Math.max(0, after) : shown.get(shown.size() - 1).id());
		body.put("hasMore", more);
		body.put("changes", shown.stream().filter(c -> IocScope.allows(scopes, c.key())).map(IocFeed::json).toList());
		return ResponseEntity.ok().cacheControl(cache()).body(body);
	}

	@GetMapping("/ioc/v1/snapshots")
	@IocAccess.Needs
	@Operation(summary = "Các ngày có ảnh chụp số liệu", description = "Ngày đã khép lại thì ảnh chụp không bao giờ thay đổi")
	ResponseEntity<Map<String, Object>> snapshots() {
		return ResponseEntity.ok().cacheControl(cache())
			.body(Map.of("days", feed.snapshotDays().stream().map(LocalDate::toString).toList()));
	}

	@GetMapping("/ioc/v1/snapshots/{day}")
	@IocAccess.Needs
	@Operation(summary = "Ảnh chụp số liệu của một ngày (yyyy-MM-dd)")
	ResponseEntity<Map<String, Object>> snapshot(@PathVariable String day, HttpServletRequest request) {
		LocalDate d;
		try {
			d = LocalDate.parse(day);
		}
		catch (DateTimeParseException e) {
			return ResponseEntity.badRequest().body(Map.of("status", 400, "message", "Ngày “" + day + "” không hợp lệ (yyyy-MM-dd)"));
		}
		var s = feed.snapshot(d);
		if (s.isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("status", 404, "message", "Không có ảnh chụp số liệu ngày " + day));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("day", d.toString());
		body.put("closed", s.get().closed());
		body.put("takenAt", s.get().takenAt().toString());
		body.put("figures", IocFigures.visible(s.get().figures(), client(request).scopes()));
		CacheControl cc = s.get().closed() ? CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePrivate() : cache();
		return ResponseEntity.ok().cacheControl(cc).lastModified(s.get().takenAt()).body(body);
	}

	@GetMapping("/ioc/v1/indicators")
	@IocAccess.Needs(IocScope.INDICATORS)
	@Operation(summary = "Bộ chỉ số: số liệu đã phê duyệt, chỉ tiêu, lộ trình, đánh giá và chuỗi số liệu")
	ResponseEntity<Map<String, Object>> indicators() {
		List<IndicatorPublicBoard.Line> lines = publicFigures.scoreboard(Locale.forLanguageTag("vi"));
		return ResponseEntity.ok().cacheControl(cache()).body(Map.of("indicators", lines));
	}

	@GetMapping("/ioc/v1/tasks/summary")
	@IocAccess.Needs(IocScope.TASKS)
	@Operation(summary = "Tình trạng nhiệm vụ: toàn tỉnh và theo kế hoạch, nhóm, với hai tỷ lệ hoàn thành và tỷ lệ quá hạn")
	ResponseEntity<Map<String, Object>> tasks() {
		PublicFigures.Progress p = publicFigures.progress();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("asOf", p.asOf().toString());
		body.put("total", counts(p.total()));
		body.put("plans", p.plans().stream().map(pl -> Map.of("plan", pl.plan(), "total", counts(pl.total()), "groups",
				pl.groups().stream().map(IocApiController::counts).toList())).toList());
		return ResponseEntity.ok().cacheControl(cache()).lastModified(p.computedAt()).body(body);
	}

	static Map<String, Object> counts(PublicFigures.Counts c) {
		Map<String, Object> m = new LinkedHashMap<>();
		if (c.label() != null && !c.label().isEmpty()) {
			m.put("group", c.label());
		}
		if (c.sub() != null) {
			m.put("title", c.sub());
		}
		m.put("total", c.total());
		Map<String, Long> by = new LinkedHashMap<>();
		c.byStatus().forEach((s, n) -> by.put(s.name(), n));
		m.put("byStatus", by);
		m.put("completionRateOverDue", c.rateOverDue());
		m.put("completionRateOverAll", c.rateOverAll());
		m.put("overdueRate", c.overdueRate());
		return m;
	}
}
