package vn.nq57.task;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "plan")
public class Plan {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "directive_id")
	private Long directiveId;

	private String title;

	private Integer year;

	@Version
	private long version;

	@OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true, fetch = jakarta.persistence.FetchType.EAGER)
	@OrderBy("position")
	@org.hibernate.annotations.BatchSize(size = 100)
	private List<TaskGroup> groups = new ArrayList<>();

	protected Plan() {
	}

	Plan(Long directiveId, String title, Integer year) {
		this.directiveId = directiveId;
		this.title = title;
		this.year = year;
	}

	void update(Long directiveId, String title, Integer year) {
		this.directiveId = directiveId;
		this.title = title;
		this.year = year;
	}

	TaskGroup addGroup(String code, String title) {
		TaskGroup g = new TaskGroup(this, code, title, groups.size() + 1);
		groups.add(g);
		return g;
	}

	public Long getId() {
		return id;
	}

	public Long getDirectiveId() {
		return directiveId;
	}

	public String getTitle() {
		return title;
	}

	public Integer getYear() {
		return year;
	}

	public long getVersion() {
		return version;
	}

	public List<TaskGroup> getGroups() {
		return groups;
	}
}
