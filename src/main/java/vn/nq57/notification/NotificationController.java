package vn.nq57.notification;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.system.Flash;

@Controller
class NotificationController {

	private final NotificationCentre centre;

	private final NotificationJobs jobs;

	NotificationController(NotificationCentre centre, NotificationJobs jobs) {
		this.centre = centre;
		this.jobs = jobs;
	}

	@GetMapping("/notifications")
	String centre(Model model) {
		CurrentUser me = AccessPolicy.current();
		model.addAttribute("items", centre.latest(me.id(), 200));
		model.addAttribute("kinds", NotificationKind.values());
		model.addAttribute("mailed", centre.mailedKinds(me.id()));
		return "notification/centre";
	}

	/** Opening a notification marks it read and goes to the task or report it is about. */
	@PostMapping("/notifications/{id}/open")
	String open(@PathVariable long id) {
		return "redirect:" + centre.open(AccessPolicy.current(), id);
	}

	@PostMapping("/notifications/read-all")
	String readAll(RedirectAttributes ra) {
		int n = centre.markAllRead(AccessPolicy.current());
		Flash.done(ra, "flash.notification.read", String.valueOf(n));
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/preferences")
	String preferences(@RequestParam(name = "mailed", required = false) List<NotificationKind> mailed,
			RedirectAttributes ra) {
		Set<NotificationKind> set = mailed == null || mailed.isEmpty() ? EnumSet.noneOf(NotificationKind.class)
				: EnumSet.copyOf(mailed);
		centre.chooseMailed(AccessPolicy.current(), set);
		Flash.done(ra, "flash.notification.mailSaved");
		return "redirect:/notifications";
	}

	@GetMapping("/admin/notifications")
	String admin(Model model) {
		model.addAttribute("counts", centre.outboxCounts());
		model.addAttribute("rows", centre.undelivered(300));
		model.addAttribute("mailConfigured", jobs.mailConfigured());
		return "notification/admin";
	}

	/**
	 * Computes the day's reminders now instead of waiting for the schedule (after a rule was changed, or to time
	 * the computation: bench/run-notification-benchmark.sh). Idempotent: what was already queued is not queued again.
	 */
	@PostMapping("/admin/notifications/reminders/run")
	String runReminders(RedirectAttributes ra) {
		ReminderEngine.Result r = jobs.reminders();
		if (r == null) {
			Flash.done(ra, "flash.reminders.busy");
		}
		else {
			Flash.done(ra, "flash.reminders.done", String.valueOf(r.total()), String.valueOf(r.dueSoon()),
					String.valueOf(r.overdue()), String.valueOf(r.reports()), String.valueOf(r.millis()));
		}
		return "redirect:/admin/notifications";
	}

	@PostMapping("/admin/notifications/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes ra) {
		centre.retry(id);
		Flash.done(ra, "flash.notification.requeued", String.valueOf(id));
		return "redirect:/admin/notifications";
	}
}
