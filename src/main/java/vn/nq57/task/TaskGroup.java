package vn.nq57.task;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Nhóm nhiệm vụ: I–VII, the groups of solutions of the resolution, as a plan's appendix lists them. */
@Entity
@Table(name = "task_group")
public class TaskGroup {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "plan_id")
	private Plan plan;

	private String code;

	private String title;

	private int position;

	protected TaskGroup() {
	}

	TaskGroup(Plan plan, String code, String title, int position) {
		this.plan = plan;
		this.code = code;
		this.title = title;
		this.position = position;
	}

	void update(String code, String title) {
		this.code = code;
		this.title = title;
	}

	public Long getId() {
		return id;
	}

	public Plan getPlan() {
		return plan;
	}

	public String getCode() {
		return code;
	}

	public String getTitle() {
		return title;
	}

	public int getPosition() {
		return position;
	}
}
