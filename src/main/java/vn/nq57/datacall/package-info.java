/**
 * Ad hoc data calls (báo cáo đột xuất): DoST asks a set of agencies a list of questions by a due date, agencies
 * answer in the system or by uploading the filled Excel, DoST follows completeness and timeliness and consolidates
 * (sums, recomputed rates, answers side by side) into a report in the Decree 30 layout plus Excel. Owns the
 * {@code data_call*} tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "notification", "task", "account", "agency", "officialdoc", "system", "kernel" })
package vn.nq57.datacall;
