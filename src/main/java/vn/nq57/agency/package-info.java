/**
 * Agencies: the registry with kinds, aliases and collectives. Owns {@code agency}, {@code agency_alias},
 * {@code agency_member}; publishes the views {@code agency_view} and {@code agency_member_view}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "kernel" })
package vn.nq57.agency;
