package vn.nq57.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Something other than tasks and periodic reports that people must do by a date: a funding call's submission and
 * review, a recommendation's answer, an ad hoc data call's answer. A capability implements it as a bean; the daily
 * reminder job ({@link ReminderEngine}) asks every source what is owed and queues a reminder for each stage reached
 * — before the due date the stages of the report reminder setting ({@code notify.report.offsets}), after it every
 * {@code notify.overdue.every-days} days as for overdue tasks — once per stage and person (the
 * {@code notification_once} key), in the app and by mail as each person chose (kinds
 * {@link NotificationKind#DEADLINE_DUE} and {@link NotificationKind#DEADLINE_OVERDUE}).
 */
public interface ReminderSource {

	/** Who is reminded of one thing owed. */
	enum Audience {
		/** The agency's officers and its head. */
		AGENCY_STAFF,
		/** The agency's head only. */
		AGENCY_HEAD,
		/** DoST's staff (role SECRETARIAT), whatever the agency. */
		SECRETARIAT
	}

	/**
	 * One thing owed. {@code subjectId} identifies it within the source (with {@link #subjectType()}); {@code title}
	 * is the notice's subject line; when {@code null} the engine writes "Còn N ngày đến hạn …" / "Quá hạn N ngày …"
	 * followed by {@code what}. {@code link} is the page where it is done.
	 */
	record Owed(long subjectId, Long agencyId, Audience audience, LocalDate dueDate, String what, String body,
			String link) {

		public Owed {
			Objects.requireNonNull(audience, "audience");
			Objects.requireNonNull(dueDate, "dueDate");
			Objects.requireNonNull(what, "what");
			if (audience != Audience.SECRETARIAT && agencyId == null) {
				throw new IllegalArgumentException("an agency audience needs the agency");
			}
		}
	}

	/** What the reminders of this source are about, e.g. {@code FUNDING_CALL}: at most 30 characters, unique. */
	String subjectType();

	/**
	 * What is still owed on {@code today} with its due date no later than {@code today + horizonDays} (the largest
	 * reminder offset); overdue things too, as long as they are owed: the engine decides which stage each has reached.
	 */
	List<Owed> owed(LocalDate today, int horizonDays);
}
