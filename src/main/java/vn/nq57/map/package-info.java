/**
 * The Dung Quất digital map (2D): the economic zone and its parks, planning areas, lots and the land fund,
 * enterprises and investment projects, infrastructure and environmental monitoring, with VN-2000 coordinates
 * ({@link vn.nq57.map.Vn2000}). Owns the {@code map_*} tables. An exceedance opens a follow-up task through the task
 * module's {@code TaskService}; the land fund and the share of monitoring points within limits are published as
 * indicators through {@code IndicatorFeed}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "steering", "task", "indicator", "account", "agency",
		"system", "kernel" })
package vn.nq57.map;
