package vn.nq57.catalogue;

import java.util.List;
import java.util.Map;

/**
 * One register as Excel sees it (a bean per register, in this module or another): its columns, its rows for
 * export (what the user may read, filtered by the accent-insensitive search) and how one imported row is created
 * through the register's own service (its checks, its rights, its audit).
 */
public interface Register {

	/** The register's path segment and key: {@code problems}, {@code systems}, {@code needs}, … */
	String code();

	/** Its Vietnamese name, for files and pages. */
	String title();

	/** The columns of export and import, in order. */
	List<String> headers();

	/** The columns an import row must fill. */
	List<String> required();

	/** The rows to export (at most 50.000), matching {@code q} when given. */
	List<List<Object>> exportRows(String q);

	/** Creates one imported row (column header → text); throws a DomainException when the row is wrong. */
	void importRow(Map<String, String> row, boolean acknowledgeDuplicates);
}
