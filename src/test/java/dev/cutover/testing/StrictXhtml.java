package dev.cutover.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Parses Cutover's HTML pages with a strict XML parser: every element closed and nested, every attribute quoted,
 * no undeclared entity, no character XML forbids. A page that passes is well-formed for any HTML parser too, so
 * tests can check structure (every step has its element) rather than grep text.
 */
public final class StrictXhtml {
    private StrictXhtml() {}

    /** The parsed page; throws {@link AssertionError} naming the line and column of the first problem. */
    public static Document parse(String html) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new Strict());
            return builder.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        } catch (SAXParseException e) {
            throw new AssertionError(
                    "not well-formed at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                            + e.getMessage(),
                    e);
        } catch (Exception e) {
            throw new AssertionError("cannot parse the page: " + e, e);
        }
    }

    /** The elements named {@code tag}, in document order. */
    public static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** The elements named {@code tag} inside {@code parent}, in document order. */
    public static List<Element> elements(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** The {@code id} attributes of the elements named {@code tag} that have one, in document order. */
    public static List<String> ids(Document doc, String tag) {
        return elements(doc, tag).stream()
                .map(e -> e.getAttribute("id"))
                .filter(id -> !id.isEmpty())
                .toList();
    }

    /** The element with {@code id}, or an {@link AssertionError}. */
    public static Element byId(Document doc, String id) {
        for (Element e : elements(doc, "*")) {
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("no element with id " + id);
    }

    /** Warnings and recoverable errors fail the parse too: "mostly well-formed" is not well-formed. */
    private static final class Strict implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    }
}
