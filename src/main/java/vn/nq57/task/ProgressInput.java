package vn.nq57.task;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import vn.nq57.system.PlainText;

/** A progress update as the agency officer types it. */
public class ProgressInput implements java.io.Serializable {

	@NotNull(message = "Chưa nhập tỷ lệ hoàn thành (%)")
	@Min(value = 0, message = "Tỷ lệ hoàn thành phải từ 0 đến 100%")
	@Max(value = 100, message = "Tỷ lệ hoàn thành phải từ 0 đến 100%")
	private Integer percent;
	@Size(max = 10000, message = "Kết quả đạt được tối đa 10.000 ký tự")
	@PlainText
	private String results;
	@Size(max = 100, message = "Số văn bản tối đa 100 ký tự")
	@PlainText
	private String outputNumber;
	private LocalDate outputDate;
	@Size(max = 10000, message = "Khó khăn, vướng mắc tối đa 10.000 ký tự")
	@PlainText
	private String obstacles;
	@Size(max = 10000, message = "Kiến nghị, đề xuất tối đa 10.000 ký tự")
	@PlainText
	private String proposals;
	private Long version;

	public Integer getPercent() { return percent; }
	public void setPercent(Integer percent) { this.percent = percent; }
	public String getResults() { return results; }
	public void setResults(String results) { this.results = results; }
	public String getOutputNumber() { return outputNumber; }
	public void setOutputNumber(String outputNumber) { this.outputNumber = outputNumber; }
	public LocalDate getOutputDate() { return outputDate; }
	public void setOutputDate(LocalDate outputDate) { this.outputDate = outputDate; }
	public String getObstacles() { return obstacles; }
	public void setObstacles(String obstacles) { this.obstacles = obstacles; }
	public String getProposals() { return proposals; }
	public void setProposals(String proposals) { this.proposals = proposals; }
	public Long getVersion() { return version; }
	public void setVersion(Long version) { this.version = version; }
}
