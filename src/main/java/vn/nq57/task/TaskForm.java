package vn.nq57.task;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import vn.nq57.system.PlainText;

/** Every field of an appendix row, as a person or an import fills it in. */
public class TaskForm {

	private Long planId;
	private Long groupId;
	private Long directiveId;
	@Size(max = 20, message = "STT tối đa 20 ký tự")
	@PlainText
	private String stt;
	@NotBlank(message = "Chưa nhập tên nhiệm vụ")
	@Size(max = 5000, message = "Tên nhiệm vụ tối đa 5.000 ký tự")
	@PlainText
	private String title;
	@Size(max = 300, message = "Người đứng đầu chịu trách nhiệm tối đa 300 ký tự")
	@PlainText
	private String accountableHead;
	private Set<Long> leadAgencyIds = new LinkedHashSet<>();
	private Set<Long> coordinatorAgencyIds = new LinkedHashSet<>();
	@Size(max = 2000, message = "Cơ quan phối hợp (ghi chú) tối đa 2.000 ký tự")
	@PlainText
	private String coordinatorsNote;
	@Size(max = 1000, message = "Kết quả, sản phẩm tối đa 1.000 ký tự")
	@PlainText
	private String expectedOutput;
	@Size(max = 300, message = "Thời gian hoàn thành tối đa 300 ký tự")
	@PlainText
	private String deadlinePhrase;
	private Long version;

	public static TaskForm of(Task t) {
		TaskForm f = new TaskForm();
		f.planId = t.getPlanId();
		f.groupId = t.getGroupId();
		f.directiveId = t.getDirectiveId();
		f.stt = t.getStt();
		f.title = t.getTitle();
		f.accountableHead = t.getAccountableHead();
		f.leadAgencyIds = new LinkedHashSet<>(t.getLeadAgencyIds());
		f.coordinatorAgencyIds = new LinkedHashSet<>(t.getCoordinatorAgencyIds());
		f.coordinatorsNote = t.getCoordinatorsNote();
		f.expectedOutput = t.getExpectedOutput();
		f.deadlinePhrase = t.getDeadlinePhrase();
		f.version = t.getVersion();
		return f;
	}

	public Long getPlanId() { return planId; }
	public void setPlanId(Long planId) { this.planId = planId; }
	public Long getGroupId() { return groupId; }
	public void setGroupId(Long groupId) { this.groupId = groupId; }
	public Long getDirectiveId() { return directiveId; }
	public void setDirectiveId(Long directiveId) { this.directiveId = directiveId; }
	public String getStt() { return stt; }
	public void setStt(String stt) { this.stt = stt; }
	public String getTitle() { return title; }
	public void setTitle(String title) { this.title = title; }
	public String getAccountableHead() { return accountableHead; }
	public void setAccountableHead(String accountableHead) { this.accountableHead = accountableHead; }
	public Set<Long> getLeadAgencyIds() { return leadAgencyIds; }
	public void setLeadAgencyIds(Set<Long> leadAgencyIds) { this.leadAgencyIds = leadAgencyIds == null ? new LinkedHashSet<>() : leadAgencyIds; }
	public Set<Long> getCoordinatorAgencyIds() { return coordinatorAgencyIds; }
	public void setCoordinatorAgencyIds(Set<Long> ids) { this.coordinatorAgencyIds = ids == null ? new LinkedHashSet<>() : ids; }
	public String getCoordinatorsNote() { return coordinatorsNote; }
	public void setCoordinatorsNote(String coordinatorsNote) { this.coordinatorsNote = coordinatorsNote; }
	public String getExpectedOutput() { return expectedOutput; }
	public void setExpectedOutput(String expectedOutput) { this.expectedOutput = expectedOutput; }
	public String getDeadlinePhrase() { return deadlinePhrase; }
	public void setDeadlinePhrase(String deadlinePhrase) { this.deadlinePhrase = deadlinePhrase; }
	public Long getVersion() { return version; }
	public void setVersion(Long version) { this.version = version; }
}
