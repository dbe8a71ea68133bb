/**
 * Deadlines: the phrases of the appendices ("Quý III/2026", "Thường xuyên") read into a {@code DeadlineSpec}.
 * Plain Java, owns no tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel" })
package vn.nq57.deadline;
