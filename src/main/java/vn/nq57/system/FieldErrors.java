package vn.nq57.system;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.validation.BindingResult;

/**
 * The one way a form's problems reach its page: every message beside the field it is about (the template
 * fragment {@code fields :: error(name)}), all of them at once, and the values the person typed, so nothing is
 * lost. A request carries it as the attribute {@value #ATTRIBUTE}; a redirect after a refused post carries it
 * as a flash attribute of the same name. Forms bound to an object use their {@link BindingResult} instead and
 * the same fragment shows both (see {@link #add(BindingResult)}).
 */
public class FieldErrors implements Serializable {

	public static final String ATTRIBUTE = "fieldErrors";

	private static final long serialVersionUID = 1L;

	private final LinkedHashMap<String, List<String>> messages = new LinkedHashMap<>();

	private final LinkedHashMap<String, String> values = new LinkedHashMap<>();

	/** The request's problems, created on first use. */
	public static FieldErrors of(jakarta.servlet.http.HttpServletRequest request) {
		Object o = request.getAttribute(ATTRIBUTE);
		if (o instanceof FieldErrors f) {
			return f;
		}
		FieldErrors f = new FieldErrors();
		request.setAttribute(ATTRIBUTE, f);
		return f;
	}

	/** The request's problems if any were recorded, else {@code null}. */
	public static FieldErrors find(jakarta.servlet.http.HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof FieldErrors f && !f.isEmpty() ? f : null;
	}

	public FieldErrors reject(String field, String message) {
		messages.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
		return this;
	}

	/** Keeps what was typed into a field, to be shown again. */
	public FieldErrors keep(String field, String value) {
		values.put(field, value);
		return this;
	}

	/** Copies these problems into a bound form's result (each on its field, when the form has that field). */
	public void add(BindingResult result) {
		messages.forEach((field, list) -> list.forEach(m -> {
			if (result.getTarget() != null
					&& org.springframework.beans.BeanUtils.getPropertyDescriptor(result.getTarget().getClass(), field) != null) {
				result.rejectValue(field, "field", m);
			}
			else {
				result.reject("field", m);
			}
		}));
	}

	/**
	 * Refuses the request when problems were found before the controller ran: a {@link DomainException} with the
	 * general "not saved" message, which a controller already shows with its form again (the field messages stay
	 * beside their fields).
	 */
	public void throwIfAny() {
		if (!isEmpty()) {
			throw new DomainException(Flash.text("form.notSaved"));
		}
	}

	/**
	 * Reads one field with a rule that refuses by {@link DomainException}: its value, or {@code null} with the
	 * message noted beside {@code field}, so that the other fields are still checked.
	 */
	public <T> T check(String field, java.util.function.Supplier<T> read) {
		try {
			return read.get();
		}
		catch (DomainException e) {
			reject(field, e.getMessage());
			return null;
		}
	}

	/** Refuses with every problem noted ({@link FieldsRefused}, the messages joined), when there is any. */
	public void refuseIfAny() {
		if (!isEmpty()) {
			throw new FieldsRefused(String.join("; ", messages.values().stream().flatMap(List::stream).toList()), this);
		}
	}

	public boolean isEmpty() {
		return messages.isEmpty();
	}

	public boolean has(String field) {
		return messages.containsKey(field);
	}

	public List<String> messages(String field) {
		return messages.getOrDefault(field, List.of());
	}

	public Map<String, List<String>> all() {
		return messages;
	}

	/** What the person typed into the field, or {@code null}. */
	public String value(String field) {
		return values.get(field);
	}

	public String value(String field, Object otherwise) {
		return values.containsKey(field) ? values.get(field) : otherwise == null ? null : String.valueOf(otherwise);
	}
}
