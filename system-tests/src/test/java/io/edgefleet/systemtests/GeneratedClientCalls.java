package io.edgefleet.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.client.inventory.api.DevicesApi;
import io.edgefleet.client.inventory.model.DeviceView;
import io.edgefleet.client.provisioning.api.CommandsApi;
import io.edgefleet.client.provisioning.model.CollectDiagnosticsPayload;
import io.edgefleet.client.provisioning.model.CommandView;
import io.edgefleet.client.provisioning.model.NewCollectDiagnosticsCommand;
import io.edgefleet.client.provisioning.model.NewCommand;
import io.edgefleet.client.telemetry.api.AlertRulesApi;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * What an integrator's generated Java client (api-client, from the committed OpenAPI documents)
 * does against the running stack: lists and gets on each service, and a typed command. Calls take
 * one request object each (useSingleRequestParameter), so a new optional parameter breaks no caller.
 */
final class GeneratedClientCalls {

    private GeneratedClientCalls() {
    }

    static void listAndGetOnEveryService(DevStack stack, int devices) throws Exception {
        DevicesApi inventory = new DevicesApi(inventoryClient(stack));
        List<DeviceView> simulated = inventory.listDevices(DevicesApi.APIListDevicesRequest.newBuilder()
                .labelSelector("simulated=true").limit(50).sort("name").build()).getItems();
        assertEquals(devices, simulated.size());
        List<String> names = simulated.stream().map(DeviceView::getName).toList();
        assertEquals(names.stream().sorted().toList(), names, "sort=name");
        DeviceView first = inventory.getDevice(UUID.fromString(simulated.get(0).getId()));
        assertEquals(simulated.get(0).getName(), first.getName());

        CommandsApi commands = new CommandsApi(provisioningClient(stack));
        UUID device = UUID.fromString(first.getIdentityId());
        NewCommand diagnostics = new NewCommand(new NewCollectDiagnosticsCommand()
                .type(NewCollectDiagnosticsCommand.TypeEnum.COLLECT_DIAGNOSTICS)
                .payload(new CollectDiagnosticsPayload().sinceMinutes(15)));
        CommandView requested = commands.requestCommand(CommandsApi.APIRequestCommandRequest.newBuilder().deviceId(device)
                .newCommand(diagnostics).idempotencyKey("generated-client-" + UUID.randomUUID()).build());
        Awaitility.await("command by the generated client").atMost(Duration.ofSeconds(60))
                .until(() -> "succeeded".equals(commands.getCommand(UUID.fromString(requested.getId())).getStatus()));
        List<CommandView> newestFirst = commands.listDeviceCommands(CommandsApi.APIListDeviceCommandsRequest.newBuilder()
                .deviceId(device).limit(10).build()).getItems();
        assertEquals(requested.getId(), newestFirst.get(0).getId(), "a device's commands, newest first");

        var rules = new AlertRulesApi(telemetryClient(stack)).listAlertRules(AlertRulesApi.APIListAlertRulesRequest.newBuilder()
                .limit(10).sort("-createdAt").build());
        assertNotNull(rules.getItems());
        assertTrue(rules.getItems().size() <= 10);
    }

    private static io.edgefleet.client.inventory.ApiClient inventoryClient(DevStack stack) throws IOException {
        String token = stack.adminToken();
        var client = new io.edgefleet.client.inventory.ApiClient();
        client.updateBaseUri(stack.serviceUrl(1));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static io.edgefleet.client.provisioning.ApiClient provisioningClient(DevStack stack) throws IOException {
        String token = stack.adminToken();
        var client = new io.edgefleet.client.provisioning.ApiClient();
        client.updateBaseUri(stack.serviceUrl(2));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static io.edgefleet.client.telemetry.ApiClient telemetryClient(DevStack stack) throws IOException {
        String token = stack.adminToken();
        var client = new io.edgefleet.client.telemetry.ApiClient();
        client.updateBaseUri(stack.serviceUrl(5));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
