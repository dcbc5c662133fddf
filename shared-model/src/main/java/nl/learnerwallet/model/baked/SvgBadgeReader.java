package nl.learnerwallet.model.baked;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.UntrustedInputException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Finds the badge in an SVG (Baking Specification 2.0: {@code <openbadges:assertion verify="URL">}
 * holding the assertion, or only its URL; OB 3.0: {@code <openbadges:credential>}). Parsed with SAX
 * (javax.xml.parsers, on Android too) with DTDs refused: any DOCTYPE fails before the parser sees
 * it, the parser is set to refuse one as well, and external entities and DTDs are switched off and
 * resolved to nothing should a parser ignore those settings. So no entity is expanded and nothing is
 * fetched.
 */
public final class SvgBadgeReader {

    private static final String NAMESPACE = "http://openbadges.org";

    private SvgBadgeReader() {
    }

    /**
     * @throws UntrustedInputException {@code DTD_NOT_ALLOWED}, {@code NOT_XML}, {@code TWO_BADGES} or {@code NO_BADGE}
     */
    public static BakedBadge read(String xml) {
        String upper = xml.toUpperCase(Locale.ROOT);
        if (upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY")) {
            throw new UntrustedInputException(InputProblem.DTD_NOT_ALLOWED, "SVG badges with a DOCTYPE are refused");
        }
        BadgeHandler handler = new BadgeHandler();
        try {
            XMLReader reader = parser().getXMLReader();
            reader.setContentHandler(handler);
            reader.setErrorHandler(handler);
            reader.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are refused");
            });
            reader.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT);
            if (message.contains("DOCTYPE") || message.contains("DTD") || message.contains("ENTITY REFERENCE")) {
                throw new UntrustedInputException(InputProblem.DTD_NOT_ALLOWED, "SVG badges with a DOCTYPE are refused", e);
            }
            throw new UntrustedInputException(InputProblem.NOT_XML, "the SVG is not well-formed XML", e);
        } catch (SAXException | IOException e) {
            if (e.getCause() instanceof UntrustedInputException) {
                throw (UntrustedInputException) e.getCause();
            }
            if (e instanceof SAXException && e.getMessage() != null && e.getMessage().contains("external entities")) {
                throw new UntrustedInputException(InputProblem.DTD_NOT_ALLOWED, "SVG badges with entities are refused", e);
            }
            throw new UntrustedInputException(InputProblem.NOT_XML, "the SVG is not well-formed XML", e);
        } catch (UntrustedInputException e) {
            throw e;
        }
        if (handler.payload == null) {
            throw new UntrustedInputException(InputProblem.NO_BADGE, "the SVG carries no badge");
        }
        return new BakedBadge(BakedBadge.Image.SVG, handler.payload);
    }

    /** Whether the bytes look like XML (an SVG), after an optional byte order mark and whitespace. */
    public static boolean looksLikeXml(String text) {
        return text.startsWith("<");
    }

    private static SAXParser parser() {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        trySet(factory, XMLConstants.FEATURE_SECURE_PROCESSING, true);
        trySet(factory, "http://apache.org/xml/features/disallow-doctype-decl", true);
        trySet(factory, "http://xml.org/sax/features/external-general-entities", false);
        trySet(factory, "http://xml.org/sax/features/external-parameter-entities", false);
        trySet(factory, "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        try {
            factory.setXIncludeAware(false);
        } catch (UnsupportedOperationException e) {
            // Android's parser has no XInclude at all.
        }
        try {
            return factory.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("no XML parser", e);
        }
    }

    private static void trySet(SAXParserFactory factory, String feature, boolean value) {
        try {
            factory.setFeature(feature, value);
        } catch (ParserConfigurationException | SAXException | UnsupportedOperationException e) {
            // Not every platform parser knows every feature (Android's expat does not); the
            // DOCTYPE pre-check and the entity resolver above hold on their own.
        }
    }

    private static final class BadgeHandler extends DefaultHandler {
        private String payload;
        private StringBuilder text;
        private String verify;
        private int badges;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if (isBadge(uri, localName, qName)) {
                badges++;
                if (badges > 1) {
                    throw new SAXException(new UntrustedInputException(InputProblem.TWO_BADGES,
                            "the SVG carries more than one badge"));
                }
                text = new StringBuilder();
                verify = attributes.getValue("verify");
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (text != null) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (text != null && isBadge(uri, localName, qName)) {
                String content = text.toString().trim();
                payload = content.isEmpty() ? (verify == null ? null : verify.trim()) : content;
                text = null;
            }
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
            throw new SAXException("external entities are refused");
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        private static boolean isBadge(String uri, String localName, String qName) {
            boolean inNamespace = NAMESPACE.equals(uri) || (qName != null && qName.startsWith("openbadges:"));
            String name = localName == null || localName.isEmpty() ? qName.substring(qName.indexOf(':') + 1) : localName;
            return inNamespace && (name.equals("assertion") || name.equals("credential"));
        }
    }

}
