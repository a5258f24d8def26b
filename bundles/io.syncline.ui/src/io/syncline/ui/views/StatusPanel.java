package io.syncline.ui.views;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import io.syncline.branding.Branding;

/**
 * A branded header (title on the partner's colours) over a state message, for views whose data source is not
 * connected yet. The labels are reachable for tests through {@link #title()} and {@link #message()}.
 */
public final class StatusPanel extends Composite {

	private final Label title;
	private final Label message;

	public StatusPanel(Composite parent, String titleText, String messageText) {
		super(parent, SWT.NONE);
		LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources(), this);
		BrandColours colours = new BrandColours(Branding.current(), resources);
		GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(this);

		Composite header = new Composite(this, SWT.NONE);
		header.setBackground(colours.headerBackground());
		GridLayoutFactory.fillDefaults().margins(10, 6).applyTo(header);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(header);
		title = new Label(header, SWT.NONE);
		title.setText(titleText);
		title.setBackground(colours.headerBackground());
		title.setForeground(colours.headerForeground());
		title.setFont(JFaceResources.getBannerFont());

		Composite accentRule = new Composite(this, SWT.NONE);
		accentRule.setBackground(colours.accent());
		GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 3).applyTo(accentRule);

		message = new Label(this, SWT.WRAP);
		message.setText(messageText);
		GridDataFactory.fillDefaults().grab(true, true).indent(10, 10).applyTo(message);
	}

	public Label title() {
		return title;
	}

	public Label message() {
		return message;
	}
}
