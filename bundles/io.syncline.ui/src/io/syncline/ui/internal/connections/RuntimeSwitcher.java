package io.syncline.ui.internal.connections;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jface.fieldassist.ComboContentAdapter;
import org.eclipse.jface.fieldassist.ContentProposalAdapter;
import org.eclipse.jface.fieldassist.SimpleContentProposalProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

import io.syncline.runtime.api.Tenant;

/**
 * The window's choice of runtime and tenant, at the top of the window ({@link SwitcherTrim}), made once for every Operations and Design view: two combos
 * (keyboard: Tab to them, arrows to choose), each with an accessible name; choosing connects in a Job. The tenant
 * shows its name and id, and can be typed: the tenants whose name or id hold what was typed are proposed, and Enter
 * takes the one that matches. Both keep the width they were given, so a name that arrives later never pushes the
 * tenant out of the toolbar.
 */
public final class RuntimeSwitcher {

	/** Characters each combo shows: a connection's name; a tenant's name with its id. */
	private static final int RUNTIME_CHARS = 22;
	private static final int TENANT_CHARS = 30;

	private final RuntimeSelection selection;
	private final Composite box;
	private final Combo runtimes;
	private final Combo tenants;
	private final SimpleContentProposalProvider proposals;
	private List<Connection> listed = List.of();
	private List<Tenant> known = List.of();
	private final Consumer<RuntimeSelection.Active> onActive = this::activeChanged;

	public RuntimeSwitcher(Composite parent, RuntimeSelection selection) {
		this.selection = selection;
		box = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(4).margins(4, 0).applyTo(box);
		new Label(box, SWT.NONE).setText("Runtime:");
		runtimes = combo(box, SWT.READ_ONLY, "Active runtime", RUNTIME_CHARS);
		new Label(box, SWT.NONE).setText("Tenant:");
		tenants = combo(box, SWT.NONE, "Active tenant (type to filter)", TENANT_CHARS);
		proposals = new SimpleContentProposalProvider();
		proposals.setFiltering(true);
		ContentProposalAdapter typed = new ContentProposalAdapter(tenants, new ComboContentAdapter(), proposals, null,
				null);
		typed.setAutoActivationDelay(0);
		typed.setProposalAcceptanceStyle(ContentProposalAdapter.PROPOSAL_REPLACE);
		typed.addContentProposalListener(proposal -> choose(proposal.getContent()));
		runtimes.addListener(SWT.Selection, e -> {
			int at = runtimes.getSelectionIndex();
			if (at >= 0 && at < listed.size()) {
				selection.use(listed.get(at), listed.get(at).tenant());
			}
		});
		tenants.addListener(SWT.Selection, e -> choose(tenants.getText()));
		tenants.addListener(SWT.DefaultSelection, e -> choose(tenants.getText()));
		selection.addListener(onActive);
		box.addDisposeListener(e -> selection.removeListener(onActive));
	}

	public Composite control() {
		return box;
	}

	private static Combo combo(Composite parent, int style, String name, int chars) {
		Combo combo = new Combo(parent, style | SWT.DROP_DOWN);
		AccessibleNames.named(combo, name);
		combo.setItems("…");
		GC gc = new GC(combo);
		try {
			int text = (int) Math.ceil(gc.getFontMetrics().getAverageCharacterWidth() * chars);
			// the arrow and the frame come on top of the text
			int frame = combo.computeSize(SWT.DEFAULT, SWT.DEFAULT).x - gc.textExtent("…").x;
			GridDataFactory.swtDefaults().hint(text + frame, SWT.DEFAULT).applyTo(combo);
		} finally {
			gc.dispose();
		}
		return combo;
	}

	public Combo runtimes() {
		return runtimes;
	}

	public Combo tenants() {
		return tenants;
	}

	/** How a tenant is listed: its name, and its id where the name does not say it. */
	static String label(Tenant tenant) {
		String name = tenant.name() == null || tenant.name().isBlank() ? tenant.tenantId() : tenant.name();
		return name.equalsIgnoreCase(tenant.tenantId()) ? name : name + " (" + tenant.tenantId() + ")";
	}

	/** The tenant a label or typed text means: its label, its id, or the one tenant whose name or id holds it. */
	Optional<Tenant> tenantFor(String text) {
		String wanted = text.strip();
		for (Tenant tenant : known) {
			if (label(tenant).equals(wanted) || tenant.tenantId().equals(wanted)) {
				return Optional.of(tenant);
			}
		}
		String lower = wanted.toLowerCase(Locale.ROOT);
		List<Tenant> holding = known.stream().filter(t -> label(t).toLowerCase(Locale.ROOT).contains(lower)).toList();
		return holding.size() == 1 && !lower.isEmpty() ? Optional.of(holding.get(0)) : Optional.empty();
	}

	private void choose(String text) {
		RuntimeSelection.Active now = selection.active();
		tenantFor(text).ifPresent(tenant -> {
			if (!tenant.tenantId().equals(now.tenant())) {
				selection.use(now.connection(), tenant.tenantId());
			} else {
				tenants.setText(label(tenant));
			}
		});
	}

	private void activeChanged(RuntimeSelection.Active now) {
		if (runtimes.isDisposed()) {
			return;
		}
		runtimes.getDisplay().asyncExec(() -> {
			if (runtimes.isDisposed()) {
				return;
			}
			listed = selection.store().all();
			runtimes.setItems(listed.stream().map(Connection::name).toArray(String[]::new));
			for (int i = 0; i < listed.size(); i++) {
				if (listed.get(i).id().equals(now.connection().id())) {
					runtimes.select(i);
				}
			}
			known = now.tenants().isEmpty() && now.tenant() != null
					? List.of(new Tenant(now.tenant(), now.tenant(), null, null, null))
					: now.tenants();
			String[] labels = known.stream().map(RuntimeSwitcher::label).toArray(String[]::new);
			tenants.setItems(labels);
			proposals.setProposals(labels);
			known.stream().filter(t -> t.tenantId().equals(now.tenant())).findFirst()
					.ifPresent(active -> tenants.setText(label(active)));
			tenants.setToolTipText(now.message());
			runtimes.setToolTipText(now.message());
		});
	}
}
