package vn.nq57.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that never reached a controller (a refusal by the security filters, a 404 of the container, a 405): in
 * place of Spring Boot's English JSON, the API answers {@code {"status", "message"}} in the user's language and the
 * screens show the error page.
 */
@Controller
class VnErrorController implements ErrorController {

	private final MessageSource messages;

	VnErrorController(MessageSource messages) {
		this.messages = messages;
	}

	@RequestMapping("/error")
	Object error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// asked for directly (not an error dispatch): there is no such page
		HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 404);
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		if (status.is5xxServerError() && databaseAway(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
			status = HttpStatus.SERVICE_UNAVAILABLE; // a filter (the session store) found the database away
		}
		String message = (String) request.getAttribute("nq57.error.message");
		if (message == null) {
			message = messages.getMessage(key(status), null, messages.getMessage("error.unexpected", null,
					LocaleContextHolder.getLocale()), LocaleContextHolder.getLocale());
		}
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null && uri.toString().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(status).body(Map.of("status", status.value(), "message", message));
		}
		ModelAndView mv = new ModelAndView("error/message");
		mv.setStatus(status);
		mv.addObject("status", status.value());
		mv.addObject("message", message);
		return mv;
	}

	/** Whether the failure is the database being unreachable (paused, failing over, network), not a bug. */
	static boolean databaseAway(Object error) {
		for (Throwable t = error instanceof Throwable e ? e : null; t != null; t = t.getCause()) {
			if (t instanceof org.springframework.dao.DataAccessResourceFailureException
					|| t instanceof org.springframework.transaction.CannotCreateTransactionException
					|| t instanceof java.net.SocketTimeoutException || t instanceof java.sql.SQLTransientConnectionException
					|| t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	static String key(HttpStatus status) {
		return switch (status.value()) {
			case 400 -> "error.badRequest";
			case 401 -> "error.unauthenticated";
			case 403 -> "error.denied";
			case 404 -> "error.noPage";
			case 405 -> "error.methodGeneric";
			case 413 -> "error.tooLarge";
			case 415 -> "error.mediaType";
			case 503 -> "error.unavailable";
			default -> "error.unexpected";
		};
	}
}
