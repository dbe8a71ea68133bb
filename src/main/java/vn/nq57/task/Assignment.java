package vn.nq57.task;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.nq57.deadline.DeadlineKind;

/**
 * One lead agency's share of a task: its own progress and status. A collective lead gives one per member
 * agency; a recurring task one per period instance ({@link #periodLabel}).
 */
@Entity
@Table(name = "assignment")
public class Assignment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "task_id")
	private Long taskId;

	@Column(name = "agency_id")
	private Long agencyId;

	@Column(name = "via_agency_id")
	private Long viaAgencyId;

	@Column(name = "period_label")
	private String periodLabel = "";

	@Enumerated(EnumType.STRING)
	@Column(name = "deadline_kind")
	private DeadlineKind deadlineKind;

	@Column(name = "due_date")
	private LocalDate dueDate;

	private int percent;

	@Enumerated(EnumType.STRING)
	private AssignmentState state = AssignmentState.OPEN;

	@Column(name = "completed_on")
	private LocalDate completedOn;

	@Column(name = "last_progress_at")
	private Instant lastProgressAt;

	@Version
	private long version;

	protected Assignment() {
	}

	Assignment(Long taskId, Long agencyId, Long viaAgencyId, String periodLabel, DeadlineKind kind, LocalDate due) {
		this.taskId = taskId;
		this.agencyId = agencyId;
		this.viaAgencyId = viaAgencyId;
		this.periodLabel = periodLabel;
		this.deadlineKind = kind;
		this.dueDate = due;
	}

	public TaskStatus statusOn(LocalDate day) {
		return StatusRules.of(dueDate, deadlineKind, completedOn, day);
	}

	void setDeadline(DeadlineKind kind, LocalDate due) {
		this.deadlineKind = kind;
		this.dueDate = due;
	}

	/** Progress posted by the agency. */
	public void recordProgress(int percent, Instant at) {
		this.percent = percent;
		this.lastProgressAt = at;
	}

	public void claim() {
		this.state = AssignmentState.CLAIMED;
	}

	public void approveClaim() {
		this.state = AssignmentState.HEAD_APPROVED;
	}

	public void reopen() {
		this.state = AssignmentState.OPEN;
	}

	/** DoST's confirmation: the assignment counts as completed on the agency's date. */
	public void complete(LocalDate on) {
		this.state = AssignmentState.COMPLETED;
		this.completedOn = on;
		this.percent = 100;
	}

	public Long getId() {
		return id;
	}

	public Long getTaskId() {
		return taskId;
	}

	public Long getAgencyId() {
		return agencyId;
	}

	public Long getViaAgencyId() {
		return viaAgencyId;
	}

	public String getPeriodLabel() {
		return periodLabel;
	}

	public DeadlineKind getDeadlineKind() {
		return deadlineKind;
	}

	public LocalDate getDueDate() {
		return dueDate;
	}

	public int getPercent() {
		return percent;
	}

	public AssignmentState getState() {
		return state;
	}

	public LocalDate getCompletedOn() {
		return completedOn;
	}

	public Instant getLastProgressAt() {
		return lastProgressAt;
	}

	public long getVersion() {
		return version;
	}
}
