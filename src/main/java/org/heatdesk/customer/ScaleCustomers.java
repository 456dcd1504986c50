package org.heatdesk.customer;

import java.time.LocalDate;
import java.util.List;

import org.heatdesk.network.CommunityView;
import org.heatdesk.network.Network;
import org.heatdesk.platform.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scale option for benchmarks: with {@code heatdesk.demo.scale-customers=1000000} a demo
 * database is filled up to that many customers (same deterministic generator, bulk COPY in batches
 * of 100,000, each its own transaction). Runs after the demo data; does nothing when there are
 * already enough customers or on an external database.
 */
@Component
class ScaleCustomers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ScaleCustomers.class);

	private static final int BATCH = 100_000;

	private final Deployment deployment;

	private final Network network;

	private final CustomerRepository repository;

	private final CustomerDemoData demo;

	private final TransactionTemplate tx;

	private final long target;

	private final JdbcClient jdbc;

	ScaleCustomers(Deployment deployment, Network network, CustomerRepository repository, CustomerDemoData demo,
			TransactionTemplate tx, JdbcClient jdbc, @Value("${heatdesk.demo.scale-customers:0}") long target) {
		this.jdbc = jdbc;
		this.deployment = deployment;
		this.network = network;
		this.repository = repository;
		this.demo = demo;
		this.tx = tx;
		this.target = target;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (deployment.demo() && target > 0) {
			scaleTo(target);
		}
	}

	/** Adds demo customers until there are {@code total}; returns how many were added. */
	long scaleTo(long total) {
		List<CommunityView> communities = network.communities();
		List<CustomerRepository.TemplateRow> templates = repository.templates();
		if (communities.isEmpty() || templates.size() < 2) {
			return 0;
		}
		long start = System.nanoTime();
		long current = repository.count();
		long from = nextSequence();
		long added = 0;
		LocalDate currentStart = LocalDate.ofInstant(java.time.Instant.now(), java.time.ZoneOffset.UTC);
		currentStart = LocalDate.of(currentStart.getMonthValue() >= 10 ? currentStart.getYear() : currentStart.getYear() - 1, 10, 1);
		final LocalDate seasonStart = currentStart;
		// Many rows load faster into tables without their secondary indexes, built once afterwards.
		List<String> deferred = total - current >= 200_000 ? dropSecondaryIndexes() : List.of();
		try {
			while (current + added < total) {
				long n = Math.min(BATCH, total - current - added);
				long first = from + added;
				tx.executeWithoutResult(s -> {
					// The generated rows reference communities and templates read just now and customers
					// of the same batch: skip the per-row foreign key triggers for this bulk load only
					// (the embedded database's user is a superuser).
					jdbc.sql("set local session_replication_role = replica").update();
					demo.writeRange(communities, first, first + n, templates.get(0).id(), templates.get(1).id(),
							seasonStart);
				});
				added += n;
				log.info("Scale: {} customers added ({} s)", added, (System.nanoTime() - start) / 1_000_000_000);
			}
		}
		finally {
			if (!deferred.isEmpty()) {
				long indexing = System.nanoTime();
				tx.executeWithoutResult(s -> {
					jdbc.sql("set local maintenance_work_mem = '256MB'").update();
					deferred.forEach(definition -> jdbc.sql(definition).update());
				});
				log.info("Scale: {} indexes rebuilt in {} ms", deferred.size(), (System.nanoTime() - indexing) / 1_000_000);
			}
		}
		if (added > 0) {
			log.info("Scale: {} customers in total after {} ms", current + added, (System.nanoTime() - start) / 1_000_000);
		}
		return added;
	}

	/** Drops the non-unique indexes of the customer tables; returns their definitions to run again. */
	private List<String> dropSecondaryIndexes() {
		return tx.execute(s -> {
			List<String[]> indexes = jdbc.sql("""
					select i.indexname, i.indexdef from pg_indexes i
					join pg_class c on c.relname = i.indexname and c.relnamespace = i.schemaname::regnamespace
					join pg_index x on x.indexrelid = c.oid
					where i.schemaname = current_schema()
					  and i.tablename in ('customer', 'customer_phone', 'customer_contract')
					  and not x.indisunique and not x.indisprimary""")
				.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
				.list();
			for (String[] index : indexes) {
				jdbc.sql("drop index " + index[0]).update();
			}
			return indexes.stream().map(index -> index[1]).toList();
		});
	}

	/** The next demo sequence number: after the highest demo account number. */
	private long nextSequence() {
		String max = repository.maxDemoAccountNo();
		return max == null ? 0 : Long.parseLong(max.substring(1)) - 1_000_000 + 1;
	}
}
