package io.edgefleet.provisioning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A key pair that signs device access tokens; every replica uses the newest unretired one. */
@Entity
@Table(name = "signing_key")
public class SigningKey {

    @Id
    public String kid;

    @Column(name = "private_key", nullable = false, updatable = false)
    public String privateKey;

    @Column(name = "public_key", nullable = false, updatable = false)
    public String publicKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;
}
