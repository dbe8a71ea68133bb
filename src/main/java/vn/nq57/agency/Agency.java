package vn.nq57.agency;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "agency")
public class Agency {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String name;

	@Column(name = "short_name")
	private String shortName;

	@Enumerated(EnumType.STRING)
	private AgencyKind kind;

	/** Comma-separated {@link AgencyKind}s a collective takes in. */
	@Column(name = "member_kinds")
	private String memberKinds;

	private boolean active = true;

	private String email;

	@Version
	private long version;

	@OneToMany(mappedBy = "agency", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@org.hibernate.annotations.BatchSize(size = 200)
	@OrderBy("alias")
	private List<AgencyAlias> aliases = new ArrayList<>();

	protected Agency() {
	}

	public Agency(String code, String name, String shortName, AgencyKind kind) {
		this.code = code;
		this.name = name;
		this.shortName = shortName;
		this.kind = kind;
	}

	public Long getId() {
		return id;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public String getShortName() {
		return shortName;
	}

	public String getDisplayName() {
		return shortName == null || shortName.isBlank() ? name : shortName;
	}

	public AgencyKind getKind() {
		return kind;
	}

	public boolean isActive() {
		return active;
	}

	public boolean isCollective() {
		return kind == AgencyKind.COLLECTIVE;
	}

	public String getEmail() {
		return email;
	}

	public long getVersion() {
		return version;
	}

	public List<AgencyAlias> getAliases() {
		return aliases;
	}

	public Set<AgencyKind> getMemberKinds() {
		if (memberKinds == null || memberKinds.isBlank()) {
			return EnumSet.noneOf(AgencyKind.class);
		}
		Set<AgencyKind> kinds = EnumSet.noneOf(AgencyKind.class);
		for (String k : memberKinds.split(",")) {
			if (!k.isBlank()) {
				kinds.add(AgencyKind.valueOf(k.trim()));
			}
		}
		return kinds;
	}

	void setCode(String code) {
		this.code = code;
	}

	void setName(String name) {
		this.name = name;
	}

	void setShortName(String shortName) {
		this.shortName = shortName;
	}

	void setKind(AgencyKind kind) {
		this.kind = kind;
	}

	void setActive(boolean active) {
		this.active = active;
	}

	void setEmail(String email) {
		this.email = email;
	}

	void setMemberKinds(Set<AgencyKind> kinds) {
		this.memberKinds = kinds.isEmpty() ? null
				: kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	/** Replaces the aliases, keeping the ones that stay so their ids (and history) survive. */
	void setAliases(List<String> names) {
		List<String> keys = names.stream().map(AgencyNames::key).toList();
		aliases.removeIf(a -> !keys.contains(a.getAliasKey()));
		for (String n : names) {
			String key = AgencyNames.key(n);
			if (!key.isEmpty() && aliases.stream().noneMatch(a -> a.getAliasKey().equals(key))) {
				aliases.add(new AgencyAlias(this, AgencyNames.nfc(n), key));
			}
		}
	}
}
