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
