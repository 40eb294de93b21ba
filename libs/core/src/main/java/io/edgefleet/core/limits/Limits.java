package io.edgefleet.core.limits;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one table of input bounds. REST bodies ({@code @Size}/{@code @Max} in request records,
 * emitted as {@code maxLength}/{@code maxItems} in the OpenAPI documents), Kafka input (the
 * event JSON Schemas and {@code CloudEventCodec}) and the outbox all take their limits from
 * here, so what is accepted at one door is accepted at every other and always fits storage
 * and Kafka.
 */
public final class Limits {

    /** Names of devices, clusters, nodes, groups, rules: a Kubernetes DNS subdomain. */
    public static final int NAME = 253;
    /** Free text given by an operator: reasons, comments, descriptions. */
    public static final int TEXT = 1_024;
    /** Short machine-ish strings: versions, host OS names, distribution names, hostnames. */
    public static final int SHORT_TEXT = 253;
    /** An external system's id for a device (ERP, asset register). */
    public static final int EXTERNAL_ID = 200;
    /** Credentials in a request: enrollment tokens, signed assertions, PEM public keys, proofs. */
    public static final int CREDENTIAL = 8_192;
    /** Devices one bulk call addresses: labels set on them, commands sent to them. */
    public static final int BULK_DEVICES = 1_000;
    /** Idempotency keys of command requests (a Kafka request's event id serves as one). */
    public static final int IDEMPOTENCY_KEY = 256;
    /** CloudEvent attributes: id, source, type, subject, organization. */
    public static final int EVENT_ATTRIBUTE = 256;
    /** A UUID in its canonical text form. */
    public static final int UUID = 36;
    /** An RFC 3339 timestamp. */
    public static final int TIMESTAMP = 64;
    /** Labels on one device or selector terms: key and value lengths as Kubernetes has them. */
    public static final int LABELS = 64;
    public static final int LABEL_KEY = 317;
    public static final int LABEL_VALUE = 63;
    /** Fields one audit entry lists as changed. */
    public static final int AUDIT_CHANGES = 64;
    /** Metric names in telemetry samples and alert rules. */
    public static final int METRIC_NAME = 200;
    /** Telemetry: samples per batch, labels per sample and label value length. */
    public static final int SAMPLES_PER_BATCH = 1_000;
    public static final int SAMPLE_LABELS = 16;
    public static final int SAMPLE_LABEL_VALUE = 128;
    /** Members of one static group (its whole state travels in one event: 10,000 ids are ~390 KB). */
    public static final int GROUP_MEMBERS = 10_000;
    /** Nodes in one report or enrollment: the edge product's cluster size limit. */
    public static final int NODES = 15;
    /** Namespaces, IPs and other lists in one report. */
    public static final int LIST_ITEMS = 256;
    /** A policy rule's CEL source (libs/policy-engine refuses a longer one whatever its configured limit). */
    public static final int POLICY_RULE = 4_096;
    /** A policy's parameter schema, defaults or an assignment's parameters, as JSON text. */
    public static final int POLICY_PARAMETERS = 16_384;
    /** Reasons one policy verdict gives (a rule listing more is cut: the first ones say enough). */
    public static final int POLICY_REASONS = 50;
    /** A signature in base64 (an agent release's artifact, checked by the agent against its trust bundle). */
    public static final int SIGNATURE = 2_048;
    /** Downloadable artifacts of one release. */
    public static final int RELEASE_ARTIFACTS = 8;
    /** Waves of one rollout (the canary and those after it). */
    public static final int ROLLOUT_WAVES = 20;
    /** Conditions of one kind (assignments, alert severities) a rollout's gates name. */
    public static final int ROLLOUT_GATES = 20;
    /** Kustomizations of one GitOps configuration (and the dependencies of one of them). */
    public static final int KUSTOMIZATIONS = 16;
    /** Kubernetes manifests (YAML or JSON text) in one apply or delete command. */
    public static final int MANIFESTS = 256 * 1_024;
    /**
     * The largest event data the platform writes or reads. Kafka's default record limit is
     * 1 MiB; half of it leaves room for headers and dead-letter copies. Any event a valid
     * request can produce is smaller: larger data is refused at the door, never published.
     */
    public static final int EVENT_DATA_BYTES = 512 * 1_024;

    /** Every bound of the table: documents and schemas may only use these numbers. */
    public static Set<Integer> values() {
        Set<Integer> values = new TreeSet<>();
        for (Field field : Limits.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                try {
                    values.add(field.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Set.copyOf(values);
    }

    private Limits() {
    }
}
