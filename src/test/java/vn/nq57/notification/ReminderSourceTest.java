package vn.nq57.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.reporting.ReportObligations;
import vn.nq57.system.AppClock;

/**
 * The deadlines of other capabilities through {@link ReminderSource}: the stages of the report reminders before the
 * due date, the overdue stage after it, each audience reached, and a second run of the day adds nothing.
 */
@IntegrationTest
class ReminderSourceTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@Autowired NamedParameterJdbcTemplate named;
	@Autowired JdbcTemplate jdbc;
	@Autowired NotificationSettings settings;
	@Autowired AppClock clock;
	@Autowired ReportObligations obligations;

	@Test
	@DisplayName("a proposal due in 3 days reaches the agency's officer and head; a review 7 days overdue reaches DoST; an answer due in 10 days nobody yet; once per stage")
	void stagesAndAudiences() {
		String agency = NotifyFixture.agency(jdbc, "Cơ quan thử nghiệm hạn khác");
		long officer = NotifyFixture.user(jdbc, agency, "AGENCY_OFFICER", NotifyFixture.mailbox("hk-canbo"));
		long head = NotifyFixture.user(jdbc, agency, "AGENCY_HEAD", NotifyFixture.mailbox("hk-giamdoc"));
		long dost = NotifyFixture.user(jdbc, agency, "SECRETARIAT", NotifyFixture.mailbox("hk-sokhcn"));
		long agencyId = jdbc.queryForObject("SELECT id FROM agency WHERE code = ?", Long.class, agency);
		int before = settings.reportOffsets().get(0);
		int every = settings.overdueEveryDays();
		ReminderSource source = new ReminderSource() {
			@Override
			public String subjectType() {
				return "TEST_DEADLINE";
			}

			@Override
			public List<Owed> owed(LocalDate today, int horizonDays) {
				assertThat(horizonDays).isEqualTo(before);
				return List.of(
						new Owed(1, agencyId, Audience.AGENCY_STAFF, today.plusDays(before), "gửi đề xuất kinh phí năm 2027",
								null, "/funding/calls/1"),
						new Owed(2, null, Audience.SECRETARIAT, today.minusDays(every), "xem xét đề xuất kinh phí",
								"Đợt đề xuất năm 2027: còn 4 đề xuất chưa xem xét", "/funding/review"),
						new Owed(3, agencyId, Audience.AGENCY_HEAD, today.plusDays(before + 7), "trả lời kiến nghị", null,
								"/recommendations/3"));
			}
		};
		ReminderEngine engine = new ReminderEngine(named, settings, clock, obligations, List.of(source));

		ReminderEngine.Result first = engine.compute(TODAY);
		ReminderEngine.Result again = engine.compute(TODAY);

		assertThat(count(officer, "DEADLINE_DUE")).isEqualTo(1);
		assertThat(count(head, "DEADLINE_DUE")).isEqualTo(1);
		Map<String, Object> due = NotifyFixture.row(jdbc, officer, "DEADLINE_DUE");
		assertThat(due.get("title")).isEqualTo("Còn " + before + " ngày đến hạn: gửi đề xuất kinh phí năm 2027");
		assertThat(due.get("subject_type")).isEqualTo("TEST_DEADLINE");
		assertThat(due.get("link")).isEqualTo("/funding/calls/1");
		assertThat((String) due.get("body")).endsWith("Hạn: " + vn.nq57.kernel.VnFormat.DATE.format(TODAY.plusDays(before)));
		assertThat(count(dost, "DEADLINE_OVERDUE")).isEqualTo(1);
		assertThat(NotifyFixture.row(jdbc, dost, "DEADLINE_OVERDUE").get("title"))
			.isEqualTo("Quá hạn " + every + " ngày: xem xét đề xuất kinh phí");
		assertThat(count(officer, "DEADLINE_OVERDUE")).as("DoST's review is not the agency's").isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM notification WHERE subject_type = 'TEST_DEADLINE' AND subject_id = 3",
				Integer.class)).as("10 days ahead: no stage reached yet").isZero();
		assertThat(first.others()).isGreaterThanOrEqualTo(3);
		assertThat(again.others()).as("a second run of the day queues nothing").isZero();
	}

	private int count(long user, String kind) {
		return jdbc.queryForObject("SELECT count(*) FROM notification WHERE user_id = ? AND kind = ? AND subject_type = 'TEST_DEADLINE'",
				Integer.class, user, kind);
	}
}
