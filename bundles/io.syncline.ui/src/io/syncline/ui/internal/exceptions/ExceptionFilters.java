package io.syncline.ui.internal.exceptions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.PartnerConfig;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.widgets.WrappingRow;

/**
 * The exception queue's filters: kind (with its count), state, partner, age and assignee. Every change is told at
 * once; the query is read on the UI thread.
 */
public final class ExceptionFilters extends Composite {

	private static final String ANY_KIND = "Any kind";
	private static final String ANY_PARTNER = "Any partner";
	private static final String[] STATES = { "Open", "Any state", "OPEN", "RETRYING", "RESOLVED", "IGNORED" };
	private static final String[] AGES = { "Any age", "Older than 1 hour", "Older than 24 hours", "Older than 7 days" };
	private static final Duration[] AGE_SPANS = { null, Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7) };

	private final Combo kind;
	private final Combo state;
	private final Combo partner;
	private final Combo age;
	private final Text assignee;

	ExceptionFilters(Composite parent, Runnable changed) {
		super(parent, SWT.NONE);
		// a row that wraps: at a laptop's width the queue is half the screen, and no filter may fall off its edge
		WrappingRow.laidOut(this, 4);
		kind = combo("Kind", changed, ANY_KIND);
		state = combo("State", changed, STATES);
		partner = combo("Partner", changed, ANY_PARTNER);
		age = combo("Age", changed, AGES);
		Label label = new Label(this, SWT.NONE);
		label.setText("Assi&gnee:");
		assignee = AccessibleNames.named(new Text(this, SWT.SINGLE | SWT.BORDER | SWT.SEARCH), "Assignee");
		assignee.setMessage("anyone");
		assignee.setLayoutData(new RowData(140, SWT.DEFAULT));
		assignee.addListener(SWT.DefaultSelection, e -> changed.run());
	}

	private Combo combo(String name, Runnable changed, String... items) {
		Combo combo = AccessibleNames.named(new Combo(this, SWT.READ_ONLY), name);
		for (String item : items) {
			combo.add(item);
		}
		combo.select(0);
		combo.addListener(SWT.Selection, e -> changed.run());
		return combo;
	}

	/** The kinds to choose from, with their counts for the other filters, keeping what is chosen. */
	void offerKinds(Map<String, Long> counts) {
		String chosen = kind.getSelectionIndex() > 0 ? kindOf(kind.getText()) : null;
		kind.removeAll();
		kind.add(ANY_KIND);
		counts.forEach((name, count) -> kind.add(name + " (" + count + ")"));
		if (chosen != null && !counts.containsKey(chosen)) {
			kind.add(chosen + " (0)");
		}
		kind.select(0);
		for (int i = 1; i < kind.getItemCount(); i++) {
			if (kindOf(kind.getItem(i)).equals(chosen)) {
				kind.select(i);
			}
		}
	}

	private static String kindOf(String item) {
		int paren = item.indexOf(" (");
		return paren < 0 ? item : item.substring(0, paren);
	}

	void offerPartners(List<PartnerConfig> partners) {
		String chosen = partner.getText();
		partner.removeAll();
		partner.add(ANY_PARTNER);
		partners.stream().map(PartnerConfig::partnerId).sorted().forEach(partner::add);
		partner.select(Math.max(0, partner.indexOf(chosen)));
	}

	/** The query the filters say, kind included. */
	ExceptionQuery query() {
		return withoutKind().ofKind(kind.getSelectionIndex() > 0 ? kindOf(kind.getText()) : null);
	}

	/** The query without the kind, for the counts by kind the kind filter offers. */
	ExceptionQuery withoutKind() {
		int stateIndex = state.getSelectionIndex();
		ExceptionQuery query = stateIndex == 0 ? ExceptionQuery.open() : ExceptionQuery.everything();
		if (stateIndex > 1) {
			query = query.inState(state.getText());
		}
		if (partner.getSelectionIndex() > 0) {
			query = query.ofPartner(partner.getText());
		}
		Duration span = AGE_SPANS[Math.max(0, age.getSelectionIndex())];
		if (span != null) {
			query = query.createdBefore(Instant.now().minus(span));
		}
		String who = assignee.getText().trim();
		return who.isEmpty() ? query : query.assignedTo(who);
	}

	public Combo kind() {
		return kind;
	}

	public Combo state() {
		return state;
	}

	public Combo partner() {
		return partner;
	}

	public Combo age() {
		return age;
	}

	public Text assignee() {
		return assignee;
	}
}
