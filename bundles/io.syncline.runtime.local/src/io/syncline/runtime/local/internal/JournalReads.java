package io.syncline.runtime.local.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.api.Page;
import io.syncline.store.JournalSearch;
import io.syncline.store.MessageJournal;

/** A page of a tenant's journal as the API shows it: each message with its business keys, keyset-paged. */
public final class JournalReads {

	private JournalReads() {
	}

	public static Page<MessageSummary> page(JournalSearch search, String tenantId, JournalQuery query)
			throws SQLException {
		JournalSearch.Filter filter = new JournalSearch.Filter(query.partnerId(), query.flow(), query.documentType(),
				query.direction(), query.status(), query.businessKey(), at(query.from()), at(query.to()));
		List<MessageJournal.Message> rows = search.search(tenantId, filter, query.afterId(), query.pageSize(),
				query.descending());
		List<MessageSummary> items = new ArrayList<>();
		for (MessageJournal.Message row : rows) {
			items.add(Dtos.message(row, search.keysOf(tenantId, row.id())));
		}
		long next = rows.size() == query.pageSize() ? rows.get(rows.size() - 1).id() : 0;
		return new Page<>(items, next);
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
