package vn.nq57.map;

/** Where a lot stands in the land fund. */
public enum LotStatus {
	/** leased to an enterprise (đã cho thuê) */
	LEASED,
	/** free for investors (còn trống, sẵn sàng cho thuê) */
	AVAILABLE,
	/** kept for a project not yet signed (đã đặt chỗ, giữ cho dự án) */
	RESERVED,
	/** land not yet cleared (đang giải phóng mặt bằng) */
	CLEARANCE
}
