package io.syncline.ui.about;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

public final class AboutDialog extends Dialog {

	private final ProductInfo info;
	private Label versionLabel;

	public AboutDialog(Shell parent, ProductInfo info) {
		super(parent);
		this.info = info;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("About " + info.name());
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		GridLayoutFactory.swtDefaults().margins(16, 16).applyTo(area);
		Label name = new Label(area, SWT.NONE);
		name.setText(info.name());
		name.setFont(JFaceResources.getHeaderFont());
		Label tagline = new Label(area, SWT.WRAP);
		tagline.setText(info.tagline());
		GridDataFactory.fillDefaults().hint(420, SWT.DEFAULT).applyTo(tagline);
		versionLabel = new Label(area, SWT.NONE);
		versionLabel.setText("Version " + info.version());
		Label platform = new Label(area, SWT.NONE);
		platform.setText(info.java() + " on " + info.os());
		Label vendor = new Label(area, SWT.NONE);
		vendor.setText("\u00a9 " + info.vendor());
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
	}

	/** The label that shows the version, for tests. */
	public Label versionLabel() {
		return versionLabel;
	}
}
