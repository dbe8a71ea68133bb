package vn.nq57.task;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DirectiveRepository extends JpaRepository<Directive, Long> {

	@Query("select d from Directive d where lower(d.number) = lower(?1)")
	Optional<Directive> findByNumber(String number);
}

interface PlanRepository extends JpaRepository<Plan, Long> {
}

interface TaskGroupRepository extends JpaRepository<TaskGroup, Long> {
}

interface TaskRepository extends JpaRepository<Task, Long> {

	@Query("select max(t.position) from Task t where t.planId = ?1")
	Integer maxPosition(Long planId);

	@Query("select t.id from Task t where t.recurrence is not null")
	List<Long> findRecurringIds();
}

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

	List<Assignment> findByTaskIdOrderById(Long taskId);

	/** The assignment with its row locked until the transaction ends: concurrent reports on it wait their turn. */
	@org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Assignment a where a.id = :id")
	Optional<Assignment> findLocked(@org.springframework.data.repository.query.Param("id") Long id);
}
