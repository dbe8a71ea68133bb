/**
 * The web shell: layout, errors, home, settings page. Owns no tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "system", "kernel" })
package vn.nq57.web;
