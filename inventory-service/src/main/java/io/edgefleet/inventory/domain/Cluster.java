package io.edgefleet.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A Kubernetes cluster spanning one or more machines: one distribution, one CNI, up to maxNodes nodes. */
@Entity
@Table(name = "cluster")
public class Cluster {

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(nullable = false)
    public String name;

    /** {@code k8s} or {@code k3s}. */
    @Column(nullable = false)
    public String distribution;

    @Column(name = "kubernetes_version")
    public String kubernetesVersion;

    /** {@code calico} (k8s) or {@code flannel} (k3s). */
    @Column(nullable = false)
    public String cni;

    /** {@code kubevip} or {@code byo} (bring your own). */
    @Column(name = "load_balancer", nullable = false)
    public String loadBalancer;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "storage_drivers", nullable = false)
    public List<String> storageDrivers = new ArrayList<>();

    @Column(name = "max_nodes", nullable = false)
    public int maxNodes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> labels = new HashMap<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
