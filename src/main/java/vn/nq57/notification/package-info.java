/**
 * Notifications: reminders, urging letters, digests, mail. Owns the {@code notification*}, {@code urging_letter} and
 * {@code shedlock} tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "reporting", "task", "account", "agency", "officialdoc", "system", "kernel" })
package vn.nq57.notification;
