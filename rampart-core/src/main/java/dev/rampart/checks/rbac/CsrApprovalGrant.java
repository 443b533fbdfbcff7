package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.rbac.Request;
import java.util.List;

@CheckInfo(
    id = "rbac-approve-csr",
    title = "Subject can approve or sign certificate signing requests",
    severity = Severity.HIGH,
    category = Category.RBAC,
    frameworks = {"cis-k8s-1.9:5.1.11", "nsa-cisa:authentication-authorization", "mitre:t1078"},
    why =
        """
        Approving a CertificateSigningRequest for the kube-apiserver-client signer issues a client \
        certificate for any user and group, system:masters included; the controller manager signs \
        it. Such a certificate cannot be revoked before it expires.""",
    remediation =
        """
        Leave approval to the controller manager's auto-approver and the bootstrap process; grant \
        certificatesigningrequests/approval and approve on signers only to a dedicated approver, \
        with resourceNames on the signers it may approve for.""")
public final class CsrApprovalGrant extends RiskyGrantCheck {

  private static final String CERTIFICATES = "certificates.k8s.io";

  @Override
  protected String permission() {
    return "approve or sign certificate signing requests";
  }

  @Override
  protected List<Request> requests() {
    return List.of(
        request("update", CERTIFICATES, "certificatesigningrequests", "approval"),
        request("patch", CERTIFICATES, "certificatesigningrequests", "approval"),
        request("update", CERTIFICATES, "certificatesigningrequests", "status"),
        request("approve", CERTIFICATES, "signers"),
        request("sign", CERTIFICATES, "signers"));
  }
}
