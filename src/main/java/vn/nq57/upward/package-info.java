/**
 * Reporting upward and across: the national trackers (the Central Party Office's NQ57 monitoring system, the
 * Government's 71/NQ-CP programme tracker, the Đề án 06 tracker) with the upstream codes of tasks, indicators and
 * agencies, the import of a central list with proposed matches, the export in each system's layout and a push
 * adapter; and the follow-up of each directive (conclusion notice or plan) with its report. Owns the
 * {@code upstream_*} tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "datacall", "task", "deadline", "account", "agency", "officialdoc", "system", "kernel" })
package vn.nq57.upward;
