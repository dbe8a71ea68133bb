/**
 * The outward face: public pages without login (the province's progress on Resolution 57, the indicator scoreboard,
 * open data and the recommendation form), the open-data registry ({@link vn.nq57.publicsite.PublicDataset}: a module
 * publishes a data set by declaring one bean over its published views) with CSV/JSON/XLSX downloads and the DCAT-AP
 * catalogue. Only figures DoST has confirmed or approved are read; owns {@code public_recommendation_inbox}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "task", "indicator", "agency", "system", "kernel" })
package vn.nq57.publicsite;
