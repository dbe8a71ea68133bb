/**
 * Catalogues: big problems (bài toán lớn) with their life cycle and the tasks ordered for them, the
 * information-systems inventory and its computed indicators, technology needs and solution offers with the
 * connections DoST makes, initiatives with the panel's scores. Owns the {@code big_problem*}, {@code info_system},
 * {@code tech_*} and {@code initiative*} tables; publishes {@link vn.nq57.catalogue.BigProblemOrdered} (the hook
 * for funding proposals), {@link vn.nq57.catalogue.RegisterFiles} and {@link vn.nq57.catalogue.Inputs}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "task", "indicator", "account", "agency", "officialdoc", "publicsite", "system", "kernel" })
package vn.nq57.catalogue;
