package vn.nq57.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nq57.notification.NotifyFixture.count;
import static vn.nq57.notification.NotifyFixture.receivedBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import vn.nq57.IntegrationTest;
import vn.nq57.TestTasks;
import vn.nq57.task.Task;
import vn.nq57.system.AppClock;
import vn.nq57.system.Settings;

@IntegrationTest
class ReminderMailTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(true);

	@Autowired JdbcTemplate jdbc;
	@Autowired TestTasks tasks;
	@Autowired ReminderEngine engine;
	@Autowired MailOutbox outbox;
	@Autowired JavaMailSender sender;
	@Autowired AppClock clock;
	@Autowired Settings settings;

	@BeforeEach
	void pointAtGreenMail() {
		NotifyFixture.smtpPort(sender, smtp.getSmtp().getPort());
	}

	@AfterEach
	void resetClock() {
		clock.fixAt(TODAY);
	}

	/** Sends everything due now, as many rounds as it takes. */
	int sendAll(Instant now) {
		return outbox.sendDue(now, 100_000);
	}

	@Test
	@DisplayName("a task due in 7 days is reminded once to each officer and head; no e-mail, a bad address and an opt-out are reported, not lost")
	void remindersOnceEach() throws Exception {
		String code = NotifyFixture.agency(jdbc, "Công ty thử nghiệm nhắc việc");
		String officerMail = NotifyFixture.mailbox("canbo");
		String headMail = NotifyFixture.mailbox("giamdoc");
		long officer = NotifyFixture.user(jdbc, code, "AGENCY_OFFICER", officerMail);
		long head = NotifyFixture.user(jdbc, code, "AGENCY_HEAD", headMail);
		long noMail = NotifyFixture.user(jdbc, code, "AGENCY_OFFICER", null);
		long badMail = NotifyFixture.user(jdbc, code, "AGENCY_OFFICER", "khong hop le@@donvi");
		String optOutMail = NotifyFixture.mailbox("khongnhan");
		long optOut = NotifyFixture.user(jdbc, code, "AGENCY_OFFICER", optOutMail);
		jdbc.update("INSERT INTO notification_mail_optout(user_id, kind) VALUES (?, 'ASSIGNMENT_DUE')", optOut);
		Task task = tasks.create("Xây dựng kho dữ liệu nhắc việc thử nghiệm", "29/11/2026", code);

		engine.compute(TODAY);
		engine.compute(TODAY); // a second run, as another node or a restart would do
		for (long u : List.of(officer, head, noMail, badMail, optOut)) {
			assertThat(count(jdbc, u, "ASSIGNMENT_DUE")).as("one reminder in the app for user " + u).isEqualTo(1);
		}
		assertThat(NotifyFixture.row(jdbc, officer, "ASSIGNMENT_DUE").get("title"))
			.isEqualTo("Nhiệm vụ sắp đến hạn: còn 7 ngày (hạn 29/11/2026)");
		assertThat(NotifyFixture.row(jdbc, officer, "ASSIGNMENT_DUE").get("link")).isEqualTo("/tasks/" + task.getId());

		Instant now = Instant.now();
		sendAll(now);
		sendAll(now.plusSeconds(3600));

		List<MimeMessage> toOfficer = receivedBy(smtp, officerMail);
		assertThat(toOfficer).hasSize(1);
		assertThat(toOfficer.get(0).getSubject()).isEqualTo("[NQ57] Nhiệm vụ sắp đến hạn: còn 7 ngày (hạn 29/11/2026)");
		assertThat(bodyOf(toOfficer.get(0))).contains("Xây dựng kho dữ liệu nhắc việc thử nghiệm",
				"Thời hạn hoàn thành: 29/11/2026", "Công ty thử nghiệm nhắc việc", "/tasks/" + task.getId());
		assertThat(receivedBy(smtp, headMail)).hasSize(1);
		assertThat(receivedBy(smtp, optOutMail)).as("opted out of this kind by mail").isEmpty();
		assertThat(NotifyFixture.row(jdbc, noMail, "ASSIGNMENT_DUE").get("mail_state")).isEqualTo("NO_ADDRESS");
		assertThat(NotifyFixture.row(jdbc, optOut, "ASSIGNMENT_DUE").get("mail_state")).isEqualTo("NOT_WANTED");
		var bad = NotifyFixture.row(jdbc, badMail, "ASSIGNMENT_DUE");
		assertThat(bad.get("mail_state")).as("an invalid address is not retried").isEqualTo("FAILED");
		assertThat(bad.get("attempts")).isEqualTo(1);
		assertThat((String) bad.get("last_error")).contains("không hợp lệ");
		assertThat(NotifyFixture.row(jdbc, officer, "ASSIGNMENT_DUE").get("mail_state")).isEqualTo("SENT");

		// three days later the "3 days before" stage; the day before, "1 day"; a rerun adds nothing
		clock.fixAt(LocalDate.of(2026, 11, 26));
		engine.computeDay();
		engine.computeDay();
		assertThat(count(jdbc, officer, "ASSIGNMENT_DUE")).isEqualTo(2);
		sendAll(now.plusSeconds(7200));
		assertThat(receivedBy(smtp, officerMail)).hasSize(2);

		// the clock jumps a month: the stages passed meanwhile are not sent late, the overdue stage is, once
		clock.fixAt(LocalDate.of(2026, 12, 22));
		engine.computeDay();
		engine.computeDay();
		assertThat(count(jdbc, officer, "ASSIGNMENT_DUE")).as("no backlog of passed stages").isEqualTo(2);
		assertThat(count(jdbc, officer, "ASSIGNMENT_OVERDUE")).isEqualTo(1);
		assertThat(NotifyFixture.row(jdbc, officer, "ASSIGNMENT_OVERDUE").get("due_moment").toString())
			.as("latest stage: due + 21 days").isEqualTo("2026-12-20");
		assertThat(NotifyFixture.row(jdbc, officer, "ASSIGNMENT_OVERDUE").get("title"))
			.isEqualTo("Nhiệm vụ quá hạn 23 ngày (hạn 29/11/2026)");
		sendAll(now.plusSeconds(10800));
		sendAll(now.plusSeconds(14400));
		assertThat(receivedBy(smtp, officerMail)).hasSize(3);
		assertThat(receivedBy(smtp, headMail)).hasSize(3);
	}

	@Test
	@DisplayName("with the SMTP server down for an hour, mail is retried with back-off and delivered exactly once when it is back")
	void serverDownForAnHour() throws Exception {
		String code = NotifyFixture.agency(jdbc, "Công ty thử nghiệm máy chủ thư");
		String officerMail = NotifyFixture.mailbox("canbo");
		long officer = NotifyFixture.user(jdbc, code, "AGENCY_OFFICER", officerMail);
		tasks.create("Nhiệm vụ thử máy chủ thư ngừng", "22/11/2026", code);
		engine.compute(TODAY);
		sendAll(Instant.now()); // whatever else is queued goes now, while the server is up
		// the officer's reminder goes back in the queue as if it had not been tried yet
		jdbc.update("UPDATE notification SET mail_state = 'PENDING', attempts = 0, sent_at = NULL, next_attempt_at = now() WHERE user_id = ?", officer);
		jdbc.update("DELETE FROM notification_attempt WHERE notification_id IN (SELECT id FROM notification WHERE user_id = ?)", officer);
		assertThat(NotifyFixture.row(jdbc, officer, "ASSIGNMENT_DUE").get("title"))
			.isEqualTo("Nhiệm vụ đến hạn hôm nay (22/11/2026)");
		int before = receivedBy(smtp, officerMail).size();

		NotifyFixture.smtpPort(sender, closedPort());
		Instant t0 = Instant.now();
		for (int minute = 0; minute < 60; minute += 5) {
			sendAll(t0.plus(Duration.ofMinutes(minute)));
		}
		var row = NotifyFixture.row(jdbc, officer, "ASSIGNMENT_DUE");
		assertThat(row.get("mail_state")).isEqualTo("PENDING");
		int failures = (Integer) row.get("attempts");
		// back-off 1, 2, 4, 8, 16 min…: attempts at 0, 5, 10, 15, 25, 45 min
		assertThat(failures).isBetween(4, 7);
		assertThat((String) row.get("last_error")).isNotBlank();

		NotifyFixture.smtpPort(sender, smtp.getSmtp().getPort());
		sendAll(t0.plus(Duration.ofMinutes(62)));
		sendAll(t0.plus(Duration.ofMinutes(200)));
		assertThat(receivedBy(smtp, officerMail)).hasSize(before + 1);
		row = NotifyFixture.row(jdbc, officer, "ASSIGNMENT_DUE");
		assertThat(row.get("mail_state")).isEqualTo("SENT");
		assertThat(jdbc.queryForList("SELECT outcome FROM notification_attempt WHERE notification_id = ? ORDER BY id",
				String.class, row.get("id"))).endsWith("SENT").filteredOn("SENT"::equals).hasSize(1);
	}

	@Test
	@DisplayName("after the last allowed attempt a mail is FAILED and stays so; nothing more is tried")
	void givesUp() throws Exception {
		String code = NotifyFixture.agency(jdbc, "Công ty thử nghiệm bỏ cuộc");
		long officer = NotifyFixture.user(jdbc, code, "AGENCY_OFFICER", NotifyFixture.mailbox("canbo"));
		tasks.create("Nhiệm vụ thử gửi lỗi mãi", "25/11/2026", code);
		engine.compute(TODAY);
		sendAll(Instant.now());
		jdbc.update("UPDATE notification SET mail_state = 'PENDING', attempts = 0, next_attempt_at = now() WHERE user_id = ?", officer);
		settings.put(NotificationSettings.MAX_ATTEMPTS, "3");
		try {
			NotifyFixture.smtpPort(sender, closedPort());
			Instant t = Instant.now();
			for (int i = 0; i < 10; i++) {
				sendAll(t.plus(Duration.ofHours(i)));
			}
			var row = NotifyFixture.row(jdbc, officer, "ASSIGNMENT_DUE");
			assertThat(row.get("mail_state")).isEqualTo("FAILED");
			assertThat(row.get("attempts")).isEqualTo(3);
		}
		finally {
			settings.put(NotificationSettings.MAX_ATTEMPTS, "10");
		}
	}

	static int closedPort() throws Exception {
		try (var s = new java.net.ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	static String bodyOf(MimeMessage m) throws Exception {
		StringBuilder b = new StringBuilder();
		collect(m.getContent(), b);
		return b.toString();
	}

	private static void collect(Object content, StringBuilder b) throws Exception {
		if (content instanceof Multipart mp) {
			for (int i = 0; i < mp.getCount(); i++) {
				collect(mp.getBodyPart(i).getContent(), b);
			}
		}
		else if (content instanceof String s) {
			b.append(s).append('\n');
		}
	}
}
