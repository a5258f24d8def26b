package io.syncline.ui.mapping.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.jface.text.source.SourceViewerConfiguration;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import io.syncline.mapping.MappingCompiler;
import io.syncline.mapping.functions.FunctionCatalog;
import io.syncline.ui.internal.connections.AccessibleNames;

/**
 * An expression typed in a {@code jface.text} viewer: Ctrl+Space offers the {@code fn:} functions with their
 * signatures, the rule's variables, the source tree's paths and the lookup tables; a syntax error or an unknown
 * function is underlined from where it starts and said below, as the analyst types. The text is handed on when
 * the field loses focus or on Enter, so one edit is one undoable change.
 */
final class ExpressionField {

	private static final Pattern COLUMN = Pattern.compile("at column (\\d+)");
	private static final Color ERROR = new Color(new RGB(0xc0, 0x1c, 0x28));

	private final Composite composite;
	private final SourceViewer viewer;
	private final Label problem;
	private final Supplier<List<String>> sourcePaths;
	private final Supplier<List<String>> lookups;
	private String committed = "";
	private Consumer<String> onCommit = text -> {
	};
	private final Runnable check = this::check;

	ExpressionField(Composite parent, String name, Supplier<List<String>> sourcePaths, Supplier<List<String>> lookups) {
		this.sourcePaths = sourcePaths;
		this.lookups = lookups;
		composite = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		layout.verticalSpacing = 1;
		composite.setLayout(layout);
		viewer = new SourceViewer(composite, null, SWT.BORDER | SWT.SINGLE);
		viewer.setDocument(new Document());
		viewer.configure(new SourceViewerConfiguration() {
			@Override
			public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
				ContentAssistant assistant = new ContentAssistant();
				assistant.setContentAssistProcessor(new Proposals(), IDocument.DEFAULT_CONTENT_TYPE);
				assistant.enableAutoActivation(true);
				assistant.setAutoActivationDelay(300);
				assistant.setProposalPopupOrientation(IContentAssistant.PROPOSAL_OVERLAY);
				assistant.setInformationControlCreator(
						shell -> new org.eclipse.jface.text.DefaultInformationControl(shell, true));
				return assistant;
			}
		});
		StyledText text = viewer.getTextWidget();
		AccessibleNames.named(text, name);
		GridData line = new GridData(SWT.FILL, SWT.CENTER, true, false);
		line.widthHint = 60;
		text.setLayoutData(line);
		text.addVerifyKeyListener(event -> {
			if (event.keyCode == ' ' && (event.stateMask & SWT.MOD1) != 0) {
				event.doit = false;
				viewer.doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
			} else if (event.keyCode == SWT.CR || event.keyCode == SWT.KEYPAD_CR) {
				event.doit = false;
				commit();
			}
		});
		text.addListener(SWT.FocusOut, event -> commit());
		viewer.getDocument().addDocumentListener(new org.eclipse.jface.text.IDocumentListener() {
			@Override
			public void documentAboutToBeChanged(org.eclipse.jface.text.DocumentEvent event) {
			}

			@Override
			public void documentChanged(org.eclipse.jface.text.DocumentEvent event) {
				text.getDisplay().timerExec(200, check);
			}
		});
		problem = new Label(composite, SWT.WRAP);
		problem.setForeground(ERROR);
		GridData below = new GridData(SWT.FILL, SWT.CENTER, true, false);
		below.widthHint = 60;
		problem.setLayoutData(below);
	}

	Composite control() {
		return composite;
	}

	StyledText text() {
		return viewer.getTextWidget();
	}

	SourceViewer viewer() {
		return viewer;
	}

	void onCommit(Consumer<String> action) {
		onCommit = action;
	}

	/** Shows a value without handing it on. */
	void show(String value) {
		committed = value == null ? "" : value;
		viewer.getDocument().set(committed);
		check();
	}

	void setEditable(boolean editable) {
		viewer.setEditable(editable);
	}

	/** The problem marked now, or null. */
	String problem() {
		String text = problem.getText();
		return text.isEmpty() ? null : text;
	}

	void commit() {
		String now = viewer.getDocument().get();
		if (!now.equals(committed)) {
			committed = now;
			onCommit.accept(now);
		}
	}

	/** Underlines a problem from its column to the end, and says it below. */
	void check() {
		StyledText text = viewer.getTextWidget();
		if (text == null || text.isDisposed()) {
			return;
		}
		String value = viewer.getDocument().get();
		String found = MappingCompiler.expressionProblem(value);
		text.setStyleRanges(new StyleRange[0]);
		String was = problem.getText();
		problem.setText(found == null ? "" : found);
		if (found != null && !value.isEmpty()) {
			Matcher column = COLUMN.matcher(found);
			int start = column.find() ? Math.max(0, Math.min(value.length() - 1, Integer.parseInt(column.group(1)) - 1))
					: 0;
			StyleRange squiggle = new StyleRange(start, value.length() - start, null, null);
			squiggle.underline = true;
			squiggle.underlineStyle = SWT.UNDERLINE_SQUIGGLE;
			squiggle.underlineColor = ERROR;
			text.setStyleRange(squiggle);
		}
		if (!was.equals(problem.getText())) {
			problem.getParent().getParent().layout(true, true); // the message below takes lines or gives them back
		}
	}

	/** The word being typed before the caret: letters, digits, {@code :}, {@code _}, {@code .}. */
	static String prefix(String text, int offset) {
		int start = offset;
		while (start > 0) {
			char c = text.charAt(start - 1);
			if (!(Character.isLetterOrDigit(c) || c == ':' || c == '_' || c == '.')) {
				break;
			}
			start--;
		}
		return text.substring(start, offset);
	}

	/** What Ctrl+Space offers where the caret is. */
	List<ICompletionProposal> proposals(String text, int offset) {
		String prefix = prefix(text, offset);
		String lower = prefix.toLowerCase(Locale.ROOT);
		int start = offset - prefix.length();
		List<ICompletionProposal> proposals = new ArrayList<>();
		String before = text.substring(0, start);
		if (before.matches("(?s).*fn:crossRef\\(\\s*'$")) {
			for (String table : lookups.get()) {
				if (table.toLowerCase(Locale.ROOT).startsWith(lower)) {
					proposals.add(new CompletionProposal(table, start, prefix.length(), table.length(), null,
							table + " — lookup table", null, null));
				}
			}
			return proposals;
		}
		for (FunctionCatalog.Function function : FunctionCatalog.all()) {
			String call = "fn:" + function.name() + "(";
			if (call.toLowerCase(Locale.ROOT).startsWith(lower) || function.name().toLowerCase(Locale.ROOT)
					.startsWith(lower)) {
				proposals.add(new CompletionProposal(call, start, prefix.length(), call.length(), null,
						function.signature(), null, function.signature()));
			}
		}
		for (String variable : List.of("value", "v1", "v2", "values", "index", "outerIndex")) {
			if (variable.startsWith(lower) && !lower.startsWith("fn")) {
				proposals.add(new CompletionProposal(variable, start, prefix.length(), variable.length(), null,
						variable + " — variable", null, null));
			}
		}
		for (String path : sourcePaths.get()) {
			String read = "record.get('" + path + "')";
			if (path.toLowerCase(Locale.ROOT).contains(lower) || read.startsWith(lower)) {
				proposals.add(new CompletionProposal(read, start, prefix.length(), read.length(), null,
						path + " — source path", null, null));
			}
		}
		return proposals;
	}

	private final class Proposals implements IContentAssistProcessor {
		@Override
		public ICompletionProposal[] computeCompletionProposals(ITextViewer textViewer, int offset) {
			try {
				String text = textViewer.getDocument().get(0, textViewer.getDocument().getLength());
				return proposals(text, offset).toArray(new ICompletionProposal[0]);
			} catch (BadLocationException e) {
				return new ICompletionProposal[0];
			}
		}

		@Override
		public IContextInformation[] computeContextInformation(ITextViewer textViewer, int offset) {
			return null;
		}

		@Override
		public char[] getCompletionProposalAutoActivationCharacters() {
			return new char[] { ':' };
		}

		@Override
		public char[] getContextInformationAutoActivationCharacters() {
			return null;
		}

		@Override
		public String getErrorMessage() {
			return null;
		}

		@Override
		public IContextInformationValidator getContextInformationValidator() {
			return null;
		}
	}
}
