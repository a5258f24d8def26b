package io.syncline.ui.internal.connections;

import org.eclipse.swt.widgets.Composite;

import jakarta.annotation.PostConstruct;

/**
 * The runtime and tenant switcher as a control of the window's top trim (an e4 tool control), not as an item of a
 * toolbar: a toolbar item is as high as the toolbar's buttons, which cuts GTK's combos in half, while a trim control
 * is laid out at the height it asks for, as the IDE's own search field is.
 */
public final class SwitcherTrim {

	/** The model id and contribution of the control, as {@code ConsoleWindowAdvisor} adds it to the top trim. */
	public static final String ID = "io.syncline.ui.trim.runtimeSwitcher";
	public static final String CONTRIBUTION = "bundleclass://io.syncline.ui/" + SwitcherTrim.class.getName();

	@PostConstruct
	public void create(Composite parent, RuntimeSelection selection) {
		new RuntimeSwitcher(parent, selection);
	}
}
