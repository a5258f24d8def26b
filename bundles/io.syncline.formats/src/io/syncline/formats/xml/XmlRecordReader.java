package io.syncline.formats.xml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.syncline.formats.FormatException;
import io.syncline.formats.Node;
import io.syncline.formats.Problem;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceLocation;
import io.syncline.formats.SourceOptions;

/**
 * XML through StAX, namespace-aware, streaming: elements at the record path ({@code /InventorySnapshot/Position})
 * are the records; attributes become {@code @name} children. The attributes of the record's ancestors form its
 * context ({@code ../@site}). A DOCTYPE is refused outright, so neither external entities nor entity expansion
 * (billion laughs) can happen.
 */
public final class XmlRecordReader implements RecordReader {

	private final String source;
	private final XMLStreamReader xml;
	private final String[] steps;
	private final List<String> open = new ArrayList<>();
	private Node context;

	public XmlRecordReader(InputStream in, String source, SourceOptions options, ProblemSink problems)
			throws IOException {
		this.source = source;
		String path = options.recordPath();
		if (path == null || path.isBlank()) {
			throw new IllegalArgumentException("XML needs a record path such as /InventorySnapshot/Position");
		}
		steps = (path.startsWith("/") ? path.substring(1) : path).split("/");
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
		setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
		try {
			xml = factory.createXMLStreamReader(in, options.charset().name());
		} catch (XMLStreamException e) {
			throw new IOException(source + ": " + e.getMessage(), e);
		}
		context = Node.branch("$", SourceLocation.ofFile(source));
	}

	private static void setIfSupported(XMLInputFactory factory, String property, Object value) {
		if (factory.isPropertySupported(property)) {
			factory.setProperty(property, value);
		}
	}

	@Override
	public Node next() throws IOException, FormatException {
		try {
			while (xml.hasNext()) {
				int event = xml.next();
				switch (event) {
				case XMLStreamConstants.DTD -> throw new FormatException(Problem.fatal("XML_DOCTYPE", here(),
						"a DOCTYPE is not accepted (it could pull in external entities or expand without bound)"));
				case XMLStreamConstants.START_ELEMENT -> {
					String name = xml.getLocalName();
					if (open.size() == steps.length - 1 && matches(name, open.size())) {
						Node record = readElement();
						record.setContext(context);
						return record;
					}
					open.add(name);
					if (matchesSoFar()) {
						addAttributes(context, here());
					}
				}
				case XMLStreamConstants.END_ELEMENT -> open.remove(open.size() - 1);
				default -> {
					// text and comments between records carry nothing
				}
				}
			}
			return null;
		} catch (XMLStreamException e) {
			throw new FormatException(Problem.fatal("XML_UNREADABLE", here(), e.getMessage()), e);
		}
	}

	private boolean matches(String name, int depth) {
		return "*".equals(steps[depth]) || steps[depth].equals(name);
	}

	private boolean matchesSoFar() {
		for (int i = 0; i < open.size(); i++) {
			if (i >= steps.length || !matches(open.get(i), i)) {
				return false;
			}
		}
		return true;
	}

	/** Reads the element the reader is on, with everything inside it. */
	private Node readElement() throws XMLStreamException {
		SourceLocation at = here().withPath("/" + String.join("/", open) + "/" + xml.getLocalName());
		Node node = Node.branch(xml.getLocalName(), at);
		addAttributes(node, at);
		StringBuilder text = new StringBuilder();
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				node.add(readElement());
			} else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
				text.append(xml.getText());
			} else if (event == XMLStreamConstants.END_ELEMENT) {
				break;
			}
		}
		String value = text.toString().trim();
		if (!value.isEmpty()) {
			node.setValue(value);
		}
		return node;
	}

	private void addAttributes(Node node, SourceLocation at) {
		for (int i = 0; i < xml.getAttributeCount(); i++) {
			String name = "@" + xml.getAttributeLocalName(i);
			node.addLeaf(name, xml.getAttributeValue(i), at.withField(name));
		}
	}

	private SourceLocation here() {
		return SourceLocation.ofLine(source, xml.getLocation() == null ? 0 : xml.getLocation().getLineNumber());
	}

	@Override
	public void close() throws IOException {
		try {
			xml.close();
		} catch (XMLStreamException e) {
			throw new IOException(e);
		}
	}
}
