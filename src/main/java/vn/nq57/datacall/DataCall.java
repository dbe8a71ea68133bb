package vn.nq57.datacall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** One ad hoc data call as read from the store. */
public record DataCall(long id, String title, int year, String requestNumber, LocalDate requestDate,
		String requestIssuer, String requestSubject, LocalDate dueDate, CallState state, Long copiedFrom,
		Instant consolidatedAt, long version) {

	/** Agencies may still answer (late after the due date) only while the call is open. */
	public boolean acceptsAnswers() {
		return state == CallState.OPEN;
	}

	/** "Công văn số 13884-CV/VPTW ngày 20/3/2025 của Văn phòng Trung ương Đảng" or what of it is known. */
	public String requestLine() {
		StringBuilder b = new StringBuilder();
		if (requestNumber != null && !requestNumber.isBlank()) {
			b.append("Công văn số ").append(requestNumber);
		}
		if (requestDate != null) {
			b.append(b.isEmpty() ? "Văn bản" : "").append(" ngày ").append(requestDate.getDayOfMonth()).append('/')
				.append(requestDate.getMonthValue()).append('/').append(requestDate.getYear());
		}
		if (requestIssuer != null && !requestIssuer.isBlank()) {
			b.append(b.isEmpty() ? "Văn bản" : "").append(" của ").append(requestIssuer);
		}
		return b.toString();
	}

	/** One question of a call. */
	public record Question(long id, long callId, int position, String code, String section, String text,
			QuestionKind kind, String unit, String choices, boolean required, String prefill) {

		public List<String> choiceList() {
			return choices == null || choices.isBlank() ? List.of()
					: Arrays.stream(choices.split("\\R|;")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		}

		public String label() {
			return code + ". " + text;
		}
	}

	/** What DoST (or the Excel template) gives for a new question. */
	public record QuestionInput(String code, String section, String text, QuestionKind kind, String unit,
			String choices, boolean required, String prefill) {
	}

	/** What DoST gives for a call. */
	public record CallInput(String title, Integer year, String requestNumber, LocalDate requestDate,
			String requestIssuer, String requestSubject, LocalDate dueDate) {
	}
}
