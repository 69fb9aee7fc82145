package dev.crest.report.chart;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Turns VectorGraphics2D's SVG document into a deterministic, compact element fit for inlining. */
final class SvgCleaner {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** Decimals beyond the second are invisible at screen resolution and triple the size of text outlines. */
    private static final Pattern LONG_DECIMAL = Pattern.compile("-?\\d+\\.\\d{3,}");

    private SvgCleaner() {
    }

    static String clean(String svgDocument, String idPrefix, String title) {
        // The prolog holds a DOCTYPE pointing at the W3C DTD; dropping it lets the parser forbid DOCTYPEs
        // outright, so nothing is ever fetched and no entity is ever expanded.
        int start = svgDocument.indexOf("<svg");
        if (start < 0) {
            throw new IllegalStateException("XChart produced no <svg> element");
        }
        Document document = parse(svgDocument.substring(start));
        Element root = document.getDocumentElement();
        renameIds(root, idPrefix);
        roundNumbers(root);
        Element titleElement = document.createElementNS(SVG_NS, "title");
        titleElement.setTextContent(title);
        root.insertBefore(titleElement, root.getFirstChild());
        root.setAttribute("role", "img");
        return serialize(document);
    }

    private static Document parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(new InputSource(new StringReader(svg)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("XChart produced SVG that does not parse: " + e.getMessage(), e);
        }
    }

    /** VectorGraphics2D names clip paths after identity hash codes: random per run and able to collide across charts. */
    private static void renameIds(Element root, String idPrefix) {
        Map<String, String> renamed = new HashMap<>();
        forEachElement(root, element -> {
            if (element.hasAttribute("id")) {
                String fresh = idPrefix + "-" + (renamed.size() + 1);
                renamed.put(element.getAttribute("id"), fresh);
                element.setAttribute("id", fresh);
            }
        });
        if (renamed.isEmpty()) {
            return;
        }
        forEachElement(root, element -> {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if (attribute.getName().equals("id")) {
                    continue;
                }
                String value = attribute.getValue();
                for (Map.Entry<String, String> entry : renamed.entrySet()) {
                    value = value.replace("url(#" + entry.getKey() + ")", "url(#" + entry.getValue() + ")");
                    if (value.equals("#" + entry.getKey())) {
                        value = "#" + entry.getValue();
                    }
                }
                attribute.setValue(value);
            }
        });
    }

    private static void roundNumbers(Element root) {
        forEachElement(root, element -> {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if (!attribute.getName().equals("id")) {
                    attribute.setValue(round(attribute.getValue()));
                }
            }
        });
    }

    private static String round(String value) {
        Matcher matcher = LONG_DECIMAL.matcher(value);
        if (!matcher.find()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        do {
            BigDecimal rounded = new BigDecimal(matcher.group()).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
            String text = rounded.signum() == 0 ? "0" : rounded.toPlainString();
            matcher.appendReplacement(out, Matcher.quoteReplacement(text));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }

    private static void forEachElement(Element element, Consumer<Element> action) {
        action.accept(element);
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element childElement) {
                forEachElement(childElement, action);
            }
        }
    }

    private static String serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("could not serialize SVG: " + e.getMessage(), e);
        }
    }
}
