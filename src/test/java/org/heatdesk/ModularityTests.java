package org.heatdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(HeatDeskApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	/**
	 * {@link #modulesRespectTheirBoundaries()} checks a module's dependencies against its declared
	 * {@code allowedDependencies} only when it declares them: a module without the list may depend on
	 * any other, so a new module must write down what it may use.
	 */
	@Test
	void everyModuleDeclaresWhatItMayDependOn() throws ClassNotFoundException {
		List<String> open = new ArrayList<>();
		for (var module : modules) {
			String base = module.getBasePackage().getName();
			ApplicationModule declared = Class.forName(base + ".package-info").getAnnotation(ApplicationModule.class);
			if (declared == null || List.of(declared.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN)) {
				open.add(module.getIdentifier().toString());
			}
		}
		assertThat(modules.stream()).hasSizeGreaterThanOrEqualTo(6);
		assertThat(open).as("modules without allowedDependencies in their package-info").isEmpty();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}
}
