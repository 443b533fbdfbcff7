package dev.rampart.report;

import static dev.rampart.report.ReportFixtures.context;
import static dev.rampart.report.ReportFixtures.render;
import static dev.rampart.report.ReportFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

class JunitReportWriterTest {

  private final String xml = render(ReportFormat.JUNIT, scan(), context());

  @Test
  void matchesGolden() throws Exception {
    Golden.assertMatches("expected-junit.xml", xml);
  }

  @Test
  void isValidAgainstTheJunitSchema() throws Exception {
    Schemas.validateJunit(xml);
  }

  @Test
  void schemaCatchesAnInvalidDocument() {
    // Guards the guard: the schema requires system-out in every suite.
    String broken = xml.replace("<system-out></system-out>", "");
    assertThatThrownBy(() -> Schemas.validateJunit(broken)).isInstanceOf(SAXException.class);
  }

  @Test
  void oneSuitePerCheckAndOneForInputs() throws Exception {
    Document doc = parse(xml);
    NodeList suites = doc.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(7);
    Element privileged = suite(doc, "privileged-container");
    assertThat(privileged.getAttribute("failures")).isEqualTo("1");
    Element failure = (Element) privileged.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("critical");
    assertThat(failure.getAttribute("message")).isEqualTo("container app runs privileged");
    assertThat(failure.getTextContent())
        .contains("Evidence: spec.template.spec.containers[0].securityContext.privileged = true")
        .contains("Remediation: Remove securityContext.privileged")
        .contains("Fix: kubectl patch deployment api -n payments");
    assertThat(((Element) failure.getParentNode()).getAttribute("name"))
        .isEqualTo("Deployment/payments/api:app");
  }

  @Test
  void aCheckWithoutFindingsIsAGreenTestCase() throws Exception {
    Element hostNetwork = suite(parse(xml), "host-network");
    assertThat(hostNetwork.getAttribute("tests")).isEqualTo("1");
    assertThat(hostNetwork.getAttribute("failures")).isEqualTo("0");
    Element testcase = (Element) hostNetwork.getElementsByTagName("testcase").item(0);
    assertThat(testcase.getAttribute("name")).isEqualTo("no findings");
    assertThat(testcase.getChildNodes().getLength()).isZero();
  }

  @Test
  void aCheckNotEvaluatedIsSkippedNeverGreen() throws Exception {
    Element kubelet = suite(parse(xml), "kubelet-anonymous-auth");
    assertThat(kubelet.getAttribute("skipped")).isEqualTo("1");
    assertThat(kubelet.getAttribute("tests")).isEqualTo("1");
    Element skipped = (Element) kubelet.getElementsByTagName("skipped").item(0);
    assertThat(skipped.getAttribute("message")).isEqualTo(ReportFixtures.NOT_EVALUATED);
  }

  @Test
  void anAcceptedRiskIsSkipped() throws Exception {
    Element runAsRoot = suite(parse(xml), "run-as-root");
    assertThat(runAsRoot.getAttribute("tests")).isEqualTo("2");
    assertThat(runAsRoot.getAttribute("failures")).isEqualTo("1");
    assertThat(runAsRoot.getAttribute("skipped")).isEqualTo("1");
    Element skipped = (Element) runAsRoot.getElementsByTagName("skipped").item(0);
    assertThat(skipped.getAttribute("message"))
        .isEqualTo(
            "accepted risk: vendor image needs root; ticket SEC-142 (rampart.yaml:14, expires"
                + " 2026-06-30)");
  }

  @Test
  void inputErrorsAreErrorsOfTheInputSuite() throws Exception {
    Element input = suite(parse(xml), "input");
    assertThat(input.getAttribute("errors")).isEqualTo("1");
    Element error = (Element) input.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message"))
        .isEqualTo("mapping values are not allowed here (line 7)");
    assertThat(((Element) error.getParentNode()).getAttribute("name"))
        .isEqualTo("k8s/broken.yaml:7 (document 2)");
  }

  @Test
  void charactersXmlCannotCarryAreReplacedNotWrittenRaw() throws Exception {
    String hostile = "evil\u0000\u001b[2J\uFFFF\uD800name";
    String out =
        render(
            ReportFormat.JUNIT,
            scan(List.of(ReportFixtures.hostile(hostile, "<b>" + hostile + "</b> & \"'"))),
            context());
    Schemas.validateJunit(out);
    assertThat(parse(out).getElementsByTagName("failure").item(0).getTextContent())
        .contains("<b>evil\uFFFD\uFFFD[2J\uFFFD\uFFFDname</b> & \"'");
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static Element suite(Document doc, String name) {
    NodeList suites = doc.getElementsByTagName("testsuite");
    for (int i = 0; i < suites.getLength(); i++) {
      Element suite = (Element) suites.item(i);
      if (suite.getAttribute("name").equals(name)) {
        return suite;
      }
    }
    throw new AssertionError("no testsuite " + name);
  }
}
