package org.heatdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import org.heatdesk.network.CommunityView;
import org.junit.jupiter.api.Test;

class DemoCustomersTests {

	final List<CommunityView> communities = LongStream.rangeClosed(1, 7)
		.mapToObj(id -> new CommunityView(id, "小区" + id, "历下区", 100 + id % 3, "S" + id))
		.toList();

	@Test
	void sameSeedSameCustomers() {
		assertThat(new DemoCustomers(communities, 1).range(0, 50)).isEqualTo(new DemoCustomers(communities, 1).range(0, 50));
		assertThat(new DemoCustomers(communities, 1).customer(7)).isNotEqualTo(new DemoCustomers(communities, 2).customer(7));
	}

	@Test
	void everyCustomerHasItsOwnValidDwellingAndData() {
		DemoCustomers demo = new DemoCustomers(communities, 20261127L);
		Set<String> dwellings = new HashSet<>();
		for (NewCustomer c : demo.range(0, 30_000)) {
			assertThat(dwellings.add(c.communityId() + "/" + c.building() + "/" + c.unit() + "/" + c.room())).isTrue();
			assertThat(c.phones()).isNotEmpty().allSatisfy(p -> assertThat(Phones.normalize(p)).isEqualTo(p));
			assertThat(c.heatedArea().doubleValue()).isBetween(50.0, 160.0);
			assertThat(c.name().length()).isBetween(2, 3);
			assertThat(c.idNumber() == null || CustomerInput.ID_NUMBER.matcher(c.idNumber()).matches()).isTrue();
			assertThat(c.accountNo()).matches("A[0-9]{7}");
		}
	}
}
