package io.syncline.product.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/** What a runtime's journal says it sent a partner: the interchange control number (ISA13) of each document. */
final class SentInterchanges {

	/** ISA13, whatever the element separator the interchange declares. */
	static final Pattern ISA13 = Pattern.compile("^ISA(.)(?:[^~]*?\\1){12}(\\d{9})\\1");

	private SentInterchanges() {
	}

	/** The ISA13 of every outbound document journaled for the tenant's partner, in journal order. */
	static List<Long> numbers(Connection db, String tenant, String partner) throws SQLException, IOException {
		List<Long> used = new ArrayList<>();
		try (PreparedStatement query = db.prepareStatement("SELECT payload_gzip FROM messages WHERE tenant_id = ? "
				+ "AND direction = 'OUT' AND partner_id = ? ORDER BY id")) {
			query.setString(1, tenant);
			query.setString(2, partner);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					String x12;
					try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(rows.getBytes(1)))) {
						x12 = new String(zip.readAllBytes(), StandardCharsets.US_ASCII);
					}
					Matcher isa = ISA13.matcher(x12);
					if (!isa.find()) {
						throw new AssertionError("no ISA13 in what was sent to " + partner + ": " + x12);
					}
					used.add(Long.parseLong(isa.group(2)));
				}
			}
		}
		return used;
	}
}
