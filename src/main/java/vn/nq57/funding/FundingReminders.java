package vn.nq57.funding;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.kernel.Money;
import vn.nq57.notification.ReminderSource;

/**
 * What the funding capability asks the daily reminder job to remind of: an agency's proposal still a draft (or
 * returned and not sent again) as the call's closing date (or, for a returned one, the review due date) nears —
 * to the agency's staff; and DoST's reviewers, of the proposals still waiting for review before the review due date.
 */
@Configuration
class FundingReminders {

	/** Drafts and returned proposals not (re)submitted: one reminder per proposal, to the agency's officers and head. */
	@Bean
	ReminderSource fundingSubmissionReminders(JdbcTemplate jdbc) {
		return new ReminderSource() {
			@Override
			public String subjectType() {
				return "FUNDING_PROPOSAL";
			}

			@Override
			public List<Owed> owed(LocalDate today, int horizonDays) {
				return jdbc.query("""
						SELECT p.id, p.agency_id, CASE WHEN p.state = 'RETURNED' THEN c.review_due ELSE c.closes_on END AS due,
						       c.title, p.amount, p.state, t.title
						FROM funding_proposal p JOIN funding_call c ON c.id = p.call_id JOIN task_view t ON t.id = p.task_id
						WHERE c.state = 'OPEN' AND p.state IN ('DRAFT', 'RETURNED')
						  AND CASE WHEN p.state = 'RETURNED' THEN c.review_due ELSE c.closes_on END BETWEEN ? AND ?""",
						(rs, i) -> new Owed(rs.getLong(1), rs.getLong(2), Audience.AGENCY_STAFF, rs.getDate(3).toLocalDate(),
								("RETURNED".equals(rs.getString(6)) ? "gửi lại đề xuất kinh phí bị trả lại số " : "gửi đề xuất kinh phí số ")
										+ rs.getLong(1) + " (" + rs.getString(4) + ")",
								"Đề xuất " + Money.format(rs.getLong(5)) + " cho nhiệm vụ “" + rs.getString(7)
										+ "” chưa được thủ trưởng cơ quan gửi Sở KH&CN.",
								"/funding/proposals/" + rs.getLong(1)),
						Date.valueOf(today), Date.valueOf(today.plusDays(horizonDays)));
			}
		};
	}

	/** DoST: a call with proposals still waiting for review, before (and after) its review due date. */
	@Bean
	ReminderSource fundingReviewReminders(JdbcTemplate jdbc) {
		return new ReminderSource() {
			@Override
			public String subjectType() {
				return "FUNDING_REVIEW";
			}

			@Override
			public List<Owed> owed(LocalDate today, int horizonDays) {
				return jdbc.query("""
						SELECT c.id, c.review_due, c.title, count(*)
						FROM funding_call c JOIN funding_proposal p ON p.call_id = c.id AND p.state = 'SUBMITTED'
						WHERE c.state = 'OPEN' AND c.review_due <= ?
						GROUP BY c.id, c.review_due, c.title""",
						(rs, i) -> new Owed(rs.getLong(1), null, Audience.SECRETARIAT, rs.getDate(2).toLocalDate(),
								"xem xét " + rs.getLong(4) + " đề xuất kinh phí của đợt “" + rs.getString(3) + "”",
								"Còn " + rs.getLong(4) + " đề xuất chờ xem xét trước khi gửi danh sách sang Sở Tài chính.",
								"/funding/review?call=" + rs.getLong(1)),
						Date.valueOf(today.plusDays(horizonDays)));
			}
		};
	}
}
