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
		ra.addFlashAttribute("flash", "Đã đánh dấu đã đọc " + n + " thông báo.");
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/preferences")
	String preferences(@RequestParam(name = "mailed", required = false) List<NotificationKind> mailed,
			RedirectAttributes ra) {
		Set<NotificationKind> set = mailed == null || mailed.isEmpty() ? EnumSet.noneOf(NotificationKind.class)
				: EnumSet.copyOf(mailed);
		centre.chooseMailed(AccessPolicy.current(), set);
		ra.addFlashAttribute("flash", "Đã lưu lựa chọn nhận thông báo qua thư.");
		return "redirect:/notifications";
	}

	@GetMapping("/admin/notifications")
	String admin(Model model) {
		model.addAttribute("counts", centre.outboxCounts());
		model.addAttribute("rows", centre.undelivered(300));
		return "notification/admin";
	}

	/**
	 * Computes the day's reminders now instead of waiting for the schedule (after a rule was changed, or to time
	 * the computation: bench/run-notification-benchmark.sh). Idempotent: what was already queued is not queued again.
	 */
	@PostMapping("/admin/notifications/reminders/run")
	String runReminders(RedirectAttributes ra) {
		ReminderEngine.Result r = jobs.reminders();
		ra.addFlashAttribute("flash", r == null ? "Một máy chủ khác đang tính nhắc việc; thử lại sau ít phút."
				: "Đã tính nhắc việc ngày hôm nay: " + r.total() + " thông báo mới (" + r.dueSoon() + " sắp đến hạn, "
						+ r.overdue() + " quá hạn, " + r.reports() + " báo cáo) trong " + r.millis() + " ms.");
		return "redirect:/admin/notifications";
	}

	@PostMapping("/admin/notifications/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes ra) {
		centre.retry(id);
		ra.addFlashAttribute("flash", "Đã đưa thư #" + id + " vào hàng đợi gửi lại.");
		return "redirect:/admin/notifications";
	}
}
