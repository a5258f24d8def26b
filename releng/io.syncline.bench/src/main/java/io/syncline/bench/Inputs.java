package io.syncline.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Generated benchmark inputs in the shapes of the Harbor samples. */
final class Inputs {

	private Inputs() {
	}

	/** One interchange of BigBox-style 850s, 20 lines each, until the file reaches {@code megabytes}. */
	static Path x12PurchaseOrders(Path dir, int megabytes) throws IOException {
		Path file = dir.resolve("bench-850-" + megabytes + "mb.edi");
		long target = megabytes * 1024L * 1024L;
		int transactions = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
			out.write("ISA*00*          *00*          *ZZ*BIGBOXRETAIL   *ZZ*HARBORSUPPLY   *261120*1200*U*00401*000007001*0*P*>~\n");
			out.write("GS*PO*BIGBOXRETAIL*HARBORSUPPLY*20261120*1200*7001*X*004010~\n");
			long written = 150;
			while (written < target) {
				transactions++;
				StringBuilder tx = new StringBuilder(2048);
				String control = String.format("%04d", transactions % 10000);
				tx.append("ST*850*").append(control).append("~\n");
				tx.append("BEG*00*SA*BB-").append(7_000_000 + transactions).append("**20261121~\n");
				tx.append("REF*IA*551903~\nDTM*010*20261128~\n");
				tx.append("N1*ST*BigBox Store ").append(transactions % 900 + 100).append("*92*")
						.append(transactions % 900 + 100).append("~\n");
				tx.append("N3*88 Commerce Dr~\nN4*Marietta*GA*30060*US~\n");
				for (int line = 1; line <= 20; line++) {
					tx.append(String.format(Locale.ROOT, "PO1*%d*%d*EA*%d.%04d*PE*BP*HS-%06d*UP*012345678905~%n", line,
							line * 12, line, line * 37 % 10000, 100000 + line));
				}
				tx.append("CTT*20~\n");
				int segments = 7 + 20 + 2;
				tx.append("SE*").append(segments).append('*').append(control).append("~\n");
				out.write(tx.toString());
				written += tx.length();
			}
			out.write("GE*" + transactions + "*7001~\nIEA*1*000007001~\n");
		}
		return file;
	}

	/** Bolt & Co-style catalog rows. */
	static Path csvCatalog(Path dir, int rows) throws IOException {
		Path file = dir.resolve("bench-catalog-" + rows + ".csv");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("supplier_sku,upc,description,uom,pack_qty,unit_cost,currency,lead_time_days,moq,effective_date\n");
			for (int i = 0; i < rows; i++) {
				out.write(String.format(Locale.ROOT, "BC-%07d,0400%08d,Hex bolt %d x 1 in zinc,EA,%d,%d.%04d,USD,%d,%d,2026-12-01%n",
						i, i, i % 97, 1 + i % 12, 1 + i % 90, i % 10000, 1 + i % 30, 1 + i % 500));
			}
		}
		return file;
	}
}
