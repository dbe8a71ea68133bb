package vn.nq57;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Packages are modules: no cycles between them, no reaching into another module's internals. */
class ModularityTest {

	static final ApplicationModules MODULES = ApplicationModules.of(Nq57Application.class,
			(com.tngtech.archunit.core.importer.ImportOption) location -> !location.contains("/test-classes/"));

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
