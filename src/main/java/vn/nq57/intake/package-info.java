/**
 * Intake: plans and conclusion notices read from Word and Excel, analysed, previewed and committed through
 * {@code task}. Owns {@code intake_batch}, {@code intake_task_text}, {@code intake_task_pair}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "task", "account", "agency", "deadline", "system", "kernel" })
package vn.nq57.intake;
