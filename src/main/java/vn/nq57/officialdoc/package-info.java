/**
 * Official documents in the layout of Decree 30/2020/NĐ-CP, written with Apache POI. Owns no tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel" })
package vn.nq57.officialdoc;
