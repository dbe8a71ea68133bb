package vn.nq57.agency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Another name documents use for an agency ("Sở KH&CN", "SKHCN"). */
@Entity
@Table(name = "agency_alias")
public class AgencyAlias {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "agency_id")
	private Agency agency;

	private String alias;

	@Column(name = "alias_key")
	private String aliasKey;

	protected AgencyAlias() {
	}

	AgencyAlias(Agency agency, String alias, String aliasKey) {
		this.agency = agency;
		this.alias = alias;
		this.aliasKey = aliasKey;
	}

	public String getAlias() {
		return alias;
	}

	public String getAliasKey() {
		return aliasKey;
	}
}
