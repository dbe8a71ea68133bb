/**
 * The machine feed for the provincial operations centre (IOC) and the portal: clients with their own credentials and
 * scopes (created and revoked by ADMIN, secrets kept hashed, every use logged, rate-limited), current figures, daily
 * snapshots frozen once the day closes, an incremental change feed with a cursor, and signed webhooks (HMAC-SHA256)
 * retried with back-off, with a delivery log and replay. The figures are the public ones ({@code publicsite}).
 * Owns the {@code ioc_*} tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "publicsite", "indicator", "task", "account", "system", "kernel" })
package vn.nq57.ioc;
