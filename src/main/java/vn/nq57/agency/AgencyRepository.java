package vn.nq57.agency;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AgencyRepository extends JpaRepository<Agency, Long> {

	Optional<Agency> findByCode(String code);

	@Query("select a from Agency a where a.active = true order by a.kind, a.name")
	List<Agency> findActive();

	@Query("select a from AgencyAlias al join al.agency a where al.aliasKey = ?1")
	Optional<Agency> findByAliasKey(String key);
}
