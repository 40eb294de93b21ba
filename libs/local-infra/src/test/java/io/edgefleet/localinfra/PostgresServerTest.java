package io.edgefleet.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void createsEachDatabaseOnceAndServesIt() throws Exception {
        try (PostgresServer server = PostgresServer.startEphemeral()) {
            server.ensureDatabases(List.of("inventory", "policy"));
            server.ensureDatabases(List.of("inventory"));

            try (Connection c = DriverManager.getConnection(server.jdbcUrl("inventory"), PostgresServer.USER, "");
                 ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
                rs.next();
                assertEquals("inventory", rs.getString(1));
            }
        }
    }
}
