package vn.nq57.task;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.nq57.agency.AgencyDirectory;
import vn.nq57.system.AuditLog;
import vn.nq57.system.AuditStory;

/**
 * A task's history as people read it: one entry per action, in their language. The events that have their own
 * entry on the page (a progress note, a completion report, a direction) are not repeated by their audit line; the
 * other audit lines (the task created, edited, triggered; a completion approved, confirmed, returned) say what was
 * done in words, and their before → after is a small table ({@link AuditStory}) in which the task's plan, group and
 * directive read as their titles, and an agency as its name.
 */
@Component
class TaskHistory {

	/** Audit actions whose event is already an entry of its own on the task page. */
	static final Set<String> SHOWN_AS_EVENTS = Set.of("PROGRESS_POSTED", "COMPLETION_CLAIMED", "DIRECTION_ADDED");

	/** One action on the task as people read it, and the agency whose work it was about ({@code null}: the task itself). */
	record Change(AuditStory.Story story, Long agencyId) {
	}

	private final AuditStory story;
	private final TaskService tasks;
	private final AgencyDirectory agencies;

	TaskHistory(AuditStory story, TaskService tasks, AgencyDirectory agencies) {
		this.story = story;
		this.tasks = tasks;
		this.agencies = agencies;
	}

	/** The audit line as an entry of the story; {@code agencyOf} maps an assignment id to its agency. */
	Change of(AuditLog.Entry e, Map<Long, Long> agencyOf, Locale locale) {
		Long agency = "ASSIGNMENT".equals(e.entityType()) ? agencyOf.get(e.entityId()) : null;
		return new Change(story.of(e, locale, this::resolve), agency);
	}

	static boolean shownAsEvent(AuditLog.Entry e) {
		return SHOWN_AS_EVENTS.contains(e.action());
	}

	private String resolve(String key, String value) {
		try {
			return switch (key) {
				case "planId" -> tasks.plan(Long.parseLong(value)).getTitle();
				case "groupId" -> {
					TaskGroup g = tasks.group(Long.parseLong(value));
					yield g.getCode() + ". " + g.getTitle();
				}
				case "directiveId" -> tasks.directive(Long.parseLong(value)).getNumber();
				case "agencyId" -> agencies.find(Long.parseLong(value)).map(a -> a.getName()).orElse(null);
				default -> null;
			};
		}
		catch (RuntimeException e) {
			return null;
		}
	}
}
