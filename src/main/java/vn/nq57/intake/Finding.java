package vn.nq57.intake;

/**
 * One thing wrong with one row.
 *
 * @param code stable code (see {@link FindingCode})
 * @param severity how much it matters
 * @param field the field concerned: stt, title, accountableHead, leads, coordinators, expectedOutput, deadline
 * @param message what is wrong, in Vietnamese, naming the values concerned
 * @param otherRow for a near-duplicate inside the file: the other row's number in the preview
 * @param otherTaskId for a near-duplicate of a task already in the system: that task
 */
public record Finding(FindingCode code, Severity severity, String field, String message, Integer otherRow,
		Long otherTaskId) {

	static Finding of(FindingCode code, String field, String message) {
		return new Finding(code, code.severity(), field, message, null, null);
	}

	static Finding of(FindingCode code, Severity severity, String field, String message) {
		return new Finding(code, severity, field, message, null, null);
	}
}
