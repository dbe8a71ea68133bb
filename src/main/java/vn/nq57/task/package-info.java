/**
 * Tasks: directives, plans, task groups, tasks, assignments, leads and coordinators, progress updates, completion
 * claims, directions, the status rules and the roll-up. Owns those tables and {@code overview_agency_rollup};
 * publishes read views ({@code task_view}, {@code assignment_view}, …) and the time-rule SQL functions.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "agency", "deadline", "system", "kernel" })
package vn.nq57.task;
