package vn.nq57.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nq57.notification.NotifyFixture.receivedBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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

import jakarta.mail.internet.MimeMessage;
import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.recommendation.RecommendationService;
import vn.nq57.system.AppClock;
import vn.nq57.testdata.World;

/**
 * The catalogues' deadlines through the reminder job itself ({@link NotificationJobs#reminders}, under its lock) and
 * the mail outbox to an in-process SMTP server: a recommendation routed to an agency is reminded to its staff before
 * the answer is due, escalated to its head and DoST once it is overdue past the setting's days, once per stage, and
 * no more once answered.
 */
@IntegrationTest
class CatalogueReminderMailTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(true);

	@Autowired JdbcTemplate jdbc;
	@Autowired NotificationJobs jobs;
	@Autowired MailOutbox outbox;
	@Autowired JavaMailSender sender;
	@Autowired AppClock clock;
	@Autowired RunAs runAs;
	@Autowired RecommendationService recommendations;
	@Autowired World world;

	@BeforeEach
	void pointAtGreenMail() {
		NotifyFixture.smtpPort(sender, smtp.getSmtp().getPort());
	}

	@AfterEach
	void resetClock() {
		clock.fixAt(TODAY);
	}

	/** The daily job as the scheduler runs it; the lock of the previous run is let go first (it is held 5 s at least). */
	ReminderEngine.Result runJob() {
		jdbc.update("UPDATE shedlock SET lock_until = timezone('utc', now()) - interval '1 second' WHERE name = 'notification.reminders'");
		return jobs.reminders();
	}

	static List<MimeMessage> mine(List<MimeMessage> all, String title) throws Exception {
		List<MimeMessage> out = new java.util.ArrayList<>();
		for (MimeMessage m : all) {
			if (m.getSubject().contains(title)) {
				out.add(m);
			}
		}
		return out;
	}

	List<Map<String, Object>> notes(long user, long subject) {
		return jdbc.queryForList("SELECT kind, title, mail_state FROM notification WHERE user_id = ? AND subject_type = "
				+ "'RECOMMENDATION' AND subject_id = ? ORDER BY id", user, subject);
	}

	@Test
	@DisplayName("a routed recommendation: reminded by mail before its deadline, escalated to the head and DoST when long overdue, silent once answered")
	void recommendationDeadlinesByMail() throws Exception {
		String officerMail = NotifyFixture.mailbox("kiennghi-canbo");
		String headMail = NotifyFixture.mailbox("kiennghi-giamdoc");
		long officer = NotifyFixture.user(jdbc, "SNV", "AGENCY_OFFICER", officerMail);
		long head = NotifyFixture.user(jdbc, "SNV", "AGENCY_HEAD", headMail);
		String dostMail = NotifyFixture.mailbox("kiennghi-sokhcn");
		long dost = NotifyFixture.user(jdbc, "SKHCN", "SECRETARIAT", dostMail);
		String title = "Kiến nghị nhắc hạn qua thư " + World.seq();
		long id = runAs.user("sokhcn", () -> recommendations.create(new RecommendationService.Input("CITIZEN", "Người dân",
				null, null, title, "Nội dung kiến nghị")));
		runAs.user("sokhcn", () -> recommendations.route(id, recommendations.get(id).version(), world.agency("SNV"), "25/11/2026"));

		// three days before the deadline (the stages of the other deadlines, 3 and 0 days): the agency staff, once however often the job runs
		assertThat(runJob()).isNotNull();
		runJob();
		assertThat(notes(officer, id)).singleElement().satisfies(n -> {
			assertThat(n.get("kind")).isEqualTo("DEADLINE_DUE");
			assertThat((String) n.get("title")).contains("Còn 3 ngày").contains(title);
		});
		assertThat(notes(dost, id)).as("DoST is not reminded before the deadline").isEmpty();
		int sent = outbox.sendDue(Instant.now(), 100_000);
		// other tests' recommendations of the same agency may be reminded too: this one's mails are counted
		List<MimeMessage> toOfficer = mine(receivedBy(smtp, officerMail), title);
		assertThat(toOfficer).as("sent %d; %s; %s", sent, notes(officer, id),
				jdbc.queryForList("SELECT mail_state, mail_to, next_attempt_at, last_error FROM notification WHERE user_id = ?", officer))
			.hasSize(1);
		assertThat(toOfficer.get(0).getSubject()).contains("trả lời kiến nghị").contains(title);

		// more than the escalation days (10) past the deadline: the head and DoST too
		clock.fixAt(LocalDate.of(2026, 12, 6));
		runJob();
		assertThat(notes(head, id)).extracting(n -> n.get("kind")).contains("DEADLINE_OVERDUE");
		assertThat(notes(dost, id)).extracting(n -> n.get("kind")).containsExactly("DEADLINE_OVERDUE");
		outbox.sendDue(Instant.now().plusSeconds(3600), 100_000);
		assertThat(receivedBy(smtp, headMail)).anySatisfy(m -> assertThat(m.getSubject()).contains("Quá hạn"));
		assertThat(mine(receivedBy(smtp, dostMail), title)).hasSize(1);

		// answered: nothing more
		clock.fixAt(TODAY);
		runAs.user("sokhcn", () -> recommendations.answer(id, recommendations.get(id).version(), "Đã trả lời"));
		int before = notes(officer, id).size() + notes(head, id).size() + notes(dost, id).size();
		clock.fixAt(LocalDate.of(2026, 12, 31));
		runJob();
		assertThat(notes(officer, id).size() + notes(head, id).size() + notes(dost, id).size()).isEqualTo(before);
	}
}
