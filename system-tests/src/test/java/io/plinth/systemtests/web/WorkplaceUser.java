package io.plinth.systemtests.web;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * What one person does in web-workplace, in their own browser: sign in, open a list, filter, sort,
 * export it, fill and save a record's form. Fields are found by their key ({@code data-field}), so
 * the steps work with generated and designed forms alike.
 */
public final class WorkplaceUser {

    private static final By ROWS = By.cssSelector("tbody[id='list:table_data'] > tr");

    private final Browser browser;
    private final String workplace;

    public WorkplaceUser(Browser browser, String workplaceUrl) {
        this.browser = browser;
        this.workplace = workplaceUrl;
    }

    public Browser browser() {
        return browser;
    }

    public void signIn(String login, String password) {
        browser.open(workplace + "/");
        browser.waitForUrl("/signin.xhtml");
        browser.type(By.id("signin:login"), login);
        browser.type(By.id("signin:password"), password);
        browser.click(By.id("signin:submit"));
        browser.find(By.cssSelector(".workplace-user-name"));
    }

    /** The list of {@code type} in {@code app}, once its table is there. */
    public void openList(String app, String type) {
        browser.open(workplace + "/list.xhtml?app=" + app + "&type=" + type);
        browser.find(By.id("list:table"));
    }

    /** The text of each row the list shows now, once it shows {@code count} rows. */
    public List<String> rows(int count) {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> browser.find(By.id("list:table")).findElements(ROWS).size() == count
                        && !browser.find(By.id("list:table")).getText().contains("No records match."));
        return browser.find(By.id("list:table")).findElements(ROWS).stream().map(WebElement::getText).toList();
    }

    /** Types into the filter box of a column, which filters on the server as the user types. */
    public void filter(String field, String text) {
        browser.type(By.cssSelector("th.records-column-" + field + " input"), text);
    }

    /** Clicks a column's title: ascending the first time, descending the second. */
    public void sortBy(String field) {
        browser.click(By.cssSelector("th.records-column-" + field + " .ui-column-title"));
    }

    /** The row of the list that holds {@code text}, opened in its form. */
    public void openRecord(String text) {
        browser.click(By.xpath("//tbody[@id='list:table_data']/tr[td[contains(., '" + text + "')]]//button"));
        browser.waitForUrl("/record.xhtml");
        browser.find(By.cssSelector(".record-version"));
    }

    /** The form of a new record of {@code type}. */
    public void openNewRecord(String app, String type) {
        browser.open(workplace + "/record.xhtml?app=" + app + "&type=" + type);
        browser.find(By.id("record:save"));
    }

    /** Types into a text or number field. */
    public void type(String field, String text) {
        browser.type(By.cssSelector("[data-field='" + field + "'] input"), text);
    }

    public String value(String field) {
        return browser.find(By.cssSelector("[data-field='" + field + "'] input")).getAttribute("value");
    }

    /** Chooses one of an enum field's values. */
    public void choose(String field, String value) {
        browser.select(By.cssSelector("[data-field='" + field + "'] select"), value);
    }

    /** Picks the referenced record labelled {@code label} by searching for {@code search}, with the keyboard. */
    public void pick(String field, String search, String label) {
        WebElement input = browser.find(By.cssSelector("[data-field='" + field + "'] input.ui-autocomplete-input"));
        input.clear();
        input.sendKeys(search);
        browser.waitForText(By.cssSelector(".ui-autocomplete-panel"), label);
        input.sendKeys(Keys.ARROW_DOWN);
        input.sendKeys(Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> label.equals(input.getAttribute("value")));
    }

    /** Saves the form and answers the message the page then shows, once it holds {@code expected}. */
    public String save(String expected) {
        browser.click(By.id("record:save"));
        return browser.waitForText(By.id("messages"), expected);
    }

    /**
     * Posts the list's form as its export button ({@code list:exportCsv}, {@code list:exportXlsx})
     * would, with the page's view state and the browser's session cookie, and answers the file.
     */
    public HttpResponse<byte[]> export(String button) throws Exception {
        WebElement form = browser.find(By.id("list"));
        List<String> fields = new ArrayList<>();
        for (WebElement input : form.findElements(By.cssSelector("input[name], select[name]"))) {
            String type = input.getAttribute("type");
            if (("checkbox".equals(type) || "radio".equals(type)) && !input.isSelected()) {
                continue;
            }
            if ("submit".equals(type) || "button".equals(type)) {
                continue;
            }
            fields.add(encode(input.getAttribute("name")) + "=" + encode(input.getAttribute("value")));
        }
        fields.add(encode(button) + "=");
        HttpRequest request = HttpRequest.newBuilder(URI.create(form.getAttribute("action")))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", WebJourney.WORKPLACE_SESSION + "="
                        + browser.cookie(WebJourney.WORKPLACE_SESSION).getValue())
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", fields)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
    }
}
