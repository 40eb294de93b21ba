package io.edgefleet.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An edge machine in one organization's fleet. */
@Entity
@Table(name = "device")
public class Device {

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> labels = new HashMap<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    protected Device() {
    }

    public static Device register(String orgId, String name, Map<String, String> labels, OffsetDateTime now) {
        Device device = new Device();
        device.id = UUID.randomUUID();
        device.orgId = orgId;
        device.name = name;
        device.labels = new HashMap<>(labels);
        device.createdAt = now;
        device.updatedAt = now;
        return device;
    }
}
