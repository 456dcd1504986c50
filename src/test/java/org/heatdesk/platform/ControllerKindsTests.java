package org.heatdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pages get their layout and error page only as {@link PageController}s, JSON APIs none: a class
 * marked plain {@code @Controller} would get neither and show a page without navigation.
 */
class ControllerKindsTests {

	@Test
	void everyControllerIsAPageOrAnApi() throws Exception {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
		List<String> plain = new java.util.ArrayList<>();
		int pages = 0;
		for (BeanDefinition candidate : scanner.findCandidateComponents("org.heatdesk")) {
			Class<?> type = Class.forName(candidate.getBeanClassName());
			boolean page = AnnotatedElementUtils.hasAnnotation(type, PageController.class);
			boolean api = AnnotatedElementUtils.hasAnnotation(type, RestController.class);
			if (page) {
				pages++;
			}
			if (page == api) {
				plain.add(type.getName());
			}
		}
		assertThat(plain).as("controllers neither @PageController nor @RestController").isEmpty();
		assertThat(pages).as("page controllers found").isGreaterThanOrEqualTo(12);
	}
}
