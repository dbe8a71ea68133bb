package vn.nq57.task;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import vn.nq57.system.PlainText;

/** A completion claim: the date the agency finished and the evidence. */
public class ClaimInput implements java.io.Serializable {

	@NotNull(message = "Chưa nhập ngày hoàn thành")
	private LocalDate completedOn;
	@NotBlank(message = "Chưa nêu kết quả, minh chứng hoàn thành")
	@Size(max = 10000, message = "Minh chứng tối đa 10.000 ký tự")
	@PlainText
	private String evidence;
	@Size(max = 100, message = "Số văn bản tối đa 100 ký tự")
	@PlainText
	private String outputNumber;
	private LocalDate outputDate;
	private Long version;

	public LocalDate getCompletedOn() { return completedOn; }
	public void setCompletedOn(LocalDate completedOn) { this.completedOn = completedOn; }
	public String getEvidence() { return evidence; }
	public void setEvidence(String evidence) { this.evidence = evidence; }
	public String getOutputNumber() { return outputNumber; }
	public void setOutputNumber(String outputNumber) { this.outputNumber = outputNumber; }
	public LocalDate getOutputDate() { return outputDate; }
	public void setOutputDate(LocalDate outputDate) { this.outputDate = outputDate; }
	public Long getVersion() { return version; }
	public void setVersion(Long version) { this.version = version; }
}
