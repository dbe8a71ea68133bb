/**
 * Operations: backup and restore of the whole database (by default the evidence files live in it, so they come
 * along; with a shared file store — a directory, an S3 bucket — the store's files are copied beside the tables), as
 * commands of the application itself. Owns no tables; reads every table only through PostgreSQL's COPY, by the
 * catalogue's list of tables, for a consistent snapshot.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "kernel" })
package vn.nq57.ops;
