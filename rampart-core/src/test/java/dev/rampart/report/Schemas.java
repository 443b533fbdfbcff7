package dev.rampart.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/** The official schemas of SARIF 2.1.0 and of JUnit XML, loaded from test resources only. */
final class Schemas {

  /** The schema's own {@code $id}, mapped to the copy under {@code report/}. */
  private static final String SARIF_ID =
      "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";

  private static final JsonSchema SARIF = sarif();

  private Schemas() {}

  private static JsonSchema sarif() {
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder ->
                builder
                    .schemaMappers(
                        m -> m.mapPrefix(SARIF_ID, "classpath:report/sarif-schema-2.1.0.json"))
                    // Everything comes from the class path (the schema and the 2020-12 meta-schemas
                    // bundled in the validator); anything else would be a network fetch: refuse it.
                    .schemaLoaders(
                        l ->
                            l.add(
                                new AllowSchemaLoader(
                                    iri -> iri.toString().startsWith("classpath:")))));
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    return factory.getSchema(SchemaLocation.of(SARIF_ID), config);
  }

  /** The SARIF schema's complaints about a document; empty when it is valid. */
  static List<String> sarifErrors(String json) throws IOException {
    Set<ValidationMessage> messages = SARIF.validate(new ObjectMapper().readTree(json));
    return messages.stream().map(ValidationMessage::toString).sorted().collect(Collectors.toList());
  }

  /** Validates against the Ant JUnit schema; throws with the line and the reason when invalid. */
  static void validateJunit(String xml) throws IOException, SAXException {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    URL xsd = Schemas.class.getResource("/report/junit.xsd");
    Schema schema = factory.newSchema(xsd);
    Validator validator = schema.newValidator();
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    validator.validate(new StreamSource(new StringReader(xml)));
  }
}
