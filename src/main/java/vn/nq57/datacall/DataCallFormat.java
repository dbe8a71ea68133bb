package vn.nq57.datacall;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

import vn.nq57.kernel.VnFormat;

/** Numbers put back into an answer's fields as typed ({@code 1.526}, {@code 12,5}): every decimal kept. */
@Component("dcfmt")
public class DataCallFormat {

	public String num(BigDecimal v) {
		return v == null ? "" : VnFormat.compact(v, 4);
	}
}
