package vn.nq57.publicsite;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

import vn.nq57.indicator.IndicatorPublicBoard;

/**
 * Charts drawn on the server as SVG (no script needed, printable); every chart has a table with the same figures next
 * to it on the page, and the SVG itself is {@code aria-hidden} so that a screen reader reads the table once.
 */
final class PublicCharts {

	private PublicCharts() {
	}

	/** A line chart of an indicator's approved figures, with its target as a dashed line. */
	static String series(IndicatorPublicBoard.Line line) {
		List<IndicatorPublicBoard.Figure> pts = line.series();
		int w = 640;
		int h = 220;
		int pad = 36;
		if (pts.isEmpty()) {
			return "";
		}
		BigDecimal max = line.target() == null ? BigDecimal.ZERO : line.target();
		BigDecimal min = BigDecimal.ZERO;
		for (var p : pts) {
			max = max.max(p.value());
			min = min.min(p.value());
		}
		double span = max.subtract(min).doubleValue();
		if (span <= 0) {
			span = 1;
		}
		StringBuilder sb = new StringBuilder();
		sb.append("<svg class=\"pub-chart\" viewBox=\"0 0 ").append(w).append(' ').append(h)
			.append("\" aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">");
		sb.append("<line x1=\"").append(pad).append("\" y1=\"").append(h - pad).append("\" x2=\"").append(w - 8)
			.append("\" y2=\"").append(h - pad).append("\" stroke=\"#5f6b7a\"/>");
		double step = pts.size() == 1 ? 0 : (double) (w - pad - 20) / (pts.size() - 1);
		StringBuilder path = new StringBuilder();
		for (int i = 0; i < pts.size(); i++) {
			double x = pad + 10 + i * step;
			double y = (h - pad) - (pts.get(i).value().subtract(min).doubleValue() / span) * (h - pad - 16);
			path.append(i == 0 ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
			sb.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"3.5\" fill=\"#0b57a4\"/>");
			if (pts.size() <= 12 || i % 2 == 0) {
				sb.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(h - pad + 16)
					.append("\" font-size=\"10\" text-anchor=\"middle\" fill=\"#1d2733\">")
					.append(HtmlUtils.htmlEscape(pts.get(i).period())).append("</text>");
			}
		}
		sb.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#0b57a4\" stroke-width=\"2\"/>");
		if (line.target() != null) {
			double y = (h - pad) - (line.target().subtract(min).doubleValue() / span) * (h - pad - 16);
			sb.append("<line x1=\"").append(pad).append("\" y1=\"").append(fmt(y)).append("\" x2=\"").append(w - 8)
				.append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#8b0000\" stroke-dasharray=\"6 4\"/>");
			sb.append("<text x=\"").append(w - 10).append("\" y=\"").append(fmt(y - 4))
				.append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#8b0000\">")
				.append(HtmlUtils.htmlEscape(line.targetShown() == null ? "" : line.targetShown())).append("</text>");
		}
		sb.append("</svg>");
		return sb.toString();
	}

	private static String fmt(double v) {
		return String.valueOf(Math.round(v * 10) / 10.0);
	}
}
