package io.plinth.studio.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.studio.apps.RefusedException;
import io.plinth.studio.web.Listing;
import io.plinth.web.api.ApiAnswer.FieldProblem;
import io.plinth.web.api.FakeService.Answer;
import io.plinth.web.api.FakeService;
import io.plinth.web.api.ServiceUnavailableException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityAdminTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void usersAreSearchedInPages() throws Exception {
        try (FakeService identity = new FakeService(request -> Answer.json(200, """
                {"items":[{"id":"1","login":"alice","displayName":"Alice","email":"a@x.io","status":"disabled",
                  "version":3}],"offset":20,"limit":20,"total":21}"""))) {
            Listing<UserInfo> page = admin(identity).users("tok", " ali ", 20, 20);

            assertThat(identity.received.get(0).pathAndQuery()).isEqualTo("/api/users?offset=20&limit=20&q=ali");
            assertThat(page.items()).containsExactly(new UserInfo("alice", "Alice", "a@x.io", "disabled"));
            assertThat(page.items().get(0).isDisabled()).isTrue();
            assertThat(page.hasPrevious()).isTrue();
            assertThat(page.hasNext()).isFalse();
        }
    }

    @Test
    void aNewUserGetsTheirFirstPasswordOnlyWhenOneIsGiven() throws Exception {
        try (FakeService identity = new FakeService(request -> request.method().equals("POST")
                ? Answer.json(201, "{\"login\":\"bob\"}") : new Answer(204, "application/json", ""))) {
            admin(identity).createUser("tok", "bob", "Bob", "bob@x.io", "correct horse battery");
            admin(identity).createUser("tok", "carol", "Carol", "carol@x.io", "");

            assertThat(identity.received).extracting(r -> r.method() + " " + r.pathAndQuery())
                    .containsExactly("POST /api/users", "PUT /api/users/bob/password", "POST /api/users");
            assertThat(identity.received.get(0).body())
                    .isEqualTo("{\"login\":\"bob\",\"displayName\":\"Bob\",\"email\":\"bob@x.io\"}");
            assertThat(identity.received.get(1).body()).isEqualTo("{\"password\":\"correct horse battery\"}");
        }
    }

    @Test
    void rolesAreGivenTakenAndSavedWithTheirPatterns() throws Exception {
        try (FakeService identity = new FakeService(request -> new Answer(204, "application/json", ""))) {
            admin(identity).assignRole("tok", "app-builder", "bob", true);
            admin(identity).assignRole("tok", "app-builder", "bob", false);
            admin(identity).addToGroup("tok", "sales", "bob", true);
            admin(identity).changeStatus("tok", "bob", "disable");
            identity.answer(request -> Answer.json(201, "{\"key\":\"auditor\"}"));
            admin(identity).saveRole("tok", new RoleInfo("auditor", "Auditor", "", false,
                    IdentityAdmin.lines("identity:audit:read\n\n  catalogs:*:read \nidentity:audit:read")), true);

            assertThat(identity.received).extracting(r -> r.method() + " " + r.pathAndQuery()).containsExactly(
                    "PUT /api/roles/app-builder/users/bob", "DELETE /api/roles/app-builder/users/bob",
                    "PUT /api/groups/sales/members/bob", "POST /api/users/bob/disable", "POST /api/roles");
            assertThat(identity.received.get(4).body()).isEqualTo(
                    "{\"name\":\"Auditor\",\"permissions\":[\"identity:audit:read\",\"catalogs:*:read\"],\"key\":\"auditor\"}");
        }
    }

    @Test
    void accessAndANewTokensSecretAreRead() throws Exception {
        try (FakeService identity = new FakeService(request -> Answer.json(200, """
                {"userId":"1","login":"bob","groups":["sales","all"],"roles":["app-builder"],"permissions":["view-service:apps:*"]}"""))) {
            UserAccess access = admin(identity).access("tok", "bob");
            assertThat(access.groups()).containsExactly("sales", "all");
            assertThat(access.roles()).containsExactly("app-builder");
            assertThat(access.permissionsText()).isEqualTo("view-service:apps:*");

            identity.answer(request -> Answer.json(201, "{\"id\":\"9\",\"name\":\"ci\",\"prefix\":\"plt_ab\",\"token\":\"plt_secret\"}"));
            assertThat(admin(identity).createToken("tok", "ci", 30)).isEqualTo("plt_secret");
            assertThat(identity.received.get(1).body()).isEqualTo("{\"name\":\"ci\",\"expiresInDays\":30}");

            identity.answer(request -> Answer.json(201, "{\"id\":\"9\",\"name\":\"ci\"}"));
            assertThatThrownBy(() -> admin(identity).createToken("tok", "ci", 30))
                    .isInstanceOf(ServiceUnavailableException.class);
        }
    }

    @Test
    void fieldProblemsComeBackWithTheRefusal() throws Exception {
        try (FakeService identity = new FakeService(request -> new Answer(400, "application/problem+json", """
                {"status":400,"code":"validation-failed","detail":"1 field is not valid",
                 "errors":[{"field":"permissions[1]","message":"is not a permission pattern"}]}"""))) {
            assertThatThrownBy(() -> admin(identity).saveRole("tok",
                    new RoleInfo("x", "X", null, false, List.of("a:b:c", "bad pattern")), false))
                    .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.errors())
                            .containsExactly(new FieldProblem("permissions[1]", "is not a permission pattern")));
            assertThat(identity.received.get(0).method() + " " + identity.received.get(0).pathAndQuery())
                    .isEqualTo("PUT /api/roles/x");
        }
    }

    @Test
    void messagesBecomeSentences() {
        assertThat(AdminMessages.capitalized("must be a well-formed email address"))
                .isEqualTo("Must be a well-formed email address.");
    }

    private static IdentityAdmin admin(FakeService identity) {
        IdentityAdmin admin = new IdentityAdmin();
        admin.api = identity.api(TIMEOUT);
        return admin;
    }
}
