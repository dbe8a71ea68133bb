/**
 * System: the clock, settings, the audit trail and the input rules. Owns {@code setting}, {@code audit_event};
 * publishes the SQL function {@code search_key}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel" })
package vn.nq57.system;
