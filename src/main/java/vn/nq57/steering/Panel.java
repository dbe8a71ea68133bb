package vn.nq57.steering;

import java.util.List;

/**
 * What a brief section or a board widget shows, in a form the page, the .docx, the PDF and the Excel file all print:
 * headline figures (each with the value compared with and a link to what is behind it), notes, and a table whose
 * rows may link on. Every text is ready to print (Vietnamese formats).
 */
public record Panel(String key, String title, List<Figure> figures, List<String> notes, Grid grid) {

	public Panel {
		figures = figures == null ? List.of() : List.copyOf(figures);
		notes = notes == null ? List.of() : List.copyOf(notes);
	}

	/** A headline figure: its value now, the value compared with (or null), the change, the drill-down link. */
	public record Figure(String label, String value, String previous, String change, String link) {
	}

	public record Grid(List<String> headers, List<Row> rows) {
		public Grid {
			headers = List.copyOf(headers);
			rows = List.copyOf(rows);
		}
	}

	/** A table row; {@code link} (or null) is where its first cell leads. */
	public record Row(List<String> cells, String link) {
		public Row {
			cells = cells.stream().map(c -> c == null ? "" : c).toList();
		}
	}

	public boolean hasGrid() {
		return grid != null && !grid.rows().isEmpty();
	}
}
