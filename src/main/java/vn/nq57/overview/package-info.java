/**
 * The leaders' overview ("Tổng quan"): who is behind and why, from what {@code task} publishes. Owns no tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "task", "account", "agency", "system", "kernel" })
package vn.nq57.overview;
