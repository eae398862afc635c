package io.tollgate.web;

import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.tollgate.oauth.compose.AuthorizationServer;
import io.tollgate.oauth.device.DeviceFlow;
import io.tollgate.web.oauth.DeviceAuthorizationResource;
import io.tollgate.web.ui.DeviceResource;

/** The device flow's two endpoints: the device's POST /o/device-authorization/ and the person's /o/device/. */
public final class DeviceFlowEndpoints {
    private DeviceFlowEndpoints() {
    }

    public static void register(JerseyEnvironment jersey, AuthorizationServer oauth, DeviceFlow device) {
        jersey.register(new DeviceAuthorizationResource(oauth.clientAuthenticator(), device.authorizations(oauth),
                oauth.issuer()));
        jersey.register(new DeviceResource(device.verification(oauth), oauth.settings().scopes()));
    }
}
