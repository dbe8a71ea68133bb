package vn.nq57.notification;

/** TEMPORARY stand-in (funding branch) for the lead's ReminderSource; main's version wins on merge. */
public interface ReminderSource {
	String subjectType();

	java.util.List<Owed> owed(java.time.LocalDate today, int horizonDays);

	record Owed(long subjectId, Long agencyId, Audience audience, java.time.LocalDate dueDate, String title, String body,
			String link) {
	}

	enum Audience {
		AGENCY_STAFF, SECRETARIAT, AGENCY_HEAD
	}
}
