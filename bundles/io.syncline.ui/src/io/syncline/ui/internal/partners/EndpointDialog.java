package io.syncline.ui.internal.partners;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import io.syncline.runtime.api.EndpointConfig;
import io.syncline.runtime.api.PartnerConfig;
import io.syncline.ui.internal.connections.AccessibleNames;

/**
 * Adds or edits an endpoint: its id, partner, way, kind, schedule and document types; its settings as
 * {@code name=value} lines (a new endpoint starts from what its kind takes); its secrets in password fields, typed
 * once and never shown again (an edit leaves a secret as it is unless one is typed); and the reason, for the audit.
 * The runtime checks the settings and says which one is wrong.
 */
final class EndpointDialog extends TitleAreaDialog {

	/** What the dialog saves: the endpoint, the secrets typed (null when none, so an edit keeps them), the reason. */
	record Saved(EndpointConfig endpoint, Map<String, String> secrets, String reason) {
	}

	static final List<String> KINDS = List.of("sftp", "webhook", "folder", "as2", "http", "jdbc");
	private static final Map<String, String> TEMPLATES = Map.of(
			"sftp", "host=\nport=22\nuser=\ndirectory=\nhostKey=SHA256:\npatterns=*.edi\nafter=delete",
			"webhook", "signature=shopify\nname={endpoint}-{id}.json",
			"as2", "as2From=\nas2To=\npartnerCertificate=\n# out: url=, sign=sha256, encrypt=aes256, compress=false, mdn=sync",
			"http", "url=\n# out: method=POST; in: itemsPath=, idField=/id, paging=none, sinceParam=, watermarkField=",
			"jdbc", "url=jdbc:postgresql://\nuser=\ntable=\nkeyColumn=\nwatermarkColumn=\nlagSeconds=10",
			"folder", "");
	private static final Map<String, List<String>> SECRETS = Map.of("sftp", List.of("password", "privateKey",
			"passphrase"), "webhook", List.of("signingSecret"), "as2", List.of("keyStore", "keyStorePassword"),
			"http", List.of("authorization", "apiKey"), "jdbc", List.of("password"));

	private final List<PartnerConfig> partners;
	private final String partnerId;
	private final EndpointConfig editing;
	private Text id;
	private Combo partner;
	private Combo direction;
	private Combo kind;
	private Spinner schedule;
	private Text types;
	private Button enabled;
	private Text settings;
	private final List<Combo> secretNames = new ArrayList<>();
	private final List<Text> secretValues = new ArrayList<>();
	private Text reason;
	private Saved saved;
	private boolean settingsTouched;

	EndpointDialog(Shell shell, List<PartnerConfig> partners, String partnerId, EndpointConfig editing) {
		super(shell);
		this.partners = partners;
		this.partnerId = partnerId;
		this.editing = editing;
		setShellStyle(getShellStyle() | SWT.RESIZE);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(editing == null ? "Add an endpoint" : "Edit endpoint " + editing.endpointId());
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(editing == null ? "Add an endpoint" : "Edit endpoint " + editing.endpointId());
		setMessage("Settings are checked by the runtime; secrets are sealed there and never shown again.");
		Composite form = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(4).applyTo(form);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
		id = text(form, "&Id:", "Endpoint id", editing == null ? "" : editing.endpointId(), 1);
		id.setEditable(editing == null);
		id.setMessage("acme-sftp-in");
		partner = combo(form, "&Partner:", "Partner", partners.stream().map(PartnerConfig::partnerId).toList(),
				partnerId);
		direction = combo(form, "&Way:", "Direction", List.of("in", "out"),
				editing == null ? "in" : editing.direction().toLowerCase(Locale.ROOT));
		kind = combo(form, "&Kind:", "Kind", KINDS, editing == null ? "sftp" : editing.kind());
		new Label(form, SWT.NONE).setText("&Schedule (s):");
		schedule = AccessibleNames.named(new Spinner(form, SWT.BORDER), "Poll every (seconds)");
		schedule.setValues(editing == null || editing.scheduleSeconds() == null ? 60 : editing.scheduleSeconds(), 1,
				86_400, 0, 1, 60);
		types = text(form, "&Documents:", "Document types carried out, comma-separated (empty: all)",
				editing == null ? "" : String.join(",", editing.documentTypes()), 1);
		types.setMessage("855,856,810 (empty: all)");
		enabled = new Button(form, SWT.CHECK);
		enabled.setText("E&nabled");
		enabled.setSelection(editing == null || editing.enabled());
		GridDataFactory.fillDefaults().span(4, 1).applyTo(enabled);
		Label settingsLabel = new Label(form, SWT.NONE);
		settingsLabel.setText("Se&ttings (name=value, one a line):");
		GridDataFactory.fillDefaults().span(4, 1).applyTo(settingsLabel);
		settings = AccessibleNames.named(new Text(form, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL),
				"Settings, name=value, one a line");
		settings.setText(editing == null ? TEMPLATES.getOrDefault("sftp", "") : lines(editing.settings()));
		GridDataFactory.fillDefaults().span(4, 1).grab(true, true).hint(520, 130).applyTo(settings);
		settings.addListener(SWT.Modify, e -> settingsTouched = true);
		settingsTouched = false;
		kind.addListener(SWT.Selection, e -> {
			if (editing == null && !settingsTouched) {
				settings.setText(TEMPLATES.getOrDefault(kind.getText(), ""));
				settingsTouched = false;
			}
			offerSecrets();
		});
		Label secretsLabel = new Label(form, SWT.WRAP);
		secretsLabel.setText(editing == null || editing.secrets().isEmpty() ? "Sec&rets (typed once, never shown):"
				: "Sec&rets: " + String.join(", ", editing.secrets()) + " are set; type one only to replace it:");
		GridDataFactory.fillDefaults().span(4, 1).applyTo(secretsLabel);
		for (int row = 0; row < 2; row++) {
			Combo name = AccessibleNames.named(new Combo(form, SWT.DROP_DOWN), "Secret name " + (row + 1));
			GridDataFactory.fillDefaults().hint(140, SWT.DEFAULT).applyTo(name);
			Text value = AccessibleNames.named(new Text(form, SWT.SINGLE | SWT.BORDER | SWT.PASSWORD),
					"Secret value " + (row + 1));
			GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(value);
			secretNames.add(name);
			secretValues.add(value);
		}
		offerSecrets();
		reason = text(form, "R&eason:", "Reason, for the audit", "", 3);
		reason.setMessage("why it changes (kept in the audit history)");
		for (Text each : List.of(id, reason)) {
			each.addListener(SWT.Modify, e -> validate());
		}
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		getButton(IDialogConstants.OK_ID).setText(editing == null ? "&Add" : "&Save");
		validate();
	}

	private void offerSecrets() {
		List<String> names = SECRETS.getOrDefault(kind.getText(), List.of());
		for (int row = 0; row < secretNames.size(); row++) {
			Combo name = secretNames.get(row);
			String typed = name.getText();
			name.setItems(names.toArray(String[]::new));
			name.setText(!typed.isEmpty() ? typed : row < names.size() ? names.get(row) : "");
		}
	}

	private Text text(Composite form, String label, String name, String value, int span) {
		new Label(form, SWT.NONE).setText(label);
		Text text = AccessibleNames.named(new Text(form, SWT.SINGLE | SWT.BORDER), name);
		text.setText(value);
		GridDataFactory.fillDefaults().grab(true, false).span(span, 1).hint(180, SWT.DEFAULT).applyTo(text);
		return text;
	}

	private Combo combo(Composite form, String label, String name, List<String> items, String value) {
		new Label(form, SWT.NONE).setText(label);
		Combo combo = AccessibleNames.named(new Combo(form, SWT.READ_ONLY), name);
		combo.setItems(items.toArray(String[]::new));
		combo.setText(value == null ? "" : value);
		combo.setEnabled(editing == null || !name.equals("Partner"));
		GridDataFactory.fillDefaults().grab(true, false).applyTo(combo);
		return combo;
	}

	private void validate() {
		String problem = id.getText().isBlank() ? "Give the endpoint an id."
				: !id.getText().matches("[a-z0-9][a-z0-9-]{0,63}") ? "An id is lower-case letters, digits and dashes."
						: reason.getText().isBlank() ? "Say why, for the audit." : null;
		setErrorMessage(problem);
		if (getButton(IDialogConstants.OK_ID) != null) {
			getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
		}
	}

	@Override
	protected void okPressed() {
		Map<String, String> parsed;
		try {
			parsed = parse(settings.getText());
		} catch (IllegalArgumentException e) {
			setErrorMessage(e.getMessage());
			return;
		}
		Map<String, String> secrets = new LinkedHashMap<>();
		for (int row = 0; row < secretNames.size(); row++) {
			String name = secretNames.get(row).getText().trim();
			String value = secretValues.get(row).getText();
			if (!name.isEmpty() && !value.isEmpty()) {
				secrets.put(name, value);
			}
		}
		List<String> documentTypes = Arrays.stream(types.getText().split(",")).map(String::trim)
				.filter(type -> !type.isEmpty()).toList();
		saved = new Saved(new EndpointConfig(id.getText().trim(), partner.getText(), direction.getText(),
				kind.getText(), parsed, List.of(), schedule.getSelection(), documentTypes, enabled.getSelection(),
				null), secrets.isEmpty() ? null : secrets, reason.getText().trim());
		super.okPressed();
	}

	Saved saved() {
		return saved;
	}

	/** {@code name=value} lines as settings; an empty value leaves the setting out. */
	static Map<String, String> parse(String text) {
		Map<String, String> parsed = new LinkedHashMap<>();
		int line = 0;
		for (String raw : text.split("\\R")) {
			line++;
			String each = raw.trim();
			if (each.isEmpty() || each.startsWith("#")) {
				continue;
			}
			int equals = each.indexOf('=');
			if (equals <= 0) {
				throw new IllegalArgumentException("Settings, line " + line + ": name=value, not '" + each + "'.");
			}
			String value = each.substring(equals + 1).trim();
			if (!value.isEmpty()) {
				parsed.put(each.substring(0, equals).trim(), value);
			}
		}
		return parsed;
	}

	private static String lines(Map<String, String> settings) {
		StringBuilder text = new StringBuilder();
		settings.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
		return text.toString();
	}

	/** The widgets, for tests that fill the dialog in as a person would. */
	Text idField() {
		return id;
	}

	Text settingsField() {
		return settings;
	}

	Combo kindField() {
		return kind;
	}

	List<Combo> secretNameFields() {
		return secretNames;
	}

	List<Text> secretValueFields() {
		return secretValues;
	}

	Text reasonField() {
		return reason;
	}
}
