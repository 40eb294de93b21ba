package io.edgefleet.provisioning.domain;

import io.edgefleet.events.commands.CommandType;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores command types by their wire names, the same names the API and events use. */
@Converter
public class CommandTypeConverter implements AttributeConverter<CommandType, String> {

    @Override
    public String convertToDatabaseColumn(CommandType type) {
        return type == null ? null : type.wireName();
    }

    @Override
    public CommandType convertToEntityAttribute(String name) {
        return name == null ? null : CommandType.fromWireName(name).orElseThrow();
    }
}
