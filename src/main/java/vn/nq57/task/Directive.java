package vn.nq57.task;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Văn bản chỉ đạo: the document a task comes from, cited by its number (số ký hiệu). */
@Entity
@Table(name = "directive")
public class Directive {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private DirectiveKind kind;

	private String number;

	@Column(name = "issued_on")
	private LocalDate issuedOn;

	private String issuer;

	private String title;

	@Version
	private long version;

	protected Directive() {
	}

	Directive(DirectiveKind kind, String number, LocalDate issuedOn, String issuer, String title) {
		update(kind, number, issuedOn, issuer, title);
	}

	void update(DirectiveKind kind, String number, LocalDate issuedOn, String issuer, String title) {
		this.kind = kind;
		this.number = number;
		this.issuedOn = issuedOn;
		this.issuer = issuer;
		this.title = title;
	}

	public Long getId() {
		return id;
	}

	public DirectiveKind getKind() {
		return kind;
	}

	public String getNumber() {
		return number;
	}

	public LocalDate getIssuedOn() {
		return issuedOn;
	}

	public String getIssuer() {
		return issuer;
	}

	public String getTitle() {
		return title;
	}

	public long getVersion() {
		return version;
	}
}
