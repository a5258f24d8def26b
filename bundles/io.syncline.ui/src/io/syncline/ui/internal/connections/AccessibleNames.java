package io.syncline.ui.internal.connections;

import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.widgets.Control;

/** Gives a widget the name a screen reader reads (GTK hands it to ATK), where no label next to it says it. */
public final class AccessibleNames {

	private AccessibleNames() {
	}

	public static <T extends Control> T named(T control, String name) {
		control.getAccessible().addAccessibleListener(new AccessibleAdapter() {
			@Override
			public void getName(AccessibleEvent e) {
				e.result = name;
			}
		});
		return control;
	}
}
