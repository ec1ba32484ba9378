package io.plinth.systemtests.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The steps of a person's journey through web-studio and web-workplace, each checked on the page
 * the way that person sees it. The URLs and the account are the caller's, so the same steps run
 * against any running platform.
 */
public final class WebJourney {

    /** Each web part's session cookie has a name of its own, so that both can be signed in at once. */
    public static final String STUDIO_SESSION = "PLINTH_STUDIO_SESSION";
    public static final String WORKPLACE_SESSION = "PLINTH_WORKPLACE_SESSION";

    private final Browser browser;
    private final String studio;
    private final String workplace;
    private final String login;
    private final String password;
    /** The address of the records list the journey opened, if it did: the outage opens it again. */
    private String recordList;

    public WebJourney(Browser browser, String studioUrl, String workplaceUrl, String login, String password) {
        this.browser = browser;
        this.studio = studioUrl;
        this.workplace = workplaceUrl;
        this.login = login;
        this.password = password;
    }

    /** An anonymous visitor lands on the sign-in page; a wrong password or an empty form is explained. */
    public void studioSignInRefusesAWrongPassword() throws IOException {
        browser.open(studio + "/");
        browser.waitForUrl("/signin.xhtml");
        browser.find(By.id("signin:login"));
        browser.screenshot("01-studio-sign-in");

        browser.click(By.id("signin:submit"));
        assertThat(browser.waitForText(By.id("signin"), "Enter your login.")).contains("Enter your password.");

        signIn(login, password + "-wrong");
        assertThat(browser.waitForText(By.id("signin:messages"), "The login or the password is wrong."))
                .doesNotContain("Exception", "401");
        assertThat(browser.url()).contains("/signin.xhtml");
        assertThat(browser.find(By.id("signin:password")).getAttribute("value")).as("the password is not sent back")
                .isEmpty();
        browser.screenshot("02-studio-sign-in-refused");
    }

    /** The administrator signs in and gets the Apps page, their name in the top bar, and a safe session cookie. */
    public void studioSignIn() throws IOException {
        browser.open(studio + "/");
        signIn(login, password);
        browser.find(By.id("create:key"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Apps");
        assertThat(browser.find(By.id("session:user")).getText()).isNotBlank();
        assertThat(browser.find(By.id("session:signout")).getText()).isEqualTo("Sign out");

        assertSafeSessionCookie(STUDIO_SESSION);
        assertThat(browser.source()).as("no token in the page").doesNotContain("eyJ");
        browser.screenshot("03-studio-apps");
    }

    /** A new app appears in the list; an invalid or taken key is explained next to the key field. */
    public void studioCreatesAnApp(String key, String name) throws IOException {
        createApp(key, name);
        assertThat(browser.waitForText(By.id("messages"), "App " + key + " created.")).isNotEmpty();
        String list = browser.waitForText(By.id("list:table"), key);
        assertThat(list).contains(name).contains("Draft");
        assertThat(browser.find(By.id("list:search")).getAttribute("value")).isEqualTo(key);
        browser.screenshot("04-studio-app-created");

        createApp("Not A Key!", name);
        assertThat(browser.waitForText(By.id("create:keyMessage"), "lower-case letters")).contains("starting with a letter");
        browser.screenshot("05-studio-invalid-key");

        createApp(key, name);
        assertThat(browser.waitForText(By.id("create:keyMessage"), "already exists")).contains(key);
    }

    /** Searching narrows the list; a draft app can be deleted after a confirmation. */
    public void studioDeletesADraftApp(String key) throws IOException {
        createApp(key, "To be deleted");
        browser.waitForText(By.id("list:table"), key);
        browser.click(By.id("list:table:0:delete"));
        browser.find(By.id("list:confirmYes"));
        browser.screenshot("06-studio-delete-confirm");
        browser.click(By.id("list:confirmYes"));
        browser.waitForText(By.id("messages"), "App " + key + " deleted.");
        assertThat(browser.waitForText(By.id("list:table"), "No apps match.")).doesNotContain(key);
    }

    /** The Maintenance section stays one click away. */
    public void studioMaintenanceIsInTheMenu() throws IOException {
        browser.click(By.id("nav-health"));
        browser.waitForUrl("/maintenance/health.xhtml");
        assertThat(browser.waitForText(By.id("health:services"), "view-service")).contains("identity");
        browser.screenshot("07-studio-service-health");
        browser.click(By.id("nav-apps"));
        browser.find(By.id("create:key"));
    }

    /**
     * A form post that does not carry a view state this session rendered does nothing: with a
     * made-up one it ends on the "page has expired" page, without one the page is only shown again.
     */
    public void studioRefusesForgedPosts(String key) throws Exception {
        Map<String, String> form = Map.of("create_SUBMIT", "1", "create:key", key, "create:name", "Forged",
                "create:submit", "");
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String madeUpState = Base64.getEncoder().encodeToString(random);
        HttpResponse<String> madeUp = post(studio + "/apps.xhtml", form, "jakarta.faces.ViewState", madeUpState);
        assertThat(madeUp.statusCode()).isEqualTo(400);
        assertThat(madeUp.body()).contains("This page has expired").doesNotContain("Exception");
        HttpResponse<String> without = post(studio + "/apps.xhtml", form, null, null);
        assertThat(without.statusCode()).isEqualTo(200);
        assertThat(without.body()).doesNotContain("App " + key + " created.");

        browser.open(studio + "/apps.xhtml?q=" + key);
        assertThat(browser.waitForText(By.id("list:table"), "No apps match.")).doesNotContain(key);
    }

    /** Signing out ends the session: the studio's pages ask to sign in again. */
    public void studioSignOut() throws IOException {
        browser.click(By.id("session:signout"));
        browser.waitForUrl("/signin.xhtml");
        browser.waitForText(By.id("signin:messages"), "You have signed out.");
        browser.screenshot("08-studio-signed-out");

        browser.open(studio + "/apps.xhtml");
        browser.waitForUrl("/signin.xhtml");
        assertThat(browser.url()).contains("next=%2Fapps.xhtml");
    }

    /**
     * A session the server no longer knows (timed out) leads to the sign-in page with a message,
     * and signing in again returns to the page that was asked for.
     */
    public void studioExpiredSessionAsksToSignInAgain() throws IOException {
        browser.open(studio + "/");
        signIn(login, password);
        browser.find(By.id("create:key"));
        Cookie session = browser.cookie(STUDIO_SESSION);
        browser.replaceCookie(new Cookie.Builder(session.getName(), "0000expiredSessionId:0")
                .path(session.getPath()).isHttpOnly(true).sameSite("Lax").build());

        browser.open(studio + "/maintenance/health.xhtml");
        browser.waitForUrl("/signin.xhtml");
        browser.waitForText(By.id("signin:messages"), "Your session has expired. Please sign in again.");
        browser.screenshot("09-studio-session-expired");
        signIn(login, password);
        browser.waitForUrl("/maintenance/health.xhtml");
        browser.click(By.id("session:signout"));
        browser.waitForUrl("/signin.xhtml");
    }

    /** The same account signs in to web-workplace and finds the app there. */
    public void workplaceShowsTheApp(String key, String name) throws IOException {
        browser.open(workplace + "/");
        browser.waitForUrl("/signin.xhtml");
        browser.screenshot("10-workplace-sign-in");
        signIn(login, password);
        browser.find(By.id("apps:search"));
        assertThat(browser.find(By.id("session:user")).getText()).isNotBlank();
        assertSafeSessionCookie(WORKPLACE_SESSION);
        browser.type(By.id("apps:search"), key);
        browser.click(By.id("apps:searchButton"));
        assertThat(browser.waitForText(By.id("apps:table"), key)).contains(name);
        assertThat(browser.source()).as("no token in the page").doesNotContain("eyJ");
        browser.screenshot("11-workplace-apps");
    }

    /**
     * From the app list the published app opens on its navigation (its types, as the model has no
     * navigation), and its ticket list is empty.
     */
    public void workplaceOpensTheTicketList(String key, String name) throws IOException {
        browser.open(workplace + "/?q=" + key);
        browser.click(By.linkText(name));
        browser.waitForUrl("/app.xhtml");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(name);
        browser.screenshot("12-workplace-app");
        browser.click(By.linkText("Ticket"));
        browser.waitForUrl("/list.xhtml");
        assertThat(browser.waitForText(By.id("list:table"), "No records match.")).contains("Title", "Priority", "Due");
        recordList = browser.url();
        browser.screenshot("13-workplace-ticket-list-empty");
    }

    /** A ticket created through the generated form shows in the list with its values. */
    public void workplaceCreatesATicket(String title) throws IOException {
        browser.click(By.id("list:create"));
        browser.waitForUrl("/record.xhtml");
        browser.type(TITLE, title);
        browser.select(PRIORITY, "high");
        browser.type(DUE, "2026-12-24");
        browser.screenshot("14-workplace-ticket-form");
        browser.click(By.id("record:save"));
        browser.waitForText(By.id("messages"), "Ticket created.");
        assertThat(browser.url()).contains("id=");
        assertThat(browser.find(By.cssSelector(".record-version")).getText()).isEqualTo("Version 1");
        browser.click(By.id("listLink"));
        assertThat(browser.waitForText(By.id("list:table"), title)).contains("high", "2026-12-24");
        browser.screenshot("15-workplace-ticket-list");
    }

    /** catalogs' problem with a value shows next to its field, in words, and nothing is saved. */
    public void workplaceShowsAFieldProblem(String title) throws IOException {
        openTicket(title);
        browser.type(TITLE, "");
        browser.click(By.id("record:save"));
        String problem = browser.waitForText(By.cssSelector("[data-field='title'] .record-problem"), "Title ");
        assertThat(problem).endsWith(".").doesNotContain("Exception", "400", "title");
        assertThat(browser.find(By.id("messages")).getText()).containsOnlyOnce("Some values are not valid");
        assertThat(browser.find(By.cssSelector(".record-version")).getText()).isEqualTo("Version 1");
        browser.screenshot("16-workplace-field-problem");
    }

    /**
     * A save based on the version the form was opened with, after {@code changeMeanwhile} changed
     * the record, is refused and explained; reloading shows the other change.
     */
    public void workplaceExplainsAStaleEdit(String title, String theirTitle, Runnable changeMeanwhile)
            throws IOException {
        openTicket(title);
        changeMeanwhile.run();
        browser.type(TITLE, title + " (mine)");
        browser.click(By.id("record:save"));
        assertThat(browser.waitForText(By.id("messages"),
                "Someone changed this record since you opened it; reload to see their changes"))
                .doesNotContain("409", "Exception");
        browser.screenshot("17-workplace-stale-edit");
        browser.click(By.id("record:reload"));
        browser.waitForText(By.cssSelector(".record-version"), "Version 2");
        assertThat(browser.find(TITLE).getAttribute("value")).isEqualTo(theirTitle);
    }

    /**
     * Sorting by a column's title and filtering by a part of a text (in any case) are done by
     * catalogs, page by page; {@code earlier} sorts before {@code later}.
     */
    public void workplaceSortsAndFiltersTheList(String earlier, String later) throws IOException {
        openList();
        browser.waitForText(By.id("list:table"), later);
        By titleHeader = By.cssSelector("th.records-column-title .ui-column-title");
        By firstRow = By.cssSelector("tbody[id='list:table_data'] > tr:first-child");
        browser.click(titleHeader);
        browser.waitForText(firstRow, earlier);
        browser.click(titleHeader);
        browser.waitForText(firstRow, later);
        browser.type(By.cssSelector("th.records-column-title input"), later.substring(1, 5).toUpperCase());
        browser.waitUntilGone(By.xpath("//tbody[@id='list:table_data']//td[contains(., '" + earlier + "')]"));
        assertThat(browser.find(By.id("list:table")).getText()).contains(later);
        browser.screenshot("18-workplace-list-sorted-filtered");
    }

    /** Deleting asks first; the list no longer has the ticket. */
    public void workplaceDeletesATicket(String title) throws IOException {
        openTicket(title);
        browser.click(By.id("record:delete"));
        browser.find(By.id("record:confirmYes"));
        browser.screenshot("19-workplace-delete-confirm");
        browser.click(By.id("record:confirmYes"));
        browser.waitForUrl("/list.xhtml");
        browser.waitForText(By.id("messages"), "The record was deleted.");
        assertThat(browser.find(By.id("list:table")).getText()).doesNotContain(title);
    }

    private static final By TITLE = By.id("record:fields:0:text");
    private static final By PRIORITY = By.id("record:fields:1:choice");
    private static final By DUE = By.id("record:fields:2:date_input");

    /** The list of the record page the browser is on, or the list it is on. */
    private void openList() {
        if (!browser.url().contains("/list.xhtml")) {
            browser.click(By.id("listLink"));
            browser.waitForUrl("/list.xhtml");
        }
    }

    /** From the ticket list, the row showing {@code title}. */
    private void openTicket(String title) {
        openList();
        browser.click(By.xpath("//tbody[@id='list:table_data']/tr[td[contains(., '" + title + "')]]//button"));
        browser.waitForUrl("/record.xhtml");
        browser.find(By.cssSelector(".record-version"));
    }

    /**
     * With a service down, a page says so in words and stays usable; {@code outage} brings it down
     * and back. Both web parts are signed in to first: signing in may need what the outage takes.
     */
    public void pagesSayWhenAServiceIsDown(Outage outage) throws Exception {
        openSignedIn(workplace + "/");
        browser.find(By.id("session:signout"));
        openSignedIn(studio + "/");
        browser.find(By.id("session:signout"));
        browser.open(workplace + "/");
        assertThat(browser.isShown(By.id("session:signout"))).as("still signed in to the workplace").isTrue();
        outage.begin();
        try {
            browser.open(workplace + "/");
            assertThat(browser.waitForText(By.id("messages"), "cannot reach the app registry"))
                    .doesNotContain("Exception", "HTTP");
            browser.screenshot("20-workplace-service-down");
            if (recordList != null) {
                browser.open(recordList);
                assertThat(browser.waitForText(By.id("messages"), "cannot reach the app's data"))
                        .doesNotContain("Exception", "HTTP");
                assertThat(browser.isShown(By.id("list:table"))).isFalse();
            }

            browser.open(studio + "/");
            assertThat(browser.waitForText(By.id("messages"), "cannot be reached")).doesNotContain("Exception");
            assertThat(browser.isShown(By.id("list:table"))).isFalse();
            assertThat(browser.find(By.id("session:signout")).isDisplayed()).isTrue();
            browser.screenshot("21-studio-service-down");
        } finally {
            outage.end();
        }
    }

    /** Takes a platform service down and brings it back. */
    public interface Outage {
        void begin() throws Exception;

        void end() throws Exception;
    }

    /** The session cookie is the only place of the session: not readable by scripts, not sent cross-site. */
    private void assertSafeSessionCookie(String name) {
        Cookie session = browser.cookie(name);
        assertThat(session).as(name).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(browser.cookies()).as("no other cookie").contains(name).isSubsetOf(name, otherPart(name));
    }

    private static String otherPart(String name) {
        return STUDIO_SESSION.equals(name) ? WORKPLACE_SESSION : STUDIO_SESSION;
    }

    /** Opens a page, signing in first when the web part asks for it. */
    private void openSignedIn(String url) {
        browser.open(url);
        if (browser.isShown(By.id("signin:login"))) {
            signIn(login, password);
        }
    }

    private void signIn(String user, String secret) {
        browser.type(By.id("signin:login"), user);
        browser.type(By.id("signin:password"), secret);
        browser.click(By.id("signin:submit"));
    }

    private void createApp(String key, String name) {
        browser.type(By.id("create:key"), key);
        browser.type(By.id("create:name"), name);
        browser.click(By.id("create:submit"));
    }

    /** A form post from outside the page, with the browser's own session cookie. */
    private HttpResponse<String> post(String url, Map<String, String> form, String extraName, String extraValue)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        if (extraName != null) {
            body += "&" + encode(extraName) + "=" + encode(extraValue);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", STUDIO_SESSION + "=" + browser.cookie(STUDIO_SESSION).getValue())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
