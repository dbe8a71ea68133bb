package vn.nq57.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<AppUser, Long> {

	@Query("select u from AppUser u where lower(u.username) = lower(?1)")
	Optional<AppUser> findByUsername(String username);

	Optional<AppUser> findByApiTokenHash(String hash);

	Optional<AppUser> findFirstByEmailIgnoreCase(String email);
}
