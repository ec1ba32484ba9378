package io.plinth.identity.keys;

import io.plinth.kernel.config.Settings;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The two public documents every service and integration needs to trust platform tokens: the
 * JSON Web Key Set ({@code /.well-known/jwks.json}) and an OpenID-style discovery document
 * ({@code /.well-known/openid-configuration}) naming the issuer and the endpoints.
 */
@WebServlet(urlPatterns = {WellKnownServlet.JWKS, WellKnownServlet.DISCOVERY})
public class WellKnownServlet extends HttpServlet {

    static final String JWKS = "/.well-known/jwks.json";
    static final String DISCOVERY = "/.well-known/openid-configuration";
    private static final long serialVersionUID = 1L;

    @Inject
    transient SigningKeys keys;

    @Inject
    transient Settings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = JWKS.equals(request.getServletPath()) ? keys.published().toString(true) : discovery();
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        // Short: a rotated key must reach verifiers quickly (they also refetch on an unknown key id).
        response.setHeader("Cache-Control", "public, max-age=60");
        response.getWriter().write(body);
    }

    private String discovery() {
        String issuer = settings.text("plinth.auth.issuer");
        return Json.createObjectBuilder()
                .add("issuer", issuer)
                .add("jwks_uri", issuer + JWKS)
                .add("token_endpoint", issuer + "/api/auth/login")
                .add("userinfo_endpoint", issuer + "/api/me")
                .add("revocation_endpoint", issuer + "/api/auth/logout")
                .add("grant_types_supported", Json.createArrayBuilder()
                        .add("password").add("refresh_token").add("urn:plinth:api-token"))
                .add("subject_types_supported", Json.createArrayBuilder().add("public"))
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("none"))
                .add("claims_supported", Json.createArrayBuilder().add("sub").add("upn").add("name")
                        .add("groups").add("roles").add("perms").add("tid").add("sid"))
                .build().toString();
    }
}
