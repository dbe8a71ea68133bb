package vn.nq57.catalogue;

import java.util.List;

import vn.nq57.system.DomainException;

/** A title near existing entries, saved only once the user has seen them and confirmed (never merged silently). */
public class DuplicateWarning extends DomainException {

	private final transient List<DuplicateCheck.Match> matches;

	public DuplicateWarning(List<DuplicateCheck.Match> matches) {
		super("Tên gần giống " + matches.size() + " mục đã có (gần nhất: “" + matches.get(0).title() + "”, giống "
				+ matches.get(0).percent() + "%). Hãy xem các mục này; nếu vẫn là mục mới, đánh dấu “Đã xem, vẫn lưu” rồi lưu lại. "
				+ "Chưa lưu gì.");
		this.matches = List.copyOf(matches);
	}

	public List<DuplicateCheck.Match> matches() {
		return matches;
	}
}
