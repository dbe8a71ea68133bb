package vn.nq57.overview;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;
import vn.nq57.overview.OverviewQueries.GroupRow;
import vn.nq57.overview.OverviewService.Overview;
import vn.nq57.task.TaskStatus;
import vn.nq57.system.DomainException;

/** The overview page ("Tổng quan") leaders and Sở KH&CN open first. */
@Controller
class OverviewController {

	/** Above this many groups (all plans at once) the chart shows the totals by status instead. */
	static final int MAX_CHART_GROUPS = 20;

	/** The statuses in the order the tables read them: done, under way, late, then the tracker's own. */
	static final List<TaskStatus> COLUMNS = List.of(TaskStatus.COMPLETED_ON_TIME, TaskStatus.COMPLETED_LATE,
			TaskStatus.IN_PROGRESS, TaskStatus.OVERDUE, TaskStatus.AWAITING_TRIGGER, TaskStatus.ONGOING,
			TaskStatus.NO_DEADLINE);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final OverviewService overview;
	private final OverviewQueries queries;
	private final JsonMapper json;
	private final MessageSource messages;

	OverviewController(OverviewService overview, OverviewQueries queries, JsonMapper json, MessageSource messages) {
		this.overview = overview;
		this.queries = queries;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping("/overview")
	String overview(@RequestParam(required = false) Long plan, @RequestParam(required = false) String day,
			@RequestParam(defaultValue = "0") int apage, @RequestParam(defaultValue = "0") int opage, Model model,
			HttpServletRequest request, Locale locale) {
		overview.checkAllowed();
		LocalDate asOf = null;
		try {
			asOf = OverviewService.parseDay(day);
		}
		catch (DomainException e) {
			model.addAttribute("error",
					messages.getMessage("overview.day.invalid", new Object[] { e.getMessage() }, locale));
		}
		OverviewService.KeptOverview kept = overview.loadKept(plan, asOf, apage, opage);
		Overview o = kept.overview();
		model.addAttribute("o", o);
		model.addAttribute("countedAt", kept.countedAt() == null ? null
				: java.time.LocalTime.ofInstant(kept.countedAt(), vn.nq57.system.AppClock.ZONE_ID)
					.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")));
		model.addAttribute("plans", queries.plans());
		model.addAttribute("columns", COLUMNS);
		model.addAttribute("chart", json.writeValueAsString(chart(o, messages, locale)));
		// links are written with the context path rather than through @{…} (see overview.html)
		model.addAttribute("ctx", request.getContextPath());
		model.addAttribute("base", request.getContextPath() + baseQuery(o));
		return "overview/overview";
	}

	/** The query string that keeps the plan and the day across the pagers. */
	private static String baseQuery(Overview o) {
		StringBuilder q = new StringBuilder("/overview?");
		if (o.planId() != null) {
			q.append("plan=").append(o.planId()).append('&');
		}
		if (!o.today()) {
			q.append("day=").append(o.day().format(DAY)).append('&');
		}
		return q.toString();
	}

	/**
	 * Chart.js data, handed to static/js/overview.js in a data-* attribute (no inline script under the CSP), its
	 * words in the page's language; group titles are content and stay as written.
	 */
	static Map<String, Object> chart(Overview o, MessageSource messages, Locale locale) {
		java.util.function.Function<TaskStatus, String> name = s -> messages.getMessage("status." + s.name(), null,
				s.label(), locale);
		List<GroupRow> groups = o.summary().groups();
		boolean byGroup = groups.size() <= MAX_CHART_GROUPS;
		Map<String, Object> chart = new LinkedHashMap<>();
		List<Map<String, Object>> datasets = new ArrayList<>();
		if (byGroup) {
			chart.put("labels", groups.stream().map(g -> g.code() == null ? g.title() : messages.getMessage("overview.chart.group", new Object[] { g.code() }, locale)).toList());
			chart.put("titles", groups.stream().map(GroupRow::title).toList());
			for (TaskStatus s : COLUMNS) {
				datasets.add(Map.of("status", s.name(), "label", name.apply(s),
						"data", groups.stream().map(g -> g.count(s)).toList()));
			}
		}
		else {
			chart.put("labels", COLUMNS.stream().map(name).toList());
			chart.put("titles", COLUMNS.stream().map(name).toList());
			datasets.add(Map.of("status", "ALL", "label", messages.getMessage("overview.chart.tasks", null, locale),
					"data", COLUMNS.stream().map(s -> o.summary().totals().get(s)).toList(),
					"statuses", COLUMNS.stream().map(TaskStatus::name).toList()));
		}
		chart.put("stacked", byGroup);
		chart.put("datasets", datasets);
		return chart;
	}
}
