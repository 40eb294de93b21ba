package io.edgefleet.update.release;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a release kind by its wire name. */
@Converter
public class ReleaseKindConverter implements AttributeConverter<ReleaseKind, String> {

    @Override
    public String convertToDatabaseColumn(ReleaseKind kind) {
        return kind == null ? null : kind.wireName();
    }

    @Override
    public ReleaseKind convertToEntityAttribute(String name) {
        return name == null ? null : ReleaseKind.fromWireName(name).orElseThrow(() ->
                new IllegalStateException("unknown stored release kind " + name));
    }
}
