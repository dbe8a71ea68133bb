package vn.nq57.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nq57.notification.NotifyFixture.count;
import static vn.nq57.notification.NotifyFixture.receivedBy;
import static vn.nq57.notification.ReminderMailTest.bodyOf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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

import vn.nq57.TestTasks;
import vn.nq57.IntegrationTest;
import vn.nq57.reporting.ReportObligations;
import vn.nq57.reporting.ReportingFixtures;
import vn.nq57.system.AppClock;

/**
 * The weekly digest (heads: their agency; leaders: the province), the reminders of periodic reports (3 days before
 * and on the day, not for a report already sent) and the reprimand list, with the clock fixed and the mail read
 * back from an SMTP server started by the test.
 */
@IntegrationTest
class DigestAndReportRemindersTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(true);

	@Autowired JdbcTemplate jdbc;
	@Autowired TestTasks tasks;
	@Autowired ReminderEngine engine;
	@Autowired WeeklyDigest digest;
	@Autowired Reprimands reprimands;
	@Autowired ReportObligations obligations;
	@Autowired ReportingFixtures reporting;
	@Autowired MailOutbox outbox;
	@Autowired JavaMailSender sender;
	@Autowired AppClock clock;

	@BeforeEach
	void pointAtGreenMail() {
		NotifyFixture.smtpPort(sender, smtp.getSmtp().getPort());
	}

	@AfterEach
	void resetClock() {
		clock.fixAt(TODAY);
	}

	String username(long userId) {
		return jdbc.queryForObject("SELECT username FROM app_user WHERE id = ?", String.class, userId);
	}

	String body(long userId, String kind) {
		return (String) NotifyFixture.row(jdbc, userId, kind).get("body");
	}

	@Test
	@DisplayName("weekly digest: each agency head gets their agency's (turned overdue in 7 days, due in 14), each leader the province's with the most-late agencies; once a week, by mail")
	void weeklyDigest() throws Exception {
		LocalDate monday = LocalDate.of(2027, 3, 1);
		clock.fixAt(monday);
		String a = NotifyFixture.agency(jdbc, "Công ty thử nghiệm bản tin A");
		String b = NotifyFixture.agency(jdbc, "Công ty thử nghiệm bản tin B");
		String headAMail = NotifyFixture.mailbox("giamdoc-a");
		long headA = NotifyFixture.user(jdbc, a, "AGENCY_HEAD", headAMail);
		long officerA = NotifyFixture.user(jdbc, a, "AGENCY_OFFICER", NotifyFixture.mailbox("canbo-a"));
		long headB = NotifyFixture.user(jdbc, b, "AGENCY_HEAD", NotifyFixture.mailbox("giamdoc-b"));
		String leaderMail = NotifyFixture.mailbox("lanhdao");
		long leader = NotifyFixture.user(jdbc, a, "LEADER", leaderMail);

		tasks.create("Bản tin A: nhiệm vụ vừa quá hạn", "25/02/2027", a); // overdue since 4 days
		tasks.create("Bản tin A: nhiệm vụ đến hạn trong hai tuần", "10/03/2027", a);
		tasks.create("Bản tin A: nhiệm vụ còn xa hạn", "20/03/2027", a); // 19 days away: not in the 14
		tasks.create("Bản tin A: nhiệm vụ quá hạn từ lâu", "10/01/2027", a); // overdue, but not this week
		tasks.create("Bản tin B: nhiệm vụ vừa quá hạn", "26/02/2027", b);
		// B becomes the province's most-late agency: one more overdue assignment than anyone else
		Long most = jdbc.queryForObject("""
				SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM assignment
				WHERE completed_on IS NULL AND due_date < ? GROUP BY agency_id) x""", Long.class, monday);
		for (int i = 0; i < most; i++) {
			tasks.create("Bản tin B: nhiệm vụ tồn đọng " + i, "15/01/2027", b);
		}

		assertThat(digest.computeWeek()).isGreaterThanOrEqualTo(3);
		clock.fixAt(monday.plusDays(2)); // a rerun later in the week adds nothing
		digest.computeWeek();

		assertThat(count(jdbc, headA, "WEEKLY_DIGEST")).isEqualTo(1);
		assertThat(count(jdbc, headB, "WEEKLY_DIGEST")).isEqualTo(1);
		assertThat(count(jdbc, leader, "WEEKLY_DIGEST")).isEqualTo(1);
		assertThat(count(jdbc, officerA, "WEEKLY_DIGEST")).as("officers get no digest").isZero();

		Map<String, Object> rowA = NotifyFixture.row(jdbc, headA, "WEEKLY_DIGEST");
		assertThat(rowA.get("title")).isEqualTo("Bản tin tuần 01/03/2027: 2 nhiệm vụ quá hạn, 1 sắp đến hạn");
		assertThat(rowA.get("subject_type")).isEqualTo("AGENCY");
		String headBody = body(headA, "WEEKLY_DIGEST");
		assertThat(headBody).contains(
				"Nhiệm vụ chuyển sang quá hạn trong 7 ngày qua:\n- Bản tin A: nhiệm vụ vừa quá hạn (hạn 25/02/2027)\n\n",
				"Nhiệm vụ đến hạn trong 14 ngày tới:\n- Bản tin A: nhiệm vụ đến hạn trong hai tuần (hạn 10/03/2027)\n\n",
				"Tổng số nhiệm vụ của cơ quan đang quá hạn: 2.")
			.doesNotContain("còn xa hạn", "quá hạn từ lâu (hạn", "Bản tin B");
		assertThat(body(headB, "WEEKLY_DIGEST")).contains("Bản tin B: nhiệm vụ vừa quá hạn (hạn 26/02/2027)")
			.contains("Tổng số nhiệm vụ của cơ quan đang quá hạn: " + (most + 1) + ".")
			.doesNotContain("Bản tin A");

		Map<String, Object> rowL = NotifyFixture.row(jdbc, leader, "WEEKLY_DIGEST");
		assertThat(rowL.get("subject_type")).isEqualTo("PROVINCE");
		assertThat((String) rowL.get("title")).startsWith("Bản tin tuần 01/03/2027 toàn tỉnh: ");
		String leaderBody = body(leader, "WEEKLY_DIGEST");
		assertThat(leaderBody)
			.contains("- Bản tin A: nhiệm vụ vừa quá hạn – Công ty thử nghiệm bản tin A (hạn 25/02/2027)")
			.contains("- Bản tin B: nhiệm vụ vừa quá hạn – Công ty thử nghiệm bản tin B (hạn 26/02/2027)")
			.contains("- Bản tin A: nhiệm vụ đến hạn trong hai tuần – Công ty thử nghiệm bản tin A (hạn 10/03/2027)")
			.doesNotContain("còn xa hạn")
			.contains("Cơ quan, đơn vị có nhiều nhiệm vụ quá hạn nhất:\n- Công ty thử nghiệm bản tin B: " + (most + 1)
					+ " nhiệm vụ quá hạn (lâu nhất từ 15/01/2027)");

		outbox.sendDue(Instant.now(), 100_000);
		outbox.sendDue(Instant.now().plusSeconds(3600), 100_000);
		List<MimeMessage> toHead = receivedBy(smtp, headAMail);
		assertThat(toHead).hasSize(1);
		assertThat(toHead.get(0).getSubject())
			.isEqualTo("[NQ57] Bản tin tuần 01/03/2027: 2 nhiệm vụ quá hạn, 1 sắp đến hạn");
		assertThat(bodyOf(toHead.get(0))).contains("Bản tin A: nhiệm vụ vừa quá hạn (hạn 25/02/2027)",
				"Tổng số nhiệm vụ của cơ quan đang quá hạn: 2.");
		List<MimeMessage> toLeader = receivedBy(smtp, leaderMail);
		assertThat(toLeader).hasSize(1);
		assertThat(toLeader.get(0).getSubject()).startsWith("[NQ57] Bản tin tuần 01/03/2027 toàn tỉnh: ");
		assertThat(bodyOf(toLeader.get(0))).contains("Công ty thử nghiệm bản tin B: " + (most + 1) + " nhiệm vụ quá hạn");
	}

	@Test
	@DisplayName("a report still owed is reminded 3 days before and on the day, once each; an agency that already sent it is not")
	void reportReminders() throws Exception {
		String owing = NotifyFixture.agency(jdbc, "Công ty thử nghiệm chưa gửi báo cáo");
		String sent = NotifyFixture.agency(jdbc, "Công ty thử nghiệm đã gửi báo cáo");
		String owingMail = NotifyFixture.mailbox("canbo-no");
		long owingOfficer = NotifyFixture.user(jdbc, owing, "AGENCY_OFFICER", owingMail);
		long owingHead = NotifyFixture.user(jdbc, owing, "AGENCY_HEAD", NotifyFixture.mailbox("giamdoc-no"));
		long sentOfficer = NotifyFixture.user(jdbc, sent, "AGENCY_OFFICER", NotifyFixture.mailbox("canbo-da"));
		long sentHead = NotifyFixture.user(jdbc, sent, "AGENCY_HEAD", NotifyFixture.mailbox("giamdoc-da"));
		long regime = reporting.monthlyRegime(LocalDate.of(2026, 10, 1), owing, sent);
		LocalDate due = jdbc.queryForObject(
				"SELECT due_date FROM reporting_period WHERE regime_id = ? AND period_key = '2026-11'", LocalDate.class,
				regime);
		String label = jdbc.queryForObject(
				"SELECT label FROM reporting_period WHERE regime_id = ? AND period_key = '2026-11'", String.class, regime);
		assertThat(due).isAfter(TODAY.plusDays(5));
		reporting.send(regime, "2026-11", sent, username(sentOfficer), username(sentHead), due.minusDays(4),
				"Báo cáo tháng 11 gửi sớm");
		long owedId = reporting.reportId(regime, "2026-11", owing);
		assertThat(obligations.owedDueBetween(due, due)).extracting(ReportObligations.Owed::reportId)
			.contains(owedId)
			.doesNotContain(reporting.reportId(regime, "2026-11", sent));

		engine.compute(due.minusDays(4)); // 4 days before: no stage of "3,0" reached yet
		assertThat(count(jdbc, owingOfficer, "REPORT_DUE")).isZero();
		engine.compute(due.minusDays(3));
		engine.compute(due.minusDays(3));
		engine.compute(due.minusDays(1)); // still the "3 days" stage
		assertThat(count(jdbc, owingOfficer, "REPORT_DUE")).isEqualTo(1);
		assertThat(count(jdbc, owingHead, "REPORT_DUE")).isEqualTo(1);
		Map<String, Object> first = NotifyFixture.row(jdbc, owingOfficer, "REPORT_DUE");
		assertThat(first.get("title")).isEqualTo("Còn 3 ngày đến hạn gửi " + label);
		assertThat(first.get("subject_id")).isEqualTo(owedId);
		engine.compute(due);
		engine.compute(due);
		engine.compute(due.plusDays(1)); // past due: no more reminders of this kind
		assertThat(count(jdbc, owingOfficer, "REPORT_DUE")).isEqualTo(2);
		assertThat(count(jdbc, owingHead, "REPORT_DUE")).isEqualTo(2);
		assertThat(jdbc.queryForList("SELECT title FROM notification WHERE user_id = ? AND kind = 'REPORT_DUE' ORDER BY due_moment",
				String.class, owingOfficer)).containsExactly("Còn 3 ngày đến hạn gửi " + label, "Hôm nay là hạn gửi " + label);
		assertThat(count(jdbc, sentOfficer, "REPORT_DUE")).as("the report was already submitted").isZero();
		assertThat(count(jdbc, sentHead, "REPORT_DUE")).isZero();

		outbox.sendDue(Instant.now(), 100_000);
		List<MimeMessage> mails = receivedBy(smtp, owingMail);
		assertThat(mails).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
				"[NQ57] Còn 3 ngày đến hạn gửi " + label, "[NQ57] Hôm nay là hạn gửi " + label);
		String dd = String.format("%02d/%02d/%d", due.getDayOfMonth(), due.getMonthValue(), due.getYear());
		assertThat(bodyOf(mails.get(0))).contains("Công ty thử nghiệm chưa gửi báo cáo",
				"Hạn gửi Sở Khoa học và Công nghệ: " + dd);
	}

	@Test
	@DisplayName("reprimand list: assignments overdue more than 30 days, or reports late or missing twice in the year")
	void reprimandList() {
		String overdue31 = NotifyFixture.agency(jdbc, "Công ty thử nghiệm quá hạn 31 ngày");
		String overdue30 = NotifyFixture.agency(jdbc, "Công ty thử nghiệm quá hạn 30 ngày");
		String twoMissing = NotifyFixture.agency(jdbc, "Công ty thử nghiệm thiếu hai báo cáo");
		String lateAndMissing = NotifyFixture.agency(jdbc, "Công ty thử nghiệm muộn một, thiếu một");
		String oneMissing = NotifyFixture.agency(jdbc, "Công ty thử nghiệm thiếu một báo cáo");
		tasks.create("Nhiệm vụ quá hạn 31 ngày", "22/10/2026", overdue31);
		tasks.create("Nhiệm vụ quá hạn 30 ngày", "23/10/2026", overdue30);
		// the agencies have reported since before September (a new agency otherwise owes reports from its first day)
		for (String code : List.of(twoMissing, lateAndMissing, oneMissing)) {
			jdbc.update("INSERT INTO reporting_agency_span(agency_id, reports_from) VALUES (?, DATE '2026-01-01')",
					tasks.agency(code));
		}
		long regime = reporting.monthlyRegime(LocalDate.of(2026, 9, 1), twoMissing, lateAndMissing, oneMissing);
		LocalDate due9 = jdbc.queryForObject(
				"SELECT due_date FROM reporting_period WHERE regime_id = ? AND period_key = '2026-09'", LocalDate.class,
				regime);
		LocalDate due10 = jdbc.queryForObject(
				"SELECT due_date FROM reporting_period WHERE regime_id = ? AND period_key = '2026-10'", LocalDate.class,
				regime);
		assertThat(due10).isBefore(TODAY);
		long lmOfficer = NotifyFixture.user(jdbc, lateAndMissing, "AGENCY_OFFICER", null);
		long lmHead = NotifyFixture.user(jdbc, lateAndMissing, "AGENCY_HEAD", null);
		long omOfficer = NotifyFixture.user(jdbc, oneMissing, "AGENCY_OFFICER", null);
		long omHead = NotifyFixture.user(jdbc, oneMissing, "AGENCY_HEAD", null);
		// September: one agency a day late, another on time; October: neither sends
		reporting.send(regime, "2026-09", lateAndMissing, username(lmOfficer), username(lmHead), due9.plusDays(1), "Muộn");
		reporting.send(regime, "2026-09", oneMissing, username(omOfficer), username(omHead), due9, "Đúng hạn");

		Map<Long, Long> lateOrMissing = obligations.lateOrMissing(2026, TODAY);
		assertThat(lateOrMissing).containsEntry(tasks.agency(twoMissing), 2L)
			.containsEntry(tasks.agency(lateAndMissing), 2L)
			.containsEntry(tasks.agency(oneMissing), 1L);
		assertThat(obligations.lateOrMissing(2026, due10)).as("October not yet past due on its due day")
			.containsEntry(tasks.agency(twoMissing), 1L);

		List<Reprimands.Candidate> list = reprimands.candidates(TODAY);
		assertThat(list).filteredOn(c -> c.agencyId() == tasks.agency(overdue31)).singleElement()
			.satisfies(c -> {
				assertThat(c.longOverdue()).isEqualTo(1);
				assertThat(c.oldestDue()).isEqualTo(LocalDate.of(2026, 10, 22));
				assertThat(c.lateReports()).isZero();
			});
		assertThat(list).extracting(Reprimands.Candidate::agencyId).as("30 days is not more than 30")
			.doesNotContain(tasks.agency(overdue30), tasks.agency(oneMissing));
		assertThat(list).filteredOn(c -> c.agencyId() == tasks.agency(twoMissing)).singleElement()
			.satisfies(c -> {
				assertThat(c.lateReports()).isEqualTo(2);
				assertThat(c.longOverdue()).isZero();
				assertThat(c.agencyName()).isEqualTo("Công ty thử nghiệm thiếu hai báo cáo");
			});
		assertThat(list).filteredOn(c -> c.agencyId() == tasks.agency(lateAndMissing)).singleElement()
			.extracting(Reprimands.Candidate::lateReports).isEqualTo(2L);
		// a day later the 30-day assignment crosses the line
		assertThat(reprimands.candidates(TODAY.plusDays(1))).extracting(Reprimands.Candidate::agencyId)
			.contains(tasks.agency(overdue30));
	}
}
