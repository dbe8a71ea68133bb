package vn.nq57.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;

/**
 * Refusals reach the user as a clear message (Vietnamese unless the user chose English): a page for browsers, {"message": …} for the API.
 * Forms that can show the message next to the fields catch {@link DomainException} themselves.
 */
@ControllerAdvice
class ErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

	private final MessageSource messages;

	ErrorAdvice(MessageSource messages) {
		this.messages = messages;
	}

	/** This advice's own wording, in the request's language (a rule's refusal arrives already worded). */
	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	@ExceptionHandler(AccessDeniedException.class)
	Object denied(AccessDeniedException e, HttpServletRequest req) {
		return respond(req, HttpStatus.FORBIDDEN, e.getMessage() == null || e.getMessage().startsWith("Access")
				? text("error.denied") : e.getMessage());
	}

	@ExceptionHandler(NotFoundException.class)
	Object notFound(NotFoundException e, HttpServletRequest req) {
		return respond(req, HttpStatus.NOT_FOUND, e.getMessage());
	}

	/** Two saves of the same record crossed inside the database: the later one is refused, not merged. */
	@ExceptionHandler(org.springframework.orm.ObjectOptimisticLockingFailureException.class)
	Object concurrentSave(HttpServletRequest req) {
		return respond(req, HttpStatus.CONFLICT, new vn.nq57.system.ConcurrentEditException("dữ liệu").getMessage());
	}

	/** A change made on a version someone else has changed since: 409, with who-changed-it wording. */
	@ExceptionHandler(vn.nq57.system.ConcurrentEditException.class)
	Object concurrentEdit(vn.nq57.system.ConcurrentEditException e, HttpServletRequest req) {
		return respond(req, HttpStatus.CONFLICT, e.getMessage());
	}

	@ExceptionHandler(DomainException.class)
	Object domain(DomainException e, HttpServletRequest req) {
		return respond(req, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
	}

	@ExceptionHandler({ MaxUploadSizeExceededException.class })
	Object tooLarge(HttpServletRequest req) {
		return respond(req, HttpStatus.CONTENT_TOO_LARGE, text("error.tooLarge"));
	}

	@ExceptionHandler({ MultipartException.class })
	Object badUpload(MultipartException e, HttpServletRequest req) {
		log.debug("multipart refused", e);
		return respond(req, HttpStatus.BAD_REQUEST, text("error.badUpload"));
	}

	@ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
	Object badParameter(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e,
			HttpServletRequest req) {
		String value = String.valueOf(e.getValue());
		String hint = e.getRequiredType() == java.time.LocalDate.class ? " " + text("error.badParameter.date") : "";
		return respond(req, HttpStatus.BAD_REQUEST,
				text("error.badParameter", value.length() > 60 ? value.substring(0, 60) : value, e.getName()) + hint);
	}

	@ExceptionHandler(org.springframework.web.bind.MethodArgumentNotValidException.class)
	Object invalidBody(org.springframework.web.bind.MethodArgumentNotValidException e, HttpServletRequest req) {
		return respond(req, HttpStatus.BAD_REQUEST, String.join("; ", e.getBindingResult().getAllErrors().stream()
			.map(err -> err instanceof org.springframework.validation.FieldError fe && !fe.isBindingFailure()
					&& "PlainText".equals(fe.getCode()) ? fe.getField() + ": " + fe.getDefaultMessage()
							: err.getDefaultMessage())
			.distinct().toList()));
	}

	@ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
	Object unreadable(HttpServletRequest req) {
		return respond(req, HttpStatus.BAD_REQUEST, text("error.unreadable"));
	}

	/** A record asked for by an id that does not exist (a query that expected one row found none): 404. */
	@ExceptionHandler({ org.springframework.dao.EmptyResultDataAccessException.class,
			java.util.NoSuchElementException.class })
	Object missing(HttpServletRequest req) {
		return respond(req, HttpStatus.NOT_FOUND, text("error.missing"));
	}

	@ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
	Object method(org.springframework.web.HttpRequestMethodNotSupportedException e, HttpServletRequest req) {
		return respond(req, HttpStatus.METHOD_NOT_ALLOWED, text("error.method", e.getMethod()));
	}

	@ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
	Object mediaType(HttpServletRequest req) {
		return respond(req, HttpStatus.UNSUPPORTED_MEDIA_TYPE, text("error.mediaType"));
	}

	@ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
	Object notAcceptable(HttpServletRequest req) {
		return respond(req, HttpStatus.NOT_ACCEPTABLE, text("error.notAcceptable"));
	}

	@ExceptionHandler({ org.springframework.web.bind.MissingServletRequestParameterException.class,
			org.springframework.web.multipart.support.MissingServletRequestPartException.class })
	Object missingParameter(Exception e, HttpServletRequest req) {
		String name = e instanceof org.springframework.web.bind.MissingServletRequestParameterException m
				? m.getParameterName()
				: ((org.springframework.web.multipart.support.MissingServletRequestPartException) e).getRequestPartName();
		return respond(req, HttpStatus.BAD_REQUEST, text("error.missingParameter", name));
	}

	@ExceptionHandler({ org.springframework.web.servlet.resource.NoResourceFoundException.class,
			org.springframework.web.servlet.NoHandlerFoundException.class })
	Object noPage(HttpServletRequest req) {
		return respond(req, HttpStatus.NOT_FOUND, text("error.noPage"));
	}

	@ExceptionHandler(vn.nq57.system.BadRequestException.class)
	Object badRequest(vn.nq57.system.BadRequestException e, HttpServletRequest req) {
		return respond(req, HttpStatus.BAD_REQUEST, e.getMessage());
	}

	@ExceptionHandler({ org.springframework.web.method.annotation.HandlerMethodValidationException.class,
			org.springframework.web.bind.ServletRequestBindingException.class,
			org.springframework.beans.TypeMismatchException.class })
	Object badRequestGeneric(Exception e, HttpServletRequest req) {
		log.debug("bad request", e);
		return respond(req, HttpStatus.BAD_REQUEST, text("error.badRequest"));
	}

	/** The database is unreachable (paused, failing over): fail fast with 503 rather than hang or say 500. */
	@ExceptionHandler({ org.springframework.dao.DataAccessResourceFailureException.class,
			org.springframework.transaction.CannotCreateTransactionException.class,
			org.springframework.dao.QueryTimeoutException.class })
	Object unavailable(Exception e, HttpServletRequest req) {
		log.warn("database unavailable: {}", e.getMessage());
		return respond(req, HttpStatus.SERVICE_UNAVAILABLE, text("error.unavailable"));
	}

	/** Anything else: logged with the request id, answered in the user's language, never a stack trace. */
	@ExceptionHandler(Exception.class)
	Object unexpected(Exception e, HttpServletRequest req) throws Exception {
		if (e instanceof org.springframework.web.ErrorResponse er && er.getStatusCode().is4xxClientError()) {
			return respond(req, HttpStatus.valueOf(er.getStatusCode().value()), text("error.badRequest"));
		}
		if (e instanceof AccessDeniedException || e instanceof org.springframework.security.core.AuthenticationException) {
			throw e;
		}
		if (VnErrorController.databaseAway(e)) {
			log.warn("database unavailable on {} {}: {}", req.getMethod(), req.getRequestURI(), e.getMessage());
			return respond(req, HttpStatus.SERVICE_UNAVAILABLE, text("error.unavailable"));
		}
		log.error("unexpected error on {} {}", req.getMethod(), req.getRequestURI(), e);
		return respond(req, HttpStatus.INTERNAL_SERVER_ERROR, text("error.unexpected"));
	}

	static Object respond(HttpServletRequest req, HttpStatus status, String message) {
		if (status == HttpStatus.BAD_REQUEST && req.getAttribute(vn.nq57.account.AccessPolicy.ROUTE_REFUSED) != null) {
			// the authorisation matrix refuses this role the route: it learns that, not what its form lacked
			req.setAttribute(vn.nq57.account.AccessPolicy.ROUTE_REFUSED_ANSWERED, Boolean.TRUE);
			status = HttpStatus.FORBIDDEN;
			message = "Bạn không có quyền thực hiện thao tác này";
		}
		if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
			return ResponseEntity.status(status).body(Map.of("status", status.value(), "message", message));
		}
		ModelAndView mv = new ModelAndView("error/message");
		mv.setStatus(status);
		mv.addObject("status", status.value());
		mv.addObject("message", message);
		return mv;
	}

	static void noCache(HttpServletResponse resp) {
		resp.setHeader("Cache-Control", "no-store");
	}
}
