package dev.rampart.source.file;

import static dev.rampart.source.file.Manifests.lineOf;
import static dev.rampart.source.file.Manifests.read;
import static dev.rampart.source.file.Manifests.resource;
import static dev.rampart.source.file.Manifests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rampart.snapshot.ContainerType;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import dev.rampart.snapshot.Workload;
import dev.rampart.snapshot.Workloads;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every kind that runs pods decodes to its model class and normalizes to its pod template. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkloadDecodingTest {

  private static final Map<String, Class<? extends HasMetadata>> MODEL =
      Map.of(
          "Pod", Pod.class,
          "Deployment", Deployment.class,
          "ReplicaSet", ReplicaSet.class,
          "StatefulSet", StatefulSet.class,
          "DaemonSet", DaemonSet.class,
          "Job", Job.class,
          "CronJob", CronJob.class,
          "ReplicationController", ReplicationController.class);

  @Test
  void everyWorkloadKindDecodesToItsModelClass() {
    ManifestReader.Result result = resource("workloads.yaml");

    assertThat(result.problems()).isEmpty();
    assertThat(result.objects())
        .extracting(KubeObject::kind)
        .containsExactlyInAnyOrderElementsOf(Workloads.KINDS);
    assertThat(result.objects())
        .allSatisfy(o -> assertThat(o.resource()).isInstanceOf(MODEL.get(o.kind())));
  }

  @Test
  void everyWorkloadNormalizesToItsPodTemplateWithAllThreeContainerLists() {
    ManifestReader.Result result = resource("workloads.yaml");

    for (KubeObject object : result.objects()) {
      Workload workload = Workloads.of(object).orElseThrow();
      String spec =
          switch (object.kind()) {
            case "Pod" -> "spec";
            case "CronJob" -> "spec.jobTemplate.spec.template.spec";
            default -> "spec.template.spec";
          };
      assertThat(workload.specPath()).as(object.kind()).isEqualTo(spec);
      assertThat(workload.containers())
          .as(object.kind())
          .extracting(
              ContainerView::type, ContainerView::name, ContainerView::image, ContainerView::path)
          .containsExactly(
              tuple(ContainerType.CONTAINER, "app", "example/app:1", spec + ".containers[0]"),
              tuple(
                  ContainerType.INIT_CONTAINER,
                  "init",
                  "example/init:1",
                  spec + ".initContainers[0]"),
              tuple(
                  ContainerType.EPHEMERAL_CONTAINER,
                  "debug",
                  "busybox:1.36",
                  spec + ".ephemeralContainers[0]"));
      if (!object.kind().equals("Pod")) {
        assertThat(workload.podLabels()).as(object.kind()).containsEntry("app", object.name());
      }
    }
  }

  @Test
  void everyObjectRemembersFileDocumentAndLine() {
    String yaml = text("workloads.yaml");

    ManifestReader.Result result = resource("workloads.yaml");

    assertThat(result.objects())
        .extracting(KubeObject::origin)
        .containsExactly(
            new Origin("workloads.yaml", 1, lineOf(yaml, "name: pod") - 3, null),
            new Origin("workloads.yaml", 2, lineOf(yaml, "name: deployment") - 3, null),
            new Origin("workloads.yaml", 3, lineOf(yaml, "name: replicaset") - 3, null),
            new Origin("workloads.yaml", 4, lineOf(yaml, "name: statefulset") - 3, null),
            new Origin("workloads.yaml", 5, lineOf(yaml, "name: daemonset") - 3, null),
            new Origin("workloads.yaml", 6, lineOf(yaml, "name: job") - 3, null),
            new Origin("workloads.yaml", 7, lineOf(yaml, "name: replicationcontroller") - 3, null),
            new Origin("workloads.yaml", 8, lineOf(yaml, "name: cronjob") - 3, null));
  }

  @Test
  void oldApiVersionsDecodeAndKeepTheVersionWritten() {
    String yaml =
        """
        apiVersion: extensions/v1beta1
        kind: Deployment
        metadata:
          name: legacy
        spec:
          template:
            spec:
              containers:
              - name: app
                image: app:1
        ---
        apiVersion: apps/v1beta2
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          template:
            spec:
              hostPID: true
              containers:
              - name: agent
                image: agent:1
        ---
        apiVersion: batch/v1beta1
        kind: CronJob
        metadata:
          name: nightly
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                  - name: job
                    image: job:1
        """;

    ManifestReader.Result result = read("legacy.yaml", yaml);

    assertThat(result.problems()).isEmpty();
    assertThat(result.objects())
        .extracting(o -> o.resource().getClass(), o -> o.resource().getApiVersion())
        .containsExactly(
            tuple(Deployment.class, "extensions/v1beta1"),
            tuple(DaemonSet.class, "apps/v1beta2"),
            tuple(CronJob.class, "batch/v1beta1"));
    assertThat(result.objects())
        .allSatisfy(o -> assertThat(Workloads.of(o).orElseThrow().containers()).hasSize(1));
    assertThat(Workloads.of(result.objects().get(1)).orElseThrow().spec().getHostPID()).isTrue();
  }

  @Test
  void unknownKindsAndCustomResourcesAreKept() {
    String yaml =
        """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: web-tls
          namespace: shop
        spec:
          secretName: web-tls
          dnsNames: [shop.example.com]
        ---
        apiVersion: policy/v1beta1
        kind: PodSecurityPolicy
        metadata:
          name: privileged
        spec:
          privileged: true
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: wrong-group
        """;

    ManifestReader.Result result = read("crs.yaml", yaml);

    assertThat(result.problems()).isEmpty();
    assertThat(result.objects())
        .extracting(KubeObject::kind, KubeObject::name, o -> o.resource().getClass())
        .containsExactly(
            tuple("Certificate", "web-tls", GenericKubernetesResource.class),
            tuple("PodSecurityPolicy", "privileged", GenericKubernetesResource.class),
            tuple("Pod", "wrong-group", Pod.class));
    GenericKubernetesResource certificate =
        result.objects().get(0).as(GenericKubernetesResource.class);
    assertThat(certificate.getApiVersion()).isEqualTo("cert-manager.io/v1");
    assertThat(certificate.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(certificate.<List<String>>get("spec", "dnsNames"))
        .containsExactly("shop.example.com");
  }

  @Test
  void plainEmptyValuesAreNullAsKubectlReadsThem() {
    String yaml =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: empty-values
          annotations:
            quoted: ""
            single: ''
        spec:
          securityContext:
          containers:
          - name: app
            image: app:1
            securityContext:
              capabilities:
                add:
            resources:
              limits:
        """;

    ManifestReader.Result result = read("empty.yaml", yaml);

    assertThat(result.problems()).isEmpty();
    Pod pod = result.objects().get(0).as(Pod.class);
    assertThat(pod.getSpec().getSecurityContext()).isNull();
    assertThat(pod.getSpec().getContainers().get(0).getSecurityContext().getCapabilities().getAdd())
        .isNullOrEmpty();
    assertThat(pod.getMetadata().getAnnotations())
        .containsEntry("quoted", "")
        .containsEntry("single", "");
  }

  @Test
  void yaml11BooleansAndOctalNumbersReadAsKubectlReadsThem() {
    // kubectl's YAML library follows YAML 1.1: "on" is true and 0644 is octal.
    String yaml =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: yaml11
        spec:
          hostNetwork: on
          containers:
          - name: app
            image: app:1
            securityContext:
              privileged: yes
          volumes:
          - name: config
            secret:
              secretName: config
              defaultMode: 0644
        """;

    ManifestReader.Result result = read("yaml11.yaml", yaml);

    assertThat(result.problems()).isEmpty();
    Pod pod = result.objects().get(0).as(Pod.class);
    assertThat(pod.getSpec().getHostNetwork()).isTrue();
    assertThat(pod.getSpec().getContainers().get(0).getSecurityContext().getPrivileged()).isTrue();
    assertThat(pod.getSpec().getVolumes().get(0).getSecret().getDefaultMode()).isEqualTo(0644);
  }
}
