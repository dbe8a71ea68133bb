package vn.nq57;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.nq57.account.RunAs;
import vn.nq57.task.Assignment;
import vn.nq57.task.Task;
import vn.nq57.task.TaskForm;
import vn.nq57.task.TaskService;
import vn.nq57.testdata.World;

/** Creates tasks for a test the way DoST does (through the service, as user sokhcn). */
@Component
public class TestTasks {

	private final RunAs runAs;
	private final TaskService tasks;
	private final World world;

	TestTasks(RunAs runAs, TaskService tasks, World world) {
		this.runAs = runAs;
		this.tasks = tasks;
		this.world = world;
	}

	public Task create(String title, String deadline, String... leadCodes) {
		TaskForm f = new TaskForm();
		f.setTitle(title);
		f.setDeadlinePhrase(deadline);
		f.setLeadAgencyIds(ids(leadCodes));
		return runAs.user("sokhcn", () -> tasks.save(null, f));
	}

	public long agency(String code) {
		return world.agency(code);
	}

	public Assignment assignmentOf(Task task, String agencyCode) {
		return world.assignment(task, agencyCode);
	}

	public Set<Long> ids(String... codes) {
		Set<Long> ids = new LinkedHashSet<>();
		Arrays.stream(codes).forEach(c -> ids.add(agency(c)));
		return ids;
	}
}
