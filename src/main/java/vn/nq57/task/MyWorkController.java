package vn.nq57.task;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.system.AppClock;
import vn.nq57.system.Settings;

/** "Việc của tôi": the signed-in user's agency's assignments, the most urgent first. */
@Controller
class MyWorkController {

	private final TaskQueries queries;
	private final ProgressService progress;
	private final AppClock clock;
	private final Settings settings;

	MyWorkController(TaskQueries queries, ProgressService progress, AppClock clock, Settings settings) {
		this.queries = queries;
		this.progress = progress;
		this.clock = clock;
		this.settings = settings;
	}

	@GetMapping("/my")
	String my(@RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = AccessPolicy.current();
		model.addAttribute("page", queries.assignmentsOf(me.agencyId(), all, clock.today(), settings.dueSoonDays(),
				Math.max(0, page), 25));
		model.addAttribute("all", all);
		model.addAttribute("pageUrl", "/my?all=" + all + "&");
		model.addAttribute("pendingClaims", progress.pendingCount(me));
		return "task/my";
	}
}
