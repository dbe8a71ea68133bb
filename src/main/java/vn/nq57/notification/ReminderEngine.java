package vn.nq57.notification;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.reporting.ReportObligations;
import vn.nq57.system.AppClock;

/**
 * Computes the day's reminders into the {@code notification} table, set-based: one INSERT … SELECT … ON CONFLICT
 * DO NOTHING per rule, so that running it again (same node, another node, after a crash or a restart) adds
 * nothing twice. The stage logic is {@link ReminderRules}, written here in SQL.
 */
@Component
class ReminderEngine {

	private static final Logger log = LoggerFactory.getLogger(ReminderEngine.class);

	static final String AGENCY_ROLES = "('AGENCY_OFFICER', 'AGENCY_HEAD')";

	/** Mail state and address of a new notification for user {@code u}, per the user's choice and address. */
	static String mailColumns(NotificationKind kind) {
		return mailColumnsOf("'" + (kind.optional() ? kind.name() : "-") + "'");
	}

	/** As {@link #mailColumns(NotificationKind)}, the kind given as an SQL expression (a parameter of a batch). */
	static String mailColumnsOf(String kindSql) {
		return """
				CASE WHEN EXISTS (SELECT 1 FROM notification_mail_optout o WHERE o.user_id = u.id AND o.kind = %s)
				          THEN 'NOT_WANTED'
				     WHEN nullif(btrim(u.email), '') IS NULL THEN 'NO_ADDRESS'
				     ELSE 'PENDING' END,
				nullif(btrim(u.email), '')""".formatted(kindSql);
	}

	record Result(int dueSoon, int overdue, int reports, int others, long millis) {
		int total() {
			return dueSoon + overdue + reports + others;
		}
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final NotificationSettings settings;
	private final AppClock clock;
	private final ReportObligations obligations;
	private final List<ReminderSource> sources;

	ReminderEngine(NamedParameterJdbcTemplate jdbc, NotificationSettings settings, AppClock clock,
			ReportObligations obligations, List<ReminderSource> sources) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
		this.obligations = obligations;
		this.sources = List.copyOf(sources);
	}

	@Transactional
	public Result computeDay() {
		return compute(clock.today());
	}

	@Transactional
	public Result compute(LocalDate today) {
		long start = System.nanoTime();
		List<Integer> offsets = settings.assignmentOffsets();
		int every = settings.overdueEveryDays();
		List<Integer> reportOffsets = settings.reportOffsets();
		LocalDate last = jdbc.query("SELECT last_day FROM notification_job_day WHERE job = 'reminders'",
				rs -> rs.next() ? rs.getDate(1).toLocalDate() : null);
		// Overdue stages newer than the last completed day; a full window when that day is unknown or not before
		// today (a re-run, or a clock put back in a training set-up): the unique key skips what was already queued.
		LocalDate since = last == null || !last.isBefore(today) ? today.minusDays(every)
				: (last.isBefore(today.minusDays(every)) ? today.minusDays(every) : last);
		MapSqlParameterSource p = new MapSqlParameterSource("today", Date.valueOf(today))
			.addValue("offsets", join(offsets))
			.addValue("maxOffset", offsets.isEmpty() ? -1 : offsets.get(0))
			.addValue("every", every)
			.addValue("since", Date.valueOf(since));

		int dueSoon = offsets.isEmpty() ? 0 : jdbc.update("""
				INSERT INTO notification(user_id, kind, subject_type, subject_id, due_moment, agency_id, task_id, title,
				                         body, link, mail_state, mail_to)
				SELECT u.id, 'ASSIGNMENT_DUE', 'ASSIGNMENT', s.id, s.remind_on, s.agency_id, s.task_id,
				       CASE WHEN s.left_days = 0 THEN 'Nhiệm vụ đến hạn hôm nay (' || to_char(s.due_date, 'DD/MM/YYYY') || ')'
				            ELSE 'Nhiệm vụ sắp đến hạn: còn ' || s.left_days || ' ngày (hạn ' || to_char(s.due_date, 'DD/MM/YYYY') || ')' END,
				       %s,
				       '/tasks/' || s.task_id, %s
				FROM (SELECT a.id, a.task_id, a.agency_id, a.due_date, a.percent, a.period_label, a.due_date - CAST(:today AS date) AS left_days,
				             reminder_stage_before_due(a.due_date, CAST(:today AS date), string_to_array(:offsets, ',')::int[]) AS remind_on
				      FROM assignment_view a
				      WHERE task_due_soon(a.due_date, a.completed_on, CAST(:today AS date), CAST(:maxOffset AS int))) s
				JOIN task_view t ON t.id = s.task_id
				JOIN agency_view ag ON ag.id = s.agency_id
				LEFT JOIN directive_view d ON d.id = t.directive_id
				JOIN app_user_view u ON u.agency_id = s.agency_id AND u.enabled AND u.role IN %s
				WHERE s.remind_on IS NOT NULL
				ON CONFLICT ON CONSTRAINT notification_once DO NOTHING""".formatted(BODY,
				mailColumns(NotificationKind.ASSIGNMENT_DUE), AGENCY_ROLES), p);

		int overdue = every <= 0 ? 0 : jdbc.update("""
				INSERT INTO notification(user_id, kind, subject_type, subject_id, due_moment, agency_id, task_id, title,
				                         body, link, mail_state, mail_to)
				SELECT u.id, 'ASSIGNMENT_OVERDUE', 'ASSIGNMENT', s.id, s.remind_on, s.agency_id, s.task_id,
				       'Nhiệm vụ quá hạn ' || (CAST(:today AS date) - s.due_date) || ' ngày (hạn ' || to_char(s.due_date, 'DD/MM/YYYY') || ')',
				       %s,
				       '/tasks/' || s.task_id, %s
				FROM (SELECT a.id, a.task_id, a.agency_id, a.due_date, a.percent, a.period_label,
				             reminder_stage_overdue(a.due_date, CAST(:today AS date), CAST(:every AS int)) AS remind_on
				      FROM assignment_view a
				      WHERE task_overdue(a.due_date, a.completed_on, CAST(:today AS date))
				        AND a.due_date <= CAST(:today AS date) - CAST(:every AS int)) s
				JOIN task_view t ON t.id = s.task_id
				JOIN agency_view ag ON ag.id = s.agency_id
				LEFT JOIN directive_view d ON d.id = t.directive_id
				JOIN app_user_view u ON u.agency_id = s.agency_id AND u.enabled AND u.role IN %s
				WHERE s.remind_on > CAST(:since AS date)
				ON CONFLICT ON CONSTRAINT notification_once DO NOTHING""".formatted(BODY,
				mailColumns(NotificationKind.ASSIGNMENT_OVERDUE), AGENCY_ROLES), p);

		int reports = reportOffsets.isEmpty() ? 0 : reportReminders(today, reportOffsets);
		int others = otherReminders(today, reportOffsets, every, since);

		jdbc.update("""
				INSERT INTO notification_job_day(job, last_day) VALUES ('reminders', CAST(:today AS date))
				ON CONFLICT (job) DO UPDATE SET last_day = greatest(notification_job_day.last_day, excluded.last_day)""", p);
		Result r = new Result(dueSoon, overdue, reports, others, (System.nanoTime() - start) / 1_000_000);
		log.info("Reminders for {}: {} due soon, {} overdue, {} reports, {} other deadlines, queued in {} ms", today,
				dueSoon, overdue, reports, others, r.millis());
		return r;
	}

	/**
	 * Reminders of the periodic reports an agency still owes, from the reporting module's public query
	 * ({@link ReportObligations}): for each report owed with its due date within the largest offset, the latest
	 * stage reached ({@link ReminderRules#beforeDue}) is queued for the agency's officers and head.
	 */
	private int reportReminders(LocalDate today, List<Integer> reportOffsets) {
		List<ReportObligations.Owed> owed = obligations.owedDueBetween(today, today.plusDays(reportOffsets.get(0)));
		List<MapSqlParameterSource> batch = new ArrayList<>();
		for (ReportObligations.Owed o : owed) {
			ReminderRules.beforeDue(o.dueDate(), today, reportOffsets).ifPresent(remindOn -> {
				long left = ChronoUnit.DAYS.between(today, o.dueDate());
				batch.add(new MapSqlParameterSource("report", o.reportId())
					.addValue("agency", o.agencyId())
					.addValue("remindOn", Date.valueOf(remindOn))
					.addValue("due", Date.valueOf(o.dueDate()))
					.addValue("label", o.periodLabel())
					.addValue("regime", o.regimeName())
					.addValue("title", left == 0 ? "Hôm nay là hạn gửi " + o.periodLabel()
							: "Còn " + left + " ngày đến hạn gửi " + o.periodLabel()));
			});
		}
		if (batch.isEmpty()) {
			return 0;
		}
		int[] rows = jdbc.batchUpdate("""
				INSERT INTO notification(user_id, kind, subject_type, subject_id, due_moment, agency_id, task_id, title,
				                         body, link, mail_state, mail_to)
				SELECT u.id, 'REPORT_DUE', 'REPORT', :report, :remindOn, ag.id, NULL, :title,
				       'Cơ quan, đơn vị: ' || ag.name || E'\\n' || 'Báo cáo: ' || :label || ' (' || :regime || ')' || E'\\n'
				         || 'Hạn gửi Sở Khoa học và Công nghệ: ' || to_char(CAST(:due AS date), 'DD/MM/YYYY') || E'\\n'
				         || 'Đề nghị cơ quan, đơn vị hoàn thành, phê duyệt và gửi báo cáo đúng hạn.',
				       '/my', %s
				FROM agency_view ag
				JOIN app_user_view u ON u.agency_id = ag.id AND u.enabled AND u.role IN %s
				WHERE ag.id = :agency
				ON CONFLICT ON CONSTRAINT notification_once DO NOTHING""".formatted(
				mailColumns(NotificationKind.REPORT_DUE), AGENCY_ROLES), batch.toArray(MapSqlParameterSource[]::new));
		int n = 0;
		for (int r : rows) {
			n += Math.max(r, 0);
		}
		return n;
	}

	/**
	 * Reminders of what the other capabilities' {@link ReminderSource sources} say is owed: before the due date the
	 * latest report stage reached ({@link ReminderRules#beforeDue}), after it the overdue stage
	 * ({@link ReminderRules#overdue}) newer than {@code since}; once per stage and person.
	 */
	private int otherReminders(LocalDate today, List<Integer> beforeOffsets, int every, LocalDate since) {
		int horizon = beforeOffsets.isEmpty() ? 0 : beforeOffsets.get(0);
		List<MapSqlParameterSource> batch = new ArrayList<>();
		for (ReminderSource source : sources) {
			for (ReminderSource.Owed o : source.owed(today, horizon)) {
				long left = ChronoUnit.DAYS.between(today, o.dueDate());
				java.util.Optional<LocalDate> stage;
				NotificationKind kind;
				String title;
				if (left >= 0) {
					stage = ReminderRules.beforeDue(o.dueDate(), today, beforeOffsets);
					kind = NotificationKind.DEADLINE_DUE;
					title = (left == 0 ? "Hôm nay là hạn: " : "Còn " + left + " ngày đến hạn: ") + o.what();
				}
				else {
					stage = every <= 0 ? java.util.Optional.empty() : ReminderRules.overdue(o.dueDate(), today, every)
						.filter(d -> d.isAfter(since));
					kind = NotificationKind.DEADLINE_OVERDUE;
					title = "Quá hạn " + (-left) + " ngày: " + o.what();
				}
				if (stage.isEmpty()) {
					continue;
				}
				batch.add(new MapSqlParameterSource("kind", kind.name())
					.addValue("type", source.subjectType())
					.addValue("subject", o.subjectId())
					.addValue("remindOn", Date.valueOf(stage.get()))
					.addValue("agency", o.agencyId())
					.addValue("audience", o.audience().name())
					.addValue("title", left(title, 500))
					.addValue("body", (o.body() == null ? o.what() : o.body()) + "\nHạn: "
							+ vn.nq57.kernel.VnFormat.DATE.format(o.dueDate()))
					.addValue("link", left(o.link(), 300)));
			}
		}
		if (batch.isEmpty()) {
			return 0;
		}
		int[] rows = jdbc.batchUpdate("""
				INSERT INTO notification(user_id, kind, subject_type, subject_id, due_moment, agency_id, task_id, title,
				                         body, link, mail_state, mail_to)
				SELECT u.id, :kind, :type, :subject, :remindOn, CAST(:agency AS bigint), NULL, :title, :body, :link,
				       %s
				FROM app_user_view u
				WHERE u.enabled
				  AND CASE :audience
				        WHEN 'SECRETARIAT' THEN u.role = 'SECRETARIAT'
				        WHEN 'AGENCY_HEAD' THEN u.agency_id = CAST(:agency AS bigint) AND u.role = 'AGENCY_HEAD'
				        ELSE u.agency_id = CAST(:agency AS bigint) AND u.role IN %s END
				ON CONFLICT ON CONSTRAINT notification_once DO NOTHING""".formatted(mailColumnsOf("CAST(:kind AS varchar)"),
				AGENCY_ROLES), batch.toArray(MapSqlParameterSource[]::new));
		int n = 0;
		for (int r : rows) {
			n += Math.max(r, 0);
		}
		return n;
	}

	private static String left(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

	/** The text of an assignment reminder (columns s.*, t, ag, d). */
	private static final String BODY = """
			'Nhiệm vụ: ' || left(t.title, 600) || CASE WHEN s.period_label <> '' THEN ' (kỳ ' || s.period_label || ')' ELSE '' END || E'\\n'
			  || 'Cơ quan chủ trì: ' || ag.name || E'\\n'
			  || 'Thời hạn hoàn thành: ' || to_char(s.due_date, 'DD/MM/YYYY')
			  || CASE WHEN t.deadline_phrase <> '' THEN ' (' || t.deadline_phrase || ')' ELSE '' END || E'\\n'
			  || CASE WHEN d.id IS NOT NULL THEN 'Văn bản giao nhiệm vụ: ' || d.number || E'\\n' ELSE '' END
			  || 'Tiến độ đã cập nhật: ' || s.percent || '%' || E'\\n'
			  || 'Đề nghị cơ quan, đơn vị khẩn trương triển khai, cập nhật tiến độ và kết quả thực hiện.'""";

	private static String join(List<Integer> list) {
		return list.stream().map(String::valueOf).collect(Collectors.joining(","));
	}
}
