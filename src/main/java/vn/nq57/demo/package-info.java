/**
 * Demo data: a user-facing feature that fills an empty database through the other modules. Owns no tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "task", "intake", "account", "agency", "system", "kernel" })
package vn.nq57.demo;
