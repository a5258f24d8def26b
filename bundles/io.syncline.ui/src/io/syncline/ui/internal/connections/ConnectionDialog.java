package io.syncline.ui.internal.connections;

import java.net.URI;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Adds or edits a remote runtime: a name, its URL, the bearer token (typed hidden; left empty when editing keeps
 * the stored one) and optionally the tenant to work in. OK is enabled only for a name and an http(s) URL.
 */
public final class ConnectionDialog extends TitleAreaDialog {

	private final Connection editing;
	private Text name;
	private Text url;
	private Text token;
	private Text tenant;
	private Connection result;
	private String tokenResult;

	/** @param editing the connection to change, or null to add one */
	public ConnectionDialog(Shell parent, Connection editing) {
		super(parent);
		this.editing = editing;
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(editing == null ? "Add a remote runtime" : "Edit " + editing.name());
		setMessage("The token is kept in secure storage, never in plain text. syncline-runtime token create makes one.");
		Composite fields = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(fields);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);
		name = field(fields, "&Name:", SWT.BORDER, editing == null ? "" : editing.name());
		url = field(fields, "&URL:", SWT.BORDER, editing == null ? "https://" : editing.url());
		token = field(fields, "&Token:", SWT.BORDER | SWT.PASSWORD, "");
		if (editing != null) {
			token.setMessage("leave empty to keep the stored token");
		}
		tenant = field(fields, "T&enant (optional):", SWT.BORDER, editing == null || editing.tenant() == null ? ""
				: editing.tenant());
		name.addModifyListener(e -> validate());
		url.addModifyListener(e -> validate());
		token.addModifyListener(e -> validate());
		return area;
	}

	private static Text field(Composite parent, String label, int style, String value) {
		Label caption = new Label(parent, SWT.NONE);
		caption.setText(label);
		Text text = new Text(parent, style);
		text.setText(value);
		String accessible = label.replace("&", "").replace(":", "");
		AccessibleNames.named(text, accessible);
		GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(text);
		return text;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		validate();
	}

	private void validate() {
		String problem = problem();
		setErrorMessage(problem);
		if (getButton(IDialogConstants.OK_ID) != null) {
			getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
		}
	}

	private String problem() {
		if (name == null || name.getText().isBlank()) {
			return "A connection needs a name.";
		}
		try {
			URI uri = URI.create(url.getText().strip());
			if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
				return "The URL is http(s)://host:port of the runtime.";
			}
		} catch (IllegalArgumentException e) {
			return "The URL is http(s)://host:port of the runtime.";
		}
		if (editing == null && token.getText().isBlank()) {
			return "A new connection needs its token.";
		}
		return null;
	}

	@Override
	protected void okPressed() {
		result = new Connection(editing == null ? null : editing.id(), name.getText().strip(), url.getText().strip(),
				tenant.getText().isBlank() ? null : tenant.getText().strip());
		tokenResult = token.getText().isBlank() ? null : token.getText().strip();
		super.okPressed();
	}

	public Connection result() {
		return result;
	}

	/** The token typed, or null to keep the stored one. */
	public String token() {
		return tokenResult;
	}
}
