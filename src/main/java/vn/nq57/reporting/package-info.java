/**
 * Periodic reports: regimes, periods, reports, completeness and the consolidated report. Owns the
 * {@code reporting_*}, {@code periodic_report*} and {@code consolidated_report} tables; publishes the view
 * {@code reporting_expectation}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "task", "overview", "indicator", "account", "agency", "officialdoc", "system", "kernel" })
package vn.nq57.reporting;
