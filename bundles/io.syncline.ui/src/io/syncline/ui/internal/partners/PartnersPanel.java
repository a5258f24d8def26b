package io.syncline.ui.internal.partners;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

import io.syncline.runtime.api.EndpointConfig;
import io.syncline.runtime.api.EndpointHealth;
import io.syncline.runtime.api.EndpointTest;
import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.PartnerConfig;
import io.syncline.runtime.api.Role;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.connections.UiJobs;
import io.syncline.ui.internal.monitor.MessageText;
import io.syncline.ui.internal.widgets.TableColumns;

/**
 * The active tenant's partners: under each, its endpoints with how each fares (OK, FAILING with its last error in
 * words, NEW, DISABLED; last success, today's documents, backlog) and its flows. Endpoints are added, edited,
 * removed and tested from here; a secret is typed once and never shown again. Everything is read and done in Jobs
 * through the active runtime, local or remote; what the principal's role does not allow is disabled, and says why.
 */
public final class PartnersPanel extends Composite {

	static final String[] COLUMNS = { "Partner, endpoint or flow", "Kind", "Way", "State", "Last success", "Today",
			"Backlog", "Last error or detail" };

	private final RuntimeSelection selection;
	private final Tree tree;
	private final Label summary;
	private final Label outcome;
	private final Button add;
	private final Button edit;
	private final Button remove;
	private final Button test;
	private final Color failing;
	private List<PartnerConfig> partners = List.of();
	private List<EndpointConfig> endpoints = List.of();
	private Role role;
	private long generation;
	private final Consumer<RuntimeSelection.Active> onActive = active -> UiJobs.later(this, this::reload);

	public PartnersPanel(Composite parent, RuntimeSelection selection) {
		super(parent, SWT.NONE);
		this.selection = selection;
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(this);
		Composite bar = new Composite(this, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(6).margins(4, 4).applyTo(bar);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		summary = AccessibleNames.named(new Label(bar, SWT.WRAP), "Partners status");
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summary);
		add = button(bar, "&Add endpoint…", "Add an endpoint to the selected partner (Insert)", this::addEndpoint);
		edit = button(bar, "&Edit…", "Edit the selected endpoint (Enter)", this::editEndpoint);
		remove = button(bar, "Re&move…", "Remove the selected endpoint (Delete)", this::removeEndpoint);
		test = button(bar, "&Test connection", "Connect, log in and list, writing nothing (Ctrl+T)", this::testEndpoint);
		button(bar, "Re&fresh", "Read the partners and their endpoints again (F5)", this::reload);
		outcome = AccessibleNames.named(new Label(this, SWT.WRAP), "Outcome of the last action");
		GridDataFactory.fillDefaults().grab(true, false).indent(4, 0).applyTo(outcome);
		tree = AccessibleNames.named(new Tree(this, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER),
				"Partners, their endpoints and flows");
		tree.setHeaderVisible(true);
		tree.setLinesVisible(true);
		int[] widths = { 310, 60, 40, 75, 150, 50, 60, 400 };
		for (int i = 0; i < COLUMNS.length; i++) {
			TreeColumn column = new TreeColumn(tree, SWT.LEFT);
			column.setText(COLUMNS[i]);
			column.setWidth(widths[i]);
		}
		TableColumns.fitTitles(tree);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(tree);
		failing = new Color(getDisplay(), 253, 226, 226);
		tree.addListener(SWT.Selection, e -> enable());
		tree.addListener(SWT.DefaultSelection, e -> editEndpoint());
		tree.addListener(SWT.KeyDown, e -> {
			if (e.keyCode == SWT.F5) {
				reload();
			} else if (e.keyCode == SWT.INSERT) {
				addEndpoint();
			} else if (e.keyCode == SWT.DEL) {
				removeEndpoint();
			} else if (e.keyCode == 't' && (e.stateMask & SWT.MOD1) != 0) {
				testEndpoint();
			}
		});
		addListener(SWT.Dispose, e -> {
			selection.removeListener(onActive);
			failing.dispose();
		});
		selection.addListener(onActive);
		enable();
	}

	private Button button(Composite bar, String text, String tip, Runnable action) {
		Button button = new Button(bar, SWT.PUSH);
		button.setText(text);
		button.setToolTipText(tip);
		button.addListener(SWT.Selection, e -> action.run());
		return button;
	}

	/** Reads the partners, their endpoints and the principal's role again. */
	public void reload() {
		IntegrationRuntime runtime = selection.active().runtime();
		if (runtime == null) {
			summary.setText(selection.active().message());
			return;
		}
		long mine = ++generation;
		summary.setText("Reading the partners…");
		UiJobs.run(this, "Reading the partners and their endpoints", () -> {
			List<PartnerConfig> readPartners = runtime.partners();
			List<EndpointConfig> readEndpoints = runtime.endpoints();
			Role readRole = runtime.principal().role();
			return () -> {
				if (mine == generation) {
					show(readPartners, readEndpoints, readRole);
				}
			};
		}, why -> summary.setText(why));
	}

	private void show(List<PartnerConfig> readPartners, List<EndpointConfig> readEndpoints, Role readRole) {
		String selected = selectedKey();
		partners = readPartners;
		endpoints = readEndpoints;
		role = readRole;
		tree.setRedraw(false);
		try {
			tree.removeAll();
			for (PartnerConfig partner : partners) {
				TreeItem item = new TreeItem(tree, SWT.NONE);
				List<EndpointConfig> own = endpoints.stream().filter(e -> e.partnerId().equals(partner.partnerId()))
						.toList();
				long failingCount = own.stream().filter(e -> e.health() != null && "FAILING".equals(e.health().state()))
						.count();
				item.setText(new String[] { partner.name().contains(partner.partnerId()) ? partner.name()
						: partner.name() + " · " + partner.partnerId(), "partner", "",
						failingCount > 0 ? failingCount + " failing" : own.isEmpty() ? "" : "OK", "", "", "",
						own.size() + " endpoint(s), " + partner.flows().size() + " flow(s)" });
				item.setData(partner);
				if (failingCount > 0) {
					item.setBackground(failing);
				}
				for (EndpointConfig endpoint : own) {
					endpointItem(item, endpoint);
				}
				for (PartnerConfig.Flow flow : partner.flows()) {
					TreeItem flowItem = new TreeItem(item, SWT.NONE);
					flowItem.setText(new String[] { flow.documentType() + " " + String.valueOf(flow.flow()), "flow",
							lower(flow.direction()), "", "", "", "", flow.workflow()
									+ (flow.mapping() == null ? "" : " with " + flow.mapping())
									+ (flow.filePattern() == null ? "" : ", files " + flow.filePattern()) });
					flowItem.setData(flow);
				}
				item.setExpanded(!own.isEmpty());
			}
			reselect(selected);
		} finally {
			tree.setRedraw(true);
		}
		long failingTotal = endpoints.stream().filter(e -> e.health() != null && "FAILING".equals(e.health().state()))
				.count();
		summary.setText(partners.size() + " partners, " + endpoints.size() + " endpoints"
				+ (failingTotal > 0 ? ", " + failingTotal + " failing" : "") + (canChange() ? ""
						: " (you are " + role + ": changing endpoints needs ANALYST)"));
		enable();
	}

	private void endpointItem(TreeItem parent, EndpointConfig endpoint) {
		TreeItem item = new TreeItem(parent, SWT.NONE);
		EndpointHealth health = endpoint.health();
		String state = health == null ? "" : health.state();
		item.setText(new String[] { endpoint.endpointId(), endpoint.kind(), lower(endpoint.direction()), state,
				health == null ? "" : time(health.lastSuccessAt()),
				health == null ? "" : Long.toString(health.movedToday()),
				health == null ? "" : Integer.toString(health.backlog()), detail(endpoint) });
		item.setData(endpoint);
		if ("FAILING".equals(state)) {
			item.setBackground(failing);
		}
	}

	/** The last error while failing; else where the endpoint reaches. */
	private static String detail(EndpointConfig endpoint) {
		EndpointHealth health = endpoint.health();
		if (health != null && "FAILING".equals(health.state()) && health.lastError() != null) {
			String prefix = "endpoint " + endpoint.endpointId() + ": "; // the row says which endpoint already
			return health.lastError().startsWith(prefix) ? health.lastError().substring(prefix.length())
					: health.lastError();
		}
		Map<String, String> settings = endpoint.settings();
		String where;
		if (settings.containsKey("host")) {
			where = settings.getOrDefault("user", "") + "@" + settings.get("host") + settings.getOrDefault("directory", "");
		} else if (settings.containsKey("signature")) {
			where = "signed the " + settings.get("signature") + " way";
		} else if (settings.containsKey("as2To")) {
			where = settings.get("as2From") + " → " + settings.get("as2To")
					+ (settings.containsKey("url") ? " at " + settings.get("url") : "");
		} else if (settings.containsKey("table")) {
			where = settings.get("table") + " by " + settings.get("watermarkColumn");
		} else {
			where = settings.getOrDefault("url", "").replaceAll("\\?.*", "");
		}
		String warning = health == null || health.warning() == null ? "" : "⚠ " + health.warning() + " · ";
		return warning + where + (endpoint.secrets().isEmpty() ? "" : " · secrets: " + String.join(", ",
				endpoint.secrets()));
	}

	private static String time(Instant at) {
		return at == null ? "" : MessageText.time(at);
	}

	private static String lower(String text) {
		return text == null ? "" : text.toLowerCase(java.util.Locale.ROOT);
	}

	private boolean canChange() {
		return role != null && role.includes(Role.ANALYST);
	}

	private void enable() {
		Object data = tree.getSelectionCount() == 1 ? tree.getSelection()[0].getData() : null;
		boolean onEndpoint = data instanceof EndpointConfig;
		add.setEnabled(canChange() && (data instanceof PartnerConfig || onEndpoint));
		edit.setEnabled(canChange() && onEndpoint);
		remove.setEnabled(canChange() && onEndpoint);
		test.setEnabled(role != null && role.includes(Role.OPERATOR) && onEndpoint);
		String why = role == null ? "" : canChange() ? "" : " — needs ANALYST; you are " + role;
		add.setToolTipText("Add an endpoint to the selected partner (Insert)" + why);
	}

	private EndpointConfig selectedEndpoint() {
		Object data = tree.getSelectionCount() == 1 ? tree.getSelection()[0].getData() : null;
		return data instanceof EndpointConfig endpoint ? endpoint : null;
	}

	private String selectedPartner() {
		if (tree.getSelectionCount() != 1) {
			return null;
		}
		Object data = tree.getSelection()[0].getData();
		return data instanceof PartnerConfig partner ? partner.partnerId()
				: data instanceof EndpointConfig endpoint ? endpoint.partnerId() : null;
	}

	private String selectedKey() {
		if (tree.getSelectionCount() != 1) {
			return null;
		}
		Object data = tree.getSelection()[0].getData();
		return data instanceof EndpointConfig e ? "endpoint:" + e.endpointId()
				: data instanceof PartnerConfig p ? "partner:" + p.partnerId() : null;
	}

	private void reselect(String key) {
		if (key == null) {
			return;
		}
		for (TreeItem partner : tree.getItems()) {
			if (key.equals(selectedKeyOf(partner.getData()))) {
				tree.setSelection(partner);
				return;
			}
			for (TreeItem child : partner.getItems()) {
				if (key.equals(selectedKeyOf(child.getData()))) {
					tree.setSelection(child);
					return;
				}
			}
		}
	}

	private static String selectedKeyOf(Object data) {
		return data instanceof EndpointConfig e ? "endpoint:" + e.endpointId()
				: data instanceof PartnerConfig p ? "partner:" + p.partnerId() : null;
	}

	private void addEndpoint() {
		String partner = selectedPartner();
		if (partner == null || !canChange()) {
			return;
		}
		open(new EndpointDialog(getShell(), partners, partner, null));
	}

	private void editEndpoint() {
		EndpointConfig endpoint = selectedEndpoint();
		if (endpoint == null || !canChange()) {
			return;
		}
		open(new EndpointDialog(getShell(), partners, endpoint.partnerId(), endpoint));
	}

	private void open(EndpointDialog dialog) {
		if (dialog.open() != Window.OK) {
			return;
		}
		IntegrationRuntime runtime = selection.active().runtime();
		EndpointDialog.Saved saved = dialog.saved();
		outcome.setText("Saving endpoint " + saved.endpoint().endpointId() + "…");
		UiJobs.run(this, "Saving endpoint " + saved.endpoint().endpointId(), () -> {
			EndpointConfig done = runtime.saveEndpoint(saved.endpoint(), saved.secrets(), saved.reason());
			return () -> {
				outcome.setText("Saved endpoint " + done.endpointId() + ".");
				reload();
			};
		}, why -> outcome.setText("Not saved: " + why));
	}

	private void removeEndpoint() {
		EndpointConfig endpoint = selectedEndpoint();
		if (endpoint == null || !canChange()) {
			return;
		}
		String reason = io.syncline.ui.internal.exceptions.Prompts.reason(getShell(), "Remove endpoint " + endpoint.endpointId(),
				"Why is " + endpoint.endpointId() + " removed? What it picked up stays claimed, so nothing it took is "
						+ "taken again.");
		if (reason == null) {
			return;
		}
		IntegrationRuntime runtime = selection.active().runtime();
		UiJobs.run(this, "Removing endpoint " + endpoint.endpointId(), () -> {
			runtime.removeEndpoint(endpoint.endpointId(), reason);
			return () -> {
				outcome.setText("Removed endpoint " + endpoint.endpointId() + ".");
				reload();
			};
		}, why -> outcome.setText("Not removed: " + why));
	}

	private void testEndpoint() {
		EndpointConfig endpoint = selectedEndpoint();
		if (endpoint == null || role == null || !role.includes(Role.OPERATOR)) {
			return;
		}
		IntegrationRuntime runtime = selection.active().runtime();
		outcome.setText("Testing " + endpoint.endpointId() + "…");
		UiJobs.run(this, "Testing endpoint " + endpoint.endpointId(), () -> {
			EndpointTest outcome = runtime.testEndpoint(endpoint.endpointId());
			return () -> {
				this.outcome.setText((outcome.ok() ? "Works: " : "Fails: ") + outcome.summary()
						+ (outcome.details().isEmpty() ? "" : " — " + String.join(", ", outcome.details().subList(0,
								Math.min(5, outcome.details().size())))));
				layout(true, true);
				reload();
			};
		}, why -> this.outcome.setText("Not tested: " + why));
	}

	/** What the last add, edit, removal or test did, in words. */
	public Label outcome() {
		return outcome;
	}

	public Tree tree() {
		return tree;
	}

	public Label summary() {
		return summary;
	}

	public Button addButton() {
		return add;
	}

	public Button testButton() {
		return test;
	}
}
