package io.syncline.ui.mapping.internal.wizard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.syncline.mapping.TargetSchema;
import io.syncline.mapping.model.Direction;
import io.syncline.ui.internal.connections.AccessibleNames;

/**
 * The one page of the new-mapping wizard: the partner (one the runtime has, or a new id), the direction, the
 * document type, a sample file and the target; the name follows the partner and document until typed over.
 */
public final class NewMappingPage extends WizardPage {

	private Text name;
	private Combo partner;
	private Button inbound;
	private Button outbound;
	private Combo documentType;
	private Text sample;
	private Combo target;
	private Text recordPath;
	private Combo numberLocale;
	private boolean nameTyped;
	private List<String> partners = List.of();

	NewMappingPage() {
		super("mapping");
		setTitle("New mapping");
		setDescription("A partner's document to the model (inbound), or the model to a partner's format.");
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		page.setLayout(new GridLayout(3, false));
		partner = combo(page, "&Partner:", "Partner: one the runtime has, or a new id", SWT.DROP_DOWN);
		partner.setItems(partners.toArray(String[]::new));
		new Label(page, SWT.NONE).setText("Direction:");
		Composite directions = new Composite(page, SWT.NONE);
		directions.setLayout(new GridLayout(2, false));
		directions.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		inbound = AccessibleNames.named(new Button(directions, SWT.RADIO), "Inbound: the partner's format to the model");
		inbound.setText("&Inbound (partner → model)");
		inbound.setSelection(true);
		outbound = AccessibleNames.named(new Button(directions, SWT.RADIO), "Outbound: the model to the partner's format");
		outbound.setText("&Outbound (model → partner)");
		documentType = combo(page, "&Document type:", "Document type", SWT.DROP_DOWN);
		documentType.setItems("catalog", "orders", "items", "events", "snapshot", "832", "846", "850", "855", "856",
				"810");
		new Label(page, SWT.NONE).setText("&Sample file:");
		sample = AccessibleNames.named(new Text(page, SWT.BORDER), "Sample file");
		sample.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Button browse = AccessibleNames.named(new Button(page, SWT.PUSH), "Browse for the sample file");
		browse.setText("&Browse…");
		browse.addListener(SWT.Selection, event -> {
			FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
			String chosen = dialog.open();
			if (chosen != null) {
				sample.setText(chosen);
			}
		});
		new Label(page, SWT.NONE).setText("&Records at:");
		recordPath = AccessibleNames.named(new Text(page, SWT.BORDER),
				"Where the records are in an XML or JSON file, such as /PriceList/Article");
		recordPath.setMessage("the whole file is one record");
		recordPath.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		sample.addListener(SWT.Modify, event -> suggestRecords());
		target = combo(page, "&Target:", "Target: the canonical entity made, or the X12 set written", SWT.DROP_DOWN);
		target.setItems(TargetSchema.entities().toArray(String[]::new));
		numberLocale = combo(page, "N&umbers:", "How the sample writes numbers", SWT.DROP_DOWN);
		numberLocale.setItems("", "en-US", "de-DE", "fr-FR");
		new Label(page, SWT.NONE).setText("&Name:");
		name = AccessibleNames.named(new Text(page, SWT.BORDER), "Mapping name");
		name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		name.addListener(SWT.KeyDown, event -> nameTyped = true);
		for (org.eclipse.swt.widgets.Control control : new org.eclipse.swt.widgets.Control[] { partner, documentType,
				sample, target, numberLocale, name }) {
			control.addListener(SWT.Modify, event -> changed());
		}
		inbound.addListener(SWT.Selection, event -> directionChanged());
		outbound.addListener(SWT.Selection, event -> directionChanged());
		setControl(page);
		changed();
	}

	/** Proposes where an XML or JSON sample's records are, read in a Job, unless the analyst typed one. */
	private void suggestRecords() {
		String file = sample.getText().trim();
		if (file.isEmpty() || !recordPath.getText().isBlank() || !Files.isRegularFile(Path.of(file))) {
			return;
		}
		io.syncline.ui.internal.connections.UiJobs.run(sample, "Read " + Path.of(file).getFileName(), true, () -> {
			String found = NewMapping.suggestRecordPath(Path.of(file));
			return () -> {
				if (found != null && recordPath.getText().isBlank() && sample.getText().trim().equals(file)) {
					recordPath.setText(found);
				}
			};
		}, why -> setMessage(why, WARNING));
	}

	private Combo combo(Composite page, String label, String accessible, int style) {
		new Label(page, SWT.NONE).setText(label);
		Combo combo = AccessibleNames.named(new Combo(page, style), accessible);
		combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		return combo;
	}

	void setPartners(List<String> known) {
		partners = known;
		if (partner != null && !partner.isDisposed()) {
			String typed = partner.getText();
			partner.setItems(known.toArray(String[]::new));
			partner.setText(typed);
		}
	}

	private void directionChanged() {
		target.setItems(inbound.getSelection() ? TargetSchema.entities().toArray(String[]::new)
				: new String[] { "810", "850", "855", "856" });
		changed();
	}

	private void changed() {
		String proposed = partner.getText().trim() + "-" + documentType.getText().trim()
				+ (outbound.getSelection() ? "-outbound" : "");
		if (!nameTyped && !partner.getText().isBlank() && !documentType.getText().isBlank()
				&& !proposed.equals(name.getText())) {
			name.setText(proposed); // tells this method again, which then finds the name as proposed
			return;
		}
		setErrorMessage(problem());
		setPageComplete(problem() == null);
	}

	/** What still keeps the page from finishing, or null. */
	public String problem() {
		if (partner.getText().isBlank()) {
			return "Choose the partner, or type a new partner id.";
		}
		if (!partner.getText().trim().matches("[a-z0-9][a-z0-9-]*")) {
			return "A partner id is lower-case letters, digits and dashes.";
		}
		if (documentType.getText().isBlank()) {
			return "Name the document type (catalog, orders, 850 …).";
		}
		if (target.getText().isBlank()) {
			return inbound.getSelection() ? "Choose the canonical entity each record becomes."
					: "Choose the X12 transaction set to write.";
		}
		if (inbound.getSelection() && (sample.getText().isBlank() || !Files.isRegularFile(Path.of(sample.getText())))) {
			return "Choose a sample file of the partner's document: it shows the source's structure.";
		}
		if (!name.getText().trim().matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
			return "A mapping's name is letters, digits, dots, dashes and underscores.";
		}
		return null;
	}

	NewMapping spec() {
		return new NewMapping(name.getText().trim(), partner.getText().trim(),
				inbound.getSelection() ? Direction.INBOUND : Direction.OUTBOUND, documentType.getText().trim(),
				target.getText().trim(), sample.getText().isBlank() ? null : Path.of(sample.getText().trim()),
				recordPath.getText().trim(), numberLocale.getText().trim());
	}

	// for tests that drive the page's widgets
	public Combo partnerField() {
		return partner;
	}

	public Combo documentTypeField() {
		return documentType;
	}

	public Text sampleField() {
		return sample;
	}

	public Combo targetField() {
		return target;
	}

	public Combo numberLocaleField() {
		return numberLocale;
	}

	public Text recordPathField() {
		return recordPath;
	}

	public Text nameField() {
		return name;
	}
}
