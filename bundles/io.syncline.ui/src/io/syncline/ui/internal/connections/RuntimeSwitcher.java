package io.syncline.ui.internal.connections;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.action.ControlContribution;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * The main toolbar's choice of runtime and tenant, made once for every Operations and Design view: two combos
 * (keyboard: Tab to them, arrows to choose), each with an accessible name; choosing connects in a Job.
 */
public final class RuntimeSwitcher extends ControlContribution {

	public static final String ID = "io.syncline.ui.runtimeSwitcher";

	private final RuntimeSelection selection;
	private Combo runtimes;
	private Combo tenants;
	private List<Connection> listed = List.of();
	private final Consumer<RuntimeSelection.Active> onActive = this::activeChanged;

	public RuntimeSwitcher(RuntimeSelection selection) {
		super(ID);
		this.selection = selection;
	}

	@Override
	protected Control createControl(Composite parent) {
		Composite box = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(4).margins(4, 0).applyTo(box);
		new Label(box, SWT.NONE).setText("Runtime:");
		runtimes = combo(box, "Active runtime");
		new Label(box, SWT.NONE).setText("Tenant:");
		tenants = combo(box, "Active tenant");
		runtimes.addListener(SWT.Selection, e -> {
			int at = runtimes.getSelectionIndex();
			if (at >= 0 && at < listed.size()) {
				selection.use(listed.get(at), listed.get(at).tenant());
			}
		});
		tenants.addListener(SWT.Selection, e -> {
			RuntimeSelection.Active now = selection.active();
			String tenant = tenants.getText();
			if (!tenant.isEmpty() && !tenant.equals(now.tenant())) {
				selection.use(now.connection(), tenant);
			}
		});
		selection.addListener(onActive);
		box.addDisposeListener(e -> selection.removeListener(onActive));
		return box;
	}

	private static Combo combo(Composite parent, String name) {
		Combo combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
		AccessibleNames.named(combo, name);
		combo.setItems("…");
		return combo;
	}

	public Combo runtimes() {
		return runtimes;
	}

	public Combo tenants() {
		return tenants;
	}

	private void activeChanged(RuntimeSelection.Active now) {
		if (runtimes == null || runtimes.isDisposed()) {
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
			List<String> known = now.tenants().isEmpty() && now.tenant() != null ? List.of(now.tenant()) : now.tenants();
			tenants.setItems(known.toArray(String[]::new));
			if (now.tenant() != null) {
				tenants.select(known.indexOf(now.tenant()));
			}
			tenants.setToolTipText(now.message());
			runtimes.setToolTipText(now.message());
			runtimes.getParent().layout(true);
		});
	}
}
