package io.syncline.ui.mapping.internal.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.syncline.runtime.api.MappingSummary;
import io.syncline.ui.internal.connections.AccessibleNames;

/**
 * Which partner's document a published mapping translates from now on: the partner (one the runtime has, or a new
 * id), the document type, the workflow that applies it and, optionally, the file names it takes.
 */
public final class BindDialog extends Dialog {

	private final MappingSummary mapping;
	private final List<String> partners;
	private final Map<String, String> workflows;
	private Combo partner;
	private Text documentType;
	private Combo workflow;
	private Text filePattern;
	private FlowBinding binding;

	public BindDialog(Shell parent, MappingSummary mapping, List<String> partners, Map<String, String> workflows) {
		super(parent);
		this.mapping = mapping;
		this.partners = partners;
		this.workflows = workflows;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Bind " + mapping.name() + " to a partner's flow");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		area.setLayout(new GridLayout(2, false));
		partner = AccessibleNames.named(new Combo(field(area, "&Partner:"), SWT.DROP_DOWN), "Partner");
		partner.setItems(partners.toArray(String[]::new));
		partner.setText(mapping.partnerId() == null ? "" : mapping.partnerId());
		documentType = AccessibleNames.named(new Text(field(area, "&Document type:"), SWT.BORDER), "Document type");
		workflow = AccessibleNames.named(new Combo(field(area, "&Workflow:"), SWT.READ_ONLY), "Workflow");
		List<String> names = new ArrayList<>();
		workflows.forEach((name, what) -> names.add(name));
		names.sort(null);
		workflow.setItems(names.toArray(String[]::new));
		filePattern = AccessibleNames.named(new Text(field(area, "&File names:"), SWT.BORDER),
				"File names this flow takes, such as *pricelist*.xml (optional)");
		filePattern.setMessage("*pricelist*.xml (optional)");
		for (Control control : new Control[] { partner, documentType, workflow, filePattern }) {
			control.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		}
		return area;
	}

	private static Composite field(Composite area, String label) {
		new Label(area, SWT.NONE).setText(label);
		return area;
	}

	@Override
	protected void buttonPressed(int buttonId) {
		if (buttonId == IDialogConstants.OK_ID) {
			binding = new FlowBinding(partner.getText().trim(), documentType.getText().trim(),
					"OUTBOUND".equals(mapping.direction()) ? "OUT" : "IN", workflow.getText(), mapping.name(),
					filePattern.getText());
		}
		super.buttonPressed(buttonId);
	}

	/** What was chosen, or null if cancelled. */
	public FlowBinding binding() {
		return binding;
	}
}
