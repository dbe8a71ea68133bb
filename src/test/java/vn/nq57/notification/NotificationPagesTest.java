package vn.nq57.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.TestTasks;
import vn.nq57.account.UserService;
import vn.nq57.task.Task;

/** The pages: the notification centre and mail choices (every user), the outbox (ADMIN), the urging desk (DoST). */
@IntegrationTest
@AutoConfigureMockMvc
class NotificationPagesTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@Autowired MockMvc mvc;
	@Autowired JdbcTemplate jdbc;
	@Autowired TestTasks tasks;
	@Autowired ReminderEngine engine;
	@Autowired UserService users;

	String code;
	long officer;
	String officerName;
	Task soon;
	Task later;

	@BeforeEach
	void officerWithTwoReminders() {
		// a name of its own per test: agency names are unique in the registry (AgencyRegistryTest round-trips them)
		code = NotifyFixture.agency(jdbc, "Công ty thử nghiệm trang thông báo " + java.util.UUID.randomUUID().toString().substring(0, 8));
		officer = NotifyFixture.user(jdbc, code, "AGENCY_OFFICER", NotifyFixture.mailbox("canbo"));
		officerName = jdbc.queryForObject("SELECT username FROM app_user WHERE id = ?", String.class, officer);
		soon = tasks.create("Nhiệm vụ trang thông báo hạn 3 ngày", "25/11/2026", code);
		later = tasks.create("Nhiệm vụ trang thông báo hạn 7 ngày", "29/11/2026", code);
		engine.compute(TODAY);
		assertThat(NotifyFixture.count(jdbc, officer, "ASSIGNMENT_DUE")).isEqualTo(2);
	}

	long notificationAbout(Task task) {
		return jdbc.queryForObject("SELECT id FROM notification WHERE user_id = ? AND task_id = ?", Long.class, officer,
				task.getId());
	}

	long unread() {
		return jdbc.queryForObject("SELECT count(*) FROM notification WHERE user_id = ? AND read_at IS NULL", Long.class,
				officer);
	}

	@Test
	@DisplayName("/notifications lists the user's own notifications with the unread count; opening one marks it read and goes to the task")
	void centre() throws Exception {
		mvc.perform(get("/notifications").with(user(users.loadUserByUsername(officerName))))
			.andExpect(status().isOk())
			.andExpect(model().attribute("unreadCount", 2L))
			.andExpect(content().string(containsString("Nhiệm vụ sắp đến hạn: còn 3 ngày (hạn 25/11/2026)")))
			.andExpect(content().string(containsString("Nhiệm vụ sắp đến hạn: còn 7 ngày (hạn 29/11/2026)")))
			.andExpect(content().string(containsString("2 thông báo chưa đọc")));
		// the badge is on every page, not only the centre's
		mvc.perform(get("/tasks/{id}", soon.getId()).with(user(users.loadUserByUsername(officerName))))
			.andExpect(status().isOk())
			.andExpect(model().attribute("unreadCount", 2L));

		long id = notificationAbout(soon);
		mvc.perform(post("/notifications/{id}/open", id).with(user(users.loadUserByUsername(officerName))).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/tasks/" + soon.getId()));
		assertThat(unread()).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT read_at IS NOT NULL FROM notification WHERE id = ?", Boolean.class, id))
			.isTrue();
		mvc.perform(get("/notifications").with(user(users.loadUserByUsername(officerName))))
			.andExpect(model().attribute("unreadCount", 1L));

		// another user cannot open (nor mark read) this user's notification
		long other = notificationAbout(later);
		mvc.perform(post("/notifications/{id}/open", other).with(user(users.loadUserByUsername("cb.stc"))).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(unread()).isEqualTo(1);

		mvc.perform(post("/notifications/read-all").with(user(users.loadUserByUsername(officerName))).with(csrf()))
			.andExpect(redirectedUrl("/notifications"))
			.andExpect(flash().attribute("flash", "Đã đánh dấu đã đọc 1 thông báo."));
		assertThat(unread()).isZero();
		mvc.perform(get("/notifications").with(user(users.loadUserByUsername(officerName))))
			.andExpect(model().attribute("unreadCount", 0L))
			.andExpect(content().string(not(containsString("thông báo chưa đọc"))));
	}

	@Test
	@DisplayName("mail preferences: kinds left unticked are not mailed from then on; the official letter cannot be turned off")
	void preferences() throws Exception {
		mvc.perform(post("/notifications/preferences").with(user(users.loadUserByUsername(officerName))).with(csrf())
			.param("mailed", "ASSIGNMENT_DUE"))
			.andExpect(redirectedUrl("/notifications"));
		assertThat(jdbc.queryForList("SELECT kind FROM notification_mail_optout WHERE user_id = ?", String.class, officer))
			.containsExactlyInAnyOrder("ASSIGNMENT_OVERDUE", "REPORT_DUE", "DEADLINE_DUE", "DEADLINE_OVERDUE", "WEEKLY_DIGEST");
		mvc.perform(get("/notifications").with(user(users.loadUserByUsername(officerName))))
			.andExpect(content().string(containsString("value=\"ASSIGNMENT_DUE\" checked=\"checked\"")))
			.andExpect(content().string(containsString("value=\"ASSIGNMENT_OVERDUE\">")));

		// both tasks, still open over 7 days after their due dates, are reminded in the app, not by mail
		engine.compute(LocalDate.of(2026, 12, 6));
		assertThat(jdbc.queryForList("SELECT mail_state FROM notification WHERE user_id = ? AND kind = 'ASSIGNMENT_OVERDUE'",
				String.class, officer)).containsExactly("NOT_WANTED", "NOT_WANTED");

		// nothing ticked: every optional kind off; URGING_LETTER posted as "off" is ignored
		mvc.perform(post("/notifications/preferences").with(user(users.loadUserByUsername(officerName))).with(csrf()))
			.andExpect(redirectedUrl("/notifications"));
		assertThat(jdbc.queryForList("SELECT kind FROM notification_mail_optout WHERE user_id = ?", String.class, officer))
			.containsExactlyInAnyOrder("ASSIGNMENT_DUE", "ASSIGNMENT_OVERDUE", "REPORT_DUE", "DEADLINE_DUE", "DEADLINE_OVERDUE",
					"WEEKLY_DIGEST");
	}

	@Test
	@DisplayName("/admin/notifications: ADMIN sees the outbox, re-queues a failed mail and runs the reminders; everyone else gets 403")
	void adminOutbox() throws Exception {
		long id = notificationAbout(soon);
		jdbc.update("UPDATE notification SET mail_state = 'FAILED', attempts = 10, last_error = 'Lỗi thử nghiệm 550' WHERE id = ?", id);

		mvc.perform(get("/admin/notifications").with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Lỗi thử nghiệm 550")))
			.andExpect(content().string(containsString(officerName)));
		for (String who : List.of("sokhcn", "lanhdao", "gd.stc", "cb.stc", officerName)) {
			mvc.perform(get("/admin/notifications").with(user(users.loadUserByUsername(who))))
				.andExpect(status().isForbidden());
			mvc.perform(post("/admin/notifications/{id}/retry", id).with(user(users.loadUserByUsername(who))).with(csrf()))
				.andExpect(status().isForbidden());
			mvc.perform(post("/admin/notifications/reminders/run").with(user(users.loadUserByUsername(who))).with(csrf()))
				.andExpect(status().isForbidden());
		}
		assertThat(jdbc.queryForObject("SELECT mail_state FROM notification WHERE id = ?", String.class, id))
			.isEqualTo("FAILED");

		mvc.perform(post("/admin/notifications/{id}/retry", id).with(user(users.loadUserByUsername("admin"))).with(csrf()))
			.andExpect(redirectedUrl("/admin/notifications"));
		assertThat(jdbc.queryForMap("SELECT mail_state, attempts FROM notification WHERE id = ?", id))
			.containsEntry("mail_state", "PENDING").containsEntry("attempts", 0);

		// the trigger computes the application's day (22/11/2026), idempotently
		mvc.perform(post("/admin/notifications/reminders/run").with(user(users.loadUserByUsername("admin"))).with(csrf()))
			.andExpect(redirectedUrl("/admin/notifications"))
			.andExpect(flash().attribute("flash", containsString("Đã tính nhắc việc ngày hôm nay: ")));
		assertThat(NotifyFixture.count(jdbc, officer, "ASSIGNMENT_DUE")).isEqualTo(2);
	}

	@Test
	@DisplayName("/urging: DoST sees whom to urge and drafts letters; a leader reads only the reprimand list; others get 403")
	void urgingDesk() throws Exception {
		long agency = tasks.agency(code);
		mvc.perform(get("/urging").with(user(users.loadUserByUsername("sokhcn"))))
			.andExpect(status().isOk())
			.andExpect(model().attribute("secretariat", true))
			.andExpect(content().string(containsString("Soạn công văn đôn đốc")));
		mvc.perform(get("/urging/letters/new").param("agency", String.valueOf(agency))
			.with(user(users.loadUserByUsername("sokhcn"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Công ty thử nghiệm trang thông báo")));

		mvc.perform(get("/urging").with(user(users.loadUserByUsername("lanhdao"))))
			.andExpect(status().isOk())
			.andExpect(model().attribute("secretariat", false))
			.andExpect(content().string(not(containsString("Soạn công văn đôn đốc"))));
		mvc.perform(get("/urging/letters/new").param("agency", String.valueOf(agency))
			.with(user(users.loadUserByUsername("lanhdao"))))
			.andExpect(status().isForbidden());

		for (String who : List.of("admin", "gd.stc", "cb.stc", officerName)) {
			mvc.perform(get("/urging").with(user(users.loadUserByUsername(who)))).andExpect(status().isForbidden());
			mvc.perform(get("/urging/letters/new").param("agency", String.valueOf(agency))
				.with(user(users.loadUserByUsername(who))))
				.andExpect(status().isForbidden());
			mvc.perform(post("/urging/letters").with(user(users.loadUserByUsername(who))).with(csrf())
				.param("agency", String.valueOf(agency)).param("number", "1/SKHCN").param("intro", "x")
				.param("closing", "y").param("signTitle", "GIÁM ĐỐC").param("action", "send"))
				.andExpect(status().isForbidden());
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM urging_letter WHERE agency_id = ?", Long.class, agency))
			.isZero();
	}
}
