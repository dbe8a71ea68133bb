/**
 * Indicators: the indicator set, targets, values, formulas and the scoreboard. Owns the {@code indicator*} tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "agency", "system", "kernel" })
package vn.nq57.indicator;
