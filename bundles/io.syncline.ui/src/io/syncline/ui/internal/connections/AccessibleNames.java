package io.syncline.ui.internal.connections;

import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.widgets.Control;

/** Gives a widget the name a screen reader reads (GTK hands it to ATK), where no label next to it says it. */
public final class AccessibleNames {

	private AccessibleNames() {
	}

	/** Where a control keeps its name, so a test or the self-test can find it by what a screen reader says. */
	public static final String KEY = "io.syncline.accessibleName";

	public static <T extends Control> T named(T control, String name) {
		control.setData(KEY, name);
		control.getAccessible().addAccessibleListener(new AccessibleAdapter() {
			@Override
			public void getName(AccessibleEvent e) {
				e.result = name;
			}
		});
		return control;
	}
}
