package io.plinth.systemtests.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The operator's and builder's steps in web-studio beyond the Apps list: publishing an app (dry
 * run, plan, data-loss confirmation, progress), its versions (diff, rollback), the log viewer and
 * log levels, and administration (users and their roles, roles, API tokens). Each step checks
 * what the page shows; the URLs and the account are the caller's.
 */
public final class StudioOperations {

    private static final Duration PUBLICATION = Duration.ofSeconds(90);
    private static final By STATUS = By.id("progress:status");
    private static final By RUNNING = By.xpath("//*[@id='progress:publication']//*[contains(@class, 'publish-muted')]");

    private final Browser browser;
    private final String studio;
    private final String login;
    private final String password;

    public StudioOperations(Browser browser, String studioUrl, String login, String password) {
        this.browser = browser;
        this.studio = studioUrl;
        this.login = login;
        this.password = password;
    }

    /** Opens a studio page, signing in first when the studio asks for it. */
    public void open(String path) {
        browser.open(studio + path);
        if (browser.isShown(By.id("signin:login"))) {
            browser.type(By.id("signin:login"), login);
            browser.type(By.id("signin:password"), password);
            browser.click(By.id("signin:submit"));
            browser.find(By.id("session:signout"));
        }
    }

    /** From the Apps list, the app's Publish link leads to its publishing page. */
    public void openPublishing(String app) {
        open("/apps.xhtml?q=" + encode(app));
        browser.waitForText(By.id("list:table"), app);
        browser.click(By.id("list:table:0:publish"));
        browser.waitForUrl("/publishing/app.xhtml");
        browser.find(By.id("publish:check"));
    }

    /** The dry run: answers what the page shows of its result (changes, migration, findings). */
    public String checkDraft() {
        browser.click(By.id("publish:check"));
        return browser.find(By.id("publish:result")).getText();
    }

    /** Publishes what the check showed and waits for the end; answers the final status (active, failed). */
    public String publishChecked() {
        clickAndAwaitReplaced(By.id("publish:submit"), By.id("progress:publication"));
        return awaitPublicationEnd();
    }

    /** Ticks the data-loss confirmation shown under the plan. */
    public void confirmDataLoss() {
        browser.click(By.cssSelector("[id='publish:confirmDataLoss'] .ui-chkbox-box"));
    }

    /** "Publish app X" from the browser: open it from the Apps list, check, publish, and see it active. */
    public int publishApp(String app) {
        openPublishing(app);
        String check = checkDraft();
        assertThat(check).as("the dry run").doesNotContain("Problems in the model");
        if (browser.isShown(By.id("publish:confirmDataLoss"))) {
            confirmDataLoss();
        }
        assertThat(publishChecked()).as(browser.find(By.id("progress:publication")).getText()).isEqualTo("active");
        return activeVersion();
    }

    /** The active version the page's overview shows. */
    public int activeVersion() {
        String overview = browser.waitForText(By.id("overview"), "Active version");
        return Integer.parseInt(overview.replaceAll("(?s).*Active version (\\d+).*", "$1"));
    }

    /** Shows the changes version {@code version} made against the one before it; answers the diff's text. */
    public String changesOf(int version) {
        browser.click(versionRowButton(version, "changes"));
        return browser.waitForText(By.id("versions:diff"), "From " + (version - 1) + " to " + version);
    }

    /** Rolls back to {@code version} after the confirmation, and waits for the end; answers the final status. */
    public String rollbackTo(int version) throws IOException {
        browser.click(versionRowButton(version, "rollback"));
        browser.find(By.id("versions:confirmYes"));
        browser.screenshot("36-studio-rollback-confirm");
        clickAndAwaitReplaced(By.id("versions:confirmYes"), By.id("progress:publication"));
        return awaitPublicationEnd();
    }

    /** The rows of the versions table, newest first, as the page shows them. */
    public List<String> versions() {
        return browser.find(By.id("versions:table")).findElements(By.cssSelector("tbody tr")).stream()
                .map(WebElement::getText).toList();
    }

    private By versionRowButton(int version, String button) {
        return By.xpath("//tbody[@id='versions:table_data']/tr[td[1][starts-with(normalize-space(.), '" + version
                + "')]]//button[contains(@id, ':" + button + "')]");
    }

    private String awaitPublicationEnd() {
        browser.find(STATUS);
        await().atMost(PUBLICATION).pollInterval(Duration.ofMillis(500))
                .until(() -> !browser.isShown(RUNNING) && !List.of("validating", "applying")
                        .contains(browser.find(STATUS).getText().strip()));
        return browser.find(STATUS).getText().strip();
    }

    /** Sets a service's level on the Log levels page; answers the level the page then shows. */
    public String setLogLevel(String service, String levelLabel) {
        open("/maintenance/log-levels.xhtml");
        int row = levelRow(service);
        browser.select(By.id("levels:table:" + row + ":level"), levelLabel);
        browser.click(By.id("levels:table:" + row + ":save"));
        browser.waitForText(By.id("messages"), "The log level of " + service + " is now " + levelLabel + ".");
        return browser.find(By.id("levels:table:" + row + ":current")).getText();
    }

    private int levelRow(String service) {
        List<WebElement> rows = browser.find(By.id("levels:table")).findElements(By.cssSelector("tbody tr"));
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).findElement(By.cssSelector("td")).getText().strip().equals(service)) {
                return i;
            }
        }
        throw new AssertionError("no row for " + service + " on the log levels page");
    }

    /**
     * Searches the log viewer (null filters left blank; labels as the selects show them) and
     * answers the rows' texts.
     */
    public List<String> searchLogs(String service, String levelLabel, String text, String traceId) {
        if (!browser.url().contains("/maintenance/logs.xhtml")) {
            open("/maintenance/logs.xhtml");
        }
        browser.select(By.id("filters:service"), service == null ? "Any" : service);
        browser.select(By.id("filters:level"), levelLabel == null ? "Any" : levelLabel);
        browser.type(By.id("filters:text"), text == null ? "" : text);
        browser.type(By.id("filters:traceId"), traceId == null ? "" : traceId);
        clickAndAwaitReplaced(By.id("filters:search"), By.id("records:table"));
        return logRows();
    }

    /** The texts of one column of the log table (1: time, 2: service, 3: level, 4: message). */
    public List<String> logColumn(int column) {
        return browser.find(By.id("records:table")).findElements(By.cssSelector("tbody > tr > td:nth-child(" + (column + 1)
                + ")")).stream().map(WebElement::getText).map(String::strip).toList();
    }

    public List<String> logRows() {
        return browser.find(By.id("records:table")).findElements(By.cssSelector("tbody > tr")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    }

    /** Creates a user on the Users page; their access panel opens. */
    public void createUser(String newLogin, String name, String email, String firstPassword) {
        submitNewUser(newLogin, name, email, firstPassword);
        browser.waitForText(By.id("messages"), "User " + newLogin + " created.");
        browser.waitForText(By.id("access"), "Access of " + newLogin);
    }

    /** Fills and sends the Users page's New user form, whatever identity answers. */
    public void submitNewUser(String newLogin, String name, String email, String firstPassword) {
        open("/admin/users.xhtml");
        browser.type(By.id("create:login"), newLogin);
        browser.type(By.id("create:displayName"), name);
        browser.type(By.id("create:email"), email);
        browser.type(By.id("create:password"), firstPassword);
        browser.click(By.id("create:submit"));
    }

    /** Gives the user whose access panel is open the role {@code role}; answers the roles the panel then lists. */
    public String giveRole(String role) {
        browser.select(By.id("access:role"), role);
        browser.click(By.id("access:assignRole"));
        browser.waitForText(By.id("messages"), "Role " + role + " given to");
        return browser.find(By.id("roles")).getText();
    }

    /** Clicks {@code button} and waits until the Ajax update has replaced {@code region} (when it was there). */
    private void clickAndAwaitReplaced(By button, By region) {
        WebElement before = browser.isShown(region) ? browser.find(region) : null;
        browser.click(button);
        if (before != null) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> isStale(before));
        }
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isDisplayed();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
