package vn.nq57.system;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The one way a controller tells the user what just happened on the page it redirects to: the layout shows
 * {@code flash} (done), {@code warning} and {@code error} in its flash area. Texts are message keys, resolved in
 * the user's language when the flash is set; arguments are passed as text (format numbers and dates with
 * {@code VnFormat} first, so they keep the Vietnamese form in every language). A refusal's message comes from
 * the rule that refused, as it is.
 */
public final class Flash {

	private Flash() {
	}

	/** Done: {@code key} from the message bundles, with its arguments. */
	public static void done(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("flash", text(key, args));
	}

	/** A warning that does not undo what was done. */
	public static void warning(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("warning", text(key, args));
	}

	/** A refusal, with the message of the rule that refused. */
	public static void error(RedirectAttributes redirect, String message) {
		redirect.addFlashAttribute("error", message);
	}

	/**
	 * A refusal of a form posted and redirected: when the rules named fields ({@link FieldsRefused}), each problem
	 * goes beside its field ({@code fields :: error(name)}) with every value typed kept ({@link FieldErrors#value}),
	 * and the top says "not saved"; any other refusal shows its message at the top.
	 */
	public static void refused(RedirectAttributes redirect, DomainException e) {
		if (e instanceof FieldsRefused f) {
			FieldErrors kept = f.fields();
			var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
			request.getParameterMap().forEach((k, v) -> {
				if (v.length == 1 && !k.startsWith("_") && v[0].length() <= 10_000 && kept.value(k) == null) {
					kept.keep(k, v[0]);
				}
			});
			redirect.addFlashAttribute(FieldErrors.ATTRIBUTE, kept);
			redirect.addFlashAttribute("error", text("form.notSaved"));
		}
		else {
			redirect.addFlashAttribute("error", e.getMessage());
		}
	}

	/** A refusal worded by a message key. */
	public static void errorKey(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("error", text(key, args));
	}

	/** The message in the language of the current request. */
	public static String text(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages().getMessage(key, args, locale);
	}

	private static MessageSource messages() {
		var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
		return RequestContextUtils.findWebApplicationContext(request);
	}
}
