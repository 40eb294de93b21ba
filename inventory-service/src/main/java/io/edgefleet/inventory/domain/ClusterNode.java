package io.edgefleet.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A Kubernetes node as the agent of the machine hosting it last reported it. */
@Entity
@Table(name = "cluster_node")
public class ClusterNode {

    @Id
    public UUID id;

    @Column(name = "cluster_id", nullable = false)
    public UUID clusterId;

    @Column(name = "device_id", nullable = false)
    public UUID deviceId;

    @Column(nullable = false)
    public String name;

    public String role;

    /** {@code linux} or {@code windows}. */
    public String os;

    @Column(name = "os_image")
    public String osImage;

    @Column(name = "kubelet_version")
    public String kubeletVersion;

    @Column(name = "container_runtime")
    public String containerRuntime;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> capacity;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> allocatable;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> conditions;

    @Column(name = "reported_at", nullable = false)
    public OffsetDateTime reportedAt;
}
