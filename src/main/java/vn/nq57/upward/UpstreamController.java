package vn.nq57.upward;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import vn.nq57.account.AccessPolicy;
import vn.nq57.account.Role;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;
import vn.nq57.upward.Upstream.SubjectType;

/** The national systems: the list, one system's page (due, mapped, missing, last sent), imports, exports, pushes. */
@Controller
class UpstreamController {

	private final Upstream upstream;
	private final CentralList lists;
	private final UpstreamExport export;
	private final AccessPolicy policy;
	private final JdbcTemplate jdbc;
	private final AppClock clock;

	UpstreamController(Upstream upstream, CentralList lists, UpstreamExport export, AccessPolicy policy, JdbcTemplate jdbc,
			AppClock clock) {
		this.upstream = upstream;
		this.lists = lists;
		this.export = export;
		this.policy = policy;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record SystemRow(Upstream.System system, long indicators, long tasks, long agencies, Upstream.Submission last) {
	}

	@GetMapping("/upward")
	String index(Model model) {
		policy.requireRoute("/upward");
		List<SystemRow> rows = new ArrayList<>();
		for (Upstream.System s : upstream.systems()) {
			Map<String, Long> n = counts(s.id());
			List<Upstream.Submission> last = upstream.submissions(s.id(), 1);
			rows.add(new SystemRow(s, n.getOrDefault("INDICATOR", 0L), n.getOrDefault("TASK", 0L), n.getOrDefault("AGENCY", 0L),
					last.isEmpty() ? null : last.get(0)));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("manage", AccessPolicy.current().is(Role.SECRETARIAT));
		return "upward/index";
	}

	private Map<String, Long> counts(long systemId) {
		Map<String, Long> n = new HashMap<>();
		jdbc.query("SELECT subject_type, count(*) FROM upstream_code WHERE system_id = ? GROUP BY 1", rs -> {
			n.put(rs.getString(1), rs.getLong(2));
		}, systemId);
		return n;
	}

	@PostMapping("/upward/systems")
	String addSystem(@RequestParam(required = false) String code, @RequestParam(required = false) String name, @RequestParam(required = false) String owner,
			RedirectAttributes redirect) {
		try {
			upstream.addSystem(code, name, owner);
			Flash.done(redirect, "flash.upward.systemAdded");
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/upward";
	}

	/** An indicator mapped to a system and whether its figure of the last finished period is ready. */
	public record Due(String upstreamCode, String code, String name, String frequency, LocalDate expected, LocalDate latest,
			boolean ready) {
	}

	static LocalDate lastFinished(String frequency, LocalDate today) {
		LocalDate first = today.withDayOfMonth(1);
		return switch (frequency == null ? "" : frequency) {
			case "MONTHLY" -> first.minusMonths(1);
			case "QUARTERLY" -> first.withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).minusMonths(3);
			case "HALF_YEARLY" -> today.getMonthValue() <= 6 ? LocalDate.of(today.getYear() - 1, 7, 1) : LocalDate.of(today.getYear(), 1, 1);
			default -> LocalDate.of(today.getYear() - 1, 1, 1);
		};
	}

	@GetMapping("/upward/systems/{code}")
	String system(@PathVariable String code, Model model) {
		upstream.requireRead();
		Upstream.System s = upstream.system(code);
		LocalDate today = clock.today();
		List<Due> due = jdbc.query("""
				SELECT c.code, i.code, i.name, i.frequency,
				       (SELECT max(r.period_start) FROM indicator_rollup_view r WHERE r.indicator_id = i.id AND r.value IS NOT NULL)
				FROM upstream_code c JOIN indicator_view i ON i.id = c.subject_id
				WHERE c.system_id = ? AND c.subject_type = 'INDICATOR' ORDER BY c.code""", (rs, i) -> {
			LocalDate expected = lastFinished(rs.getString(4), today);
			LocalDate latest = rs.getObject(5, LocalDate.class);
			return new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), expected, latest,
					latest != null && !latest.isBefore(expected));
		}, s.id());
		Map<String, Long> n = counts(s.id());
		model.addAttribute("s", s);
		model.addAttribute("due", due);
		model.addAttribute("readyCount", due.stream().filter(Due::ready).count());
		model.addAttribute("counts", n);
		model.addAttribute("indicatorCodes", upstream.codes(s.id(), SubjectType.INDICATOR));
		model.addAttribute("taskCodes", upstream.codes(s.id(), SubjectType.TASK));
		model.addAttribute("agencyCodes", upstream.codes(s.id(), SubjectType.AGENCY));
		model.addAttribute("unmappedIndicators", jdbc.query("""
				SELECT i.code, i.name FROM indicator_view i WHERE i.active
				  AND NOT EXISTS (SELECT 1 FROM upstream_code c WHERE c.system_id = ? AND c.subject_type = 'INDICATOR' AND c.subject_id = i.id)
				ORDER BY i.code""", (rs, i) -> new String[] { rs.getString(1), rs.getString(2) }, s.id()));
		model.addAttribute("unmatchedIndicators", lists.unmatched(s.id(), SubjectType.INDICATOR));
		model.addAttribute("unmatchedTasks", lists.unmatched(s.id(), SubjectType.TASK));
		model.addAttribute("submissions", upstream.submissions(s.id(), 10));
		model.addAttribute("types", SubjectType.values());
		model.addAttribute("indicators", upstream.subjects(SubjectType.INDICATOR));
		model.addAttribute("agencies", upstream.subjects(SubjectType.AGENCY));
		model.addAttribute("manage", AccessPolicy.current().is(Role.SECRETARIAT));
		return "upward/system";
	}

	@PostMapping("/upward/systems/{code}/push-url")
	String pushUrl(@PathVariable String code, @RequestParam(required = false) String url,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		try {
			upstream.setPushUrl(code, url, version);
			Flash.done(redirect, "flash.upward.saved");
		}
		catch (vn.nq57.system.ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/upward/systems/" + code;
	}

	@PostMapping("/upward/systems/{code}/map")
	String map(@PathVariable String code, @RequestParam SubjectType type, @RequestParam(required = false) Long subject,
			@RequestParam(required = false) String upstreamCode, @RequestParam(required = false) String centralName,
			RedirectAttributes redirect) {
		try {
			// the record, the code and the name checked together, each problem beside its field in the form of
			// that kind (the posted type tells the page which of its three forms)
			upstream.mapOne(code, type, subject, upstreamCode, centralName);
			Flash.done(redirect, "flash.upward.mapped");
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/upward/systems/" + code;
	}

	@PostMapping("/upward/systems/{code}/unmap")
	String unmap(@PathVariable String code, @RequestParam SubjectType type, @RequestParam long subject, RedirectAttributes redirect) {
		upstream.unmap(code, type, subject);
		Flash.done(redirect, "flash.upward.unmapped");
		return "redirect:/upward/systems/" + code;
	}

	@PostMapping("/upward/systems/{code}/import")
	String importList(@PathVariable String code, @RequestParam SubjectType type, @RequestParam("file") MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		try {
			CentralList.Preview p = lists.preview(code, type, file.getBytes(), String.valueOf(file.getOriginalFilename()));
			return "redirect:/upward/lists/" + p.listId();
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
			return "redirect:/upward/systems/" + code;
		}
	}

	@GetMapping("/upward/lists/{id}")
	String preview(@PathVariable long id, Model model) {
		CentralList.Preview p = lists.preview(id);
		model.addAttribute("p", p);
		return "upward/list";
	}

	@PostMapping("/upward/lists/{id}")
	String commit(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
		Map<Integer, Long> choices = new LinkedHashMap<>();
		request.getParameterMap().forEach((k, v) -> {
			if (k.startsWith("line") && v.length > 0 && !v[0].isBlank()) {
				try {
					choices.put(Integer.parseInt(k.substring(4)), Long.parseLong(v[0]));
				}
				catch (NumberFormatException e) {
					// not a choice
				}
			}
		});
		CentralList.Preview p = lists.preview(id);
		try {
			int n = lists.commit(id, choices);
			Flash.done(redirect, "flash.upward.listCommitted", String.valueOf(n));
			return "redirect:/upward/systems/" + p.system().code();
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
			return "redirect:/upward/lists/" + id;
		}
	}

	@GetMapping("/upward/systems/{code}/export.xlsx")
	ResponseEntity<byte[]> exportFile(@PathVariable String code) {
		byte[] data = export.exportFile(code);
		return FollowupController.file(data, "gui-" + code.toLowerCase() + "-" + clock.today() + ".xlsx",
				MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	}

	@PostMapping("/upward/systems/{code}/push")
	String push(@PathVariable String code, RedirectAttributes redirect) {
		try {
			UpstreamPush.Result r = export.push(code);
			if (r.accepted()) {
				Flash.done(redirect, "flash.upward.pushed", r.receipt() == null ? "" : r.receipt());
			}
			else {
				Flash.error(redirect, r.message());
			}
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/upward/systems/" + code;
	}
}
