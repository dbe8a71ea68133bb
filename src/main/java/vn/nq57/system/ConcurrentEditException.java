package vn.nq57.system;

/** Someone else saved the same record since this user opened it; their change is not overwritten. */
public class ConcurrentEditException extends DomainException {

	public ConcurrentEditException(String what) {
		super("Người khác vừa cập nhật " + what + " này sau khi bạn mở trang. Thay đổi của bạn chưa được lưu; "
				+ "hãy tải lại trang để xem nội dung mới rồi sửa lại.");
	}
}
