package io.syncline.ui.internal.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.PartnerConfig;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.widgets.WrappingRow;

/**
 * The monitor's filter bar: a search box for any business key (PO, SO, SKU, ASN, invoice, tracking number), the
 * time range, flow, partner and status. Every change is told at once; the query is read on the UI thread.
 */
final class MonitorFilters extends Composite {

	private static final String ANY_FLOW = "Any flow";
	private static final String ANY_PARTNER = "Any partner";
	private static final String ANY_STATUS = "Any status";
	private static final List<String> STATUSES = List.of("RECEIVED", "APPLIED", "PARTIAL", "FAILED", "PARKED", "SENT",
			"QUARANTINED");

	private enum Range {
		ANY("Any time", null), QUARTER("Last 15 minutes", Duration.ofMinutes(15)), HOUR("Last hour",
				Duration.ofHours(1)), DAY("Last 24 hours", Duration.ofDays(1)), WEEK("Last 7 days", Duration.ofDays(7));

		final String label;
		final Duration span;

		Range(String label, Duration span) {
			this.label = label;
			this.span = span;
		}
	}

	private final Text search;
	private final Combo range;
	private final Combo flow;
	private final Combo partner;
	private final Combo status;
	private final Button trace;

	MonitorFilters(Composite parent, Runnable changed, Runnable openTrace) {
		super(parent, SWT.NONE);
		WrappingRow.laidOut(this, 4); // at a laptop's width the filters take two lines rather than fall off the edge
		Label searchLabel = new Label(this, SWT.NONE);
		searchLabel.setText("&Search:");
		search = AccessibleNames.named(new Text(this, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL),
				"Search by business key");
		search.setMessage("PO, SO, SKU, ASN, invoice or tracking number");
		search.setLayoutData(new RowData(280, SWT.DEFAULT));
		search.addListener(SWT.DefaultSelection, e -> {
			if (e.detail == SWT.ICON_CANCEL) {
				search.setText("");
			}
			changed.run();
		});
		range = combo("Time range", Range.ANY.label, changed);
		for (Range each : Range.values()) {
			if (each != Range.ANY) {
				range.add(each.label);
			}
		}
		flow = combo("Flow", ANY_FLOW, changed);
		partner = combo("Partner", ANY_PARTNER, changed);
		status = combo("Status", ANY_STATUS, changed);
		STATUSES.forEach(status::add);
		trace = AccessibleNames.named(new Button(this, SWT.PUSH), "Open the trace of the business key searched");
		trace.setText("&Trace");
		trace.addListener(SWT.Selection, e -> openTrace.run());
	}

	private Combo combo(String name, String any, Runnable changed) {
		Combo combo = AccessibleNames.named(new Combo(this, SWT.READ_ONLY), name);
		combo.add(any);
		combo.select(0);
		combo.addListener(SWT.Selection, e -> changed.run());
		return combo;
	}

	/** The flows and partners to choose from, keeping what is chosen. */
	void offer(List<PartnerConfig> partners) {
		TreeSet<String> flows = new TreeSet<>();
		List<String> partnerIds = new ArrayList<>();
		for (PartnerConfig config : partners) {
			partnerIds.add(config.partnerId());
			config.flows().forEach(f -> flows.add(f.flow()));
		}
		refill(flow, ANY_FLOW, new ArrayList<>(flows));
		refill(partner, ANY_PARTNER, partnerIds.stream().sorted().toList());
	}

	private static void refill(Combo combo, String any, List<String> values) {
		String chosen = combo.getText();
		combo.removeAll();
		combo.add(any);
		values.forEach(combo::add);
		int index = combo.indexOf(chosen);
		combo.select(Math.max(0, index));
	}

	/** The journal query the filters say, newest first. */
	JournalQuery query() {
		JournalQuery query = JournalQuery.all().newestFirst();
		String key = searchedKey();
		if (key != null) {
			query = query.withBusinessKey(key);
		}
		if (flow.getSelectionIndex() > 0) {
			query = query.withFlow(flow.getText());
		}
		if (partner.getSelectionIndex() > 0) {
			query = query.withPartner(partner.getText());
		}
		if (status.getSelectionIndex() > 0) {
			query = query.withStatus(status.getText());
		}
		Range chosen = Range.values()[Math.max(0, range.getSelectionIndex())];
		if (chosen.span != null) {
			query = query.between(Instant.now().minus(chosen.span), null);
		}
		return query;
	}

	/** The business key in the search box, or null. */
	String searchedKey() {
		String key = search.getText().trim();
		return key.isEmpty() ? null : key;
	}

	Text search() {
		return search;
	}

	Combo status() {
		return status;
	}

	Combo flow() {
		return flow;
	}

	Combo partner() {
		return partner;
	}

	Combo range() {
		return range;
	}

	Button trace() {
		return trace;
	}
}
