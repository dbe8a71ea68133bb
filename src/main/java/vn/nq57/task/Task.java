package vn.nq57.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.nq57.deadline.DeadlineKind;
import vn.nq57.deadline.DeadlinePrecision;
import vn.nq57.deadline.DeadlineSpec;
import vn.nq57.deadline.Recurrence;

/** Nhiệm vụ: one row of a plan's appendix, or one item of a conclusion notice. */
@Entity
@Table(name = "task")
public class Task {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "plan_id")
	private Long planId;

	@Column(name = "group_id")
	private Long groupId;

	@Column(name = "directive_id")
	private Long directiveId;

	private String stt;

	private int position;

	private String title;

	@Column(name = "accountable_head")
	private String accountableHead;

	@Column(name = "expected_output")
	private String expectedOutput;

	/** The coordinating bodies as the document wrote them, when they are not (all) in the registry. */
	@Column(name = "coordinators_note")
	private String coordinatorsNote;

	@Column(name = "deadline_phrase")
	private String deadlinePhrase = "";

	@Enumerated(EnumType.STRING)
	@Column(name = "deadline_kind")
	private DeadlineKind deadlineKind = DeadlineKind.NONE;

	@Enumerated(EnumType.STRING)
	@Column(name = "deadline_precision")
	private DeadlinePrecision deadlinePrecision;

	@Enumerated(EnumType.STRING)
	private Recurrence recurrence;

	@Column(name = "due_date")
	private LocalDate dueDate;

	@Column(name = "trigger_document")
	private String triggerDocument;

	@Column(name = "trigger_recorded_on")
	private LocalDate triggerRecordedOn;

	@Version
	private long version;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@ElementCollection(fetch = jakarta.persistence.FetchType.EAGER)
	@CollectionTable(name = "task_lead", joinColumns = @JoinColumn(name = "task_id"))
	@Column(name = "agency_id")
	private Set<Long> leadAgencyIds = new LinkedHashSet<>();

	@ElementCollection(fetch = jakarta.persistence.FetchType.EAGER)
	@CollectionTable(name = "task_coordinator", joinColumns = @JoinColumn(name = "task_id"))
	@Column(name = "agency_id")
	private Set<Long> coordinatorAgencyIds = new LinkedHashSet<>();

	protected Task() {
	}

	Task(Long planId, Long groupId, Long directiveId) {
		this.planId = planId;
		this.groupId = groupId;
		this.directiveId = directiveId;
	}

	void describe(Long planId, Long groupId, Long directiveId, String stt, int position, String title,
			String accountableHead, String expectedOutput, String coordinatorsNote) {
		this.planId = planId;
		this.groupId = groupId;
		this.directiveId = directiveId;
		this.stt = stt;
		this.position = position;
		this.title = title;
		this.accountableHead = accountableHead;
		this.expectedOutput = expectedOutput;
		this.coordinatorsNote = coordinatorsNote;
	}

	void setDeadline(DeadlineSpec spec) {
		this.deadlinePhrase = spec.phrase();
		this.deadlineKind = spec.kind();
		this.deadlinePrecision = spec.precision();
		this.recurrence = spec.recurrence();
		// a conditional task keeps the due date DoST gave it when its trigger arrived, unless the phrase changed
		if (spec.kind() != DeadlineKind.CONDITIONAL || triggerDocument == null) {
			this.dueDate = spec.dueDate();
			this.triggerDocument = null;
			this.triggerRecordedOn = null;
		}
	}

	void recordTrigger(String document, LocalDate recordedOn, LocalDate due) {
		this.triggerDocument = document;
		this.triggerRecordedOn = recordedOn;
		this.dueDate = due;
	}

	void setLeads(Set<Long> ids) {
		leadAgencyIds.clear();
		leadAgencyIds.addAll(ids);
	}

	void setCoordinators(Set<Long> ids) {
		coordinatorAgencyIds.clear();
		coordinatorAgencyIds.addAll(ids);
	}

	void touch(Instant at) {
		this.updatedAt = at;
	}

	public DeadlineSpec deadline() {
		return vn.nq57.deadline.DeadlineParser.parse(deadlinePhrase);
	}

	public Long getId() {
		return id;
	}

	public Long getPlanId() {
		return planId;
	}

	public Long getGroupId() {
		return groupId;
	}

	public Long getDirectiveId() {
		return directiveId;
	}

	public String getStt() {
		return stt;
	}

	public int getPosition() {
		return position;
	}

	public String getTitle() {
		return title;
	}

	public String getAccountableHead() {
		return accountableHead;
	}

	public String getExpectedOutput() {
		return expectedOutput;
	}

	public String getCoordinatorsNote() {
		return coordinatorsNote;
	}

	public String getDeadlinePhrase() {
		return deadlinePhrase;
	}

	public DeadlineKind getDeadlineKind() {
		return deadlineKind;
	}

	public DeadlinePrecision getDeadlinePrecision() {
		return deadlinePrecision;
	}

	public Recurrence getRecurrence() {
		return recurrence;
	}

	public LocalDate getDueDate() {
		return dueDate;
	}

	public String getTriggerDocument() {
		return triggerDocument;
	}

	public LocalDate getTriggerRecordedOn() {
		return triggerRecordedOn;
	}

	public long getVersion() {
		return version;
	}

	public Set<Long> getLeadAgencyIds() {
		return leadAgencyIds;
	}

	public Set<Long> getCoordinatorAgencyIds() {
		return coordinatorAgencyIds;
	}
}
