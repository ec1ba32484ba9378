package io.plinth.systemtests.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The steps of an app builder in web-studio's app designer ({@code /design/app.xhtml}), each
 * through the page as a person uses it: inputs found by their ids, the model's choices by the
 * labels the page shows. Indexes count from 0 in the order the designer shows the items.
 */
public final class StudioDesigner {

    private static final String TABS = "design:tabs:";

    private final Browser browser;
    private final String studio;

    public StudioDesigner(Browser browser, String studioUrl) {
        this.browser = browser;
        this.studio = studioUrl;
    }

    /** Signs in to the studio (if it asks) and lands on the Apps page. */
    public void signIn(String login, String password) {
        browser.open(studio + "/");
        if (browser.isShown(By.id("signin:login"))) {
            type(By.id("signin:login"), login);
            type(By.id("signin:password"), password);
            click(By.id("signin:submit"));
        }
        browser.find(By.id("create:key"));
    }

    /** Creates an app on the Apps page and opens its designer from its row. */
    public void createAppAndOpenIt(String key, String name) {
        type(By.id("create:key"), key);
        type(By.id("create:name"), name);
        click(By.id("create:submit"));
        browser.waitForText(By.id("messages"), "App " + key + " created.");
        click(By.id("list:table:0:design"));
        browser.waitForUrl("/design/app.xhtml?app=" + key);
        browser.find(By.id("design:save"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Design " + name);
    }

    /** Opens a tab of the designer: {@code typesTab}, {@code formsTab}, {@code listsTab} or {@code accessTab}. */
    public void openTab(String tab) {
        click(By.cssSelector("a[href='#design:tabs:" + tab + "']"));
        browser.find(By.id(TABS + tab));
    }

    /** The title of a tab as shown, problem count included. */
    public String tabTitle(String tab) {
        return browser.find(By.cssSelector("a[href='#design:tabs:" + tab + "']")).getText();
    }

    // Types

    public void addType(int type, String key, String name) {
        click(By.id(TABS + "addType"));
        type(By.id(typeId(type) + "key"), key);
        type(By.id(typeId(type) + "name"), name);
    }

    /** Adds a field; {@code typeLabel} is the field type as the select shows it ("Text", "Choice (enum)", ...). */
    public void addField(int type, int field, String key, String name, String typeLabel) {
        click(By.id(typeId(type) + "addField"));
        type(By.id(fieldId(type, field) + "key"), key);
        type(By.id(fieldId(type, field) + "name"), name);
        if (!typeLabel.equals("Text")) {
            select(By.id(fieldId(type, field) + "type"), typeLabel);
        }
    }

    /** Types into one of a field's inputs: {@code length}, {@code precision}, {@code scale}, {@code values}, {@code default}. */
    public void setField(int type, int field, String input, String text) {
        type(By.id(fieldId(type, field) + input), text);
    }

    /** Ticks one of a field's flags: {@code required}, {@code unique}, {@code indexed}, {@code computed}. */
    public void tick(int type, int field, String flag) {
        click(By.id(fieldId(type, field) + flag));
    }

    /** A reference field's target type and, by their labels, cardinality and on-delete behaviour. */
    public void setReference(int type, int field, String target, String cardinality, String onDelete) {
        select(By.id(fieldId(type, field) + "target"), target);
        select(By.id(fieldId(type, field) + "cardinality"), cardinality);
        select(By.id(fieldId(type, field) + "onDelete"), onDelete);
    }

    public static String fieldId(int type, int field) {
        return typeId(type) + "fields:" + field + ":";
    }

    private static String typeId(int type) {
        return TABS + "types:" + type + ":";
    }

    // Roles and access

    public void addRole(int role, String key, String name) {
        click(By.id(TABS + "addRole"));
        type(By.id(TABS + "roles:" + role + ":key"), key);
        type(By.id(TABS + "roles:" + role + ":name"), name);
    }

    /** Adds an access rule for a role and a type, allowing the operations by their labels ("Read", ...). */
    public void addAccessRule(int rule, String role, String type, String... operations) {
        click(By.id(TABS + "addAccess"));
        String id = TABS + "access:" + rule + ":";
        select(By.id(id + "role"), role);
        select(By.id(id + "type"), type);
        browser.waitForText(By.id(id + "rows:add"), "Add condition");
        for (String operation : operations) {
            click(By.id(id + operation.toLowerCase()));
        }
    }

    /**
     * Adds a condition to a rule's row-level rule: field, operator and source by their labels; the
     * value is typed when the source is "a value".
     */
    public void addRowCondition(int rule, int condition, String field, String operator, String source, String value) {
        addCondition(TABS + "access:" + rule + ":rows:", condition, field, operator, source, value);
    }

    public void addFieldRule(int rule, int index, String field, String access) {
        String id = TABS + "access:" + rule + ":";
        click(By.id(id + "addFieldRule"));
        select(By.id(id + "fields:" + index + ":field"), field);
        select(By.id(id + "fields:" + index + ":access"), access);
    }

    // Forms

    public void addForm(int form, String key, String name, String type) {
        click(By.id(TABS + "addForm"));
        String id = TABS + "forms:" + form + ":";
        type(By.id(id + "key"), key);
        type(By.id(id + "name"), name);
        select(By.id(id + "type"), type);
        browser.waitForText(By.id(id + "preview"), name);
    }

    public void setSection(int form, int section, String title, String columns) {
        String id = sectionId(form, section);
        type(By.id(id + "title"), title);
        select(By.id(id + "columns"), columns);
    }

    /** Places a field in a section; {@code column} as the select shows it ("(default)", "2", ...). */
    public void placeField(int form, int section, int index, String field, String column) {
        click(By.id(sectionId(form, section) + "addField"));
        String id = sectionId(form, section) + "fields:" + index + ":";
        select(By.id(id + "field"), field);
        select(By.id(id + "column"), column);
    }

    /** Adds a condition to a placed field's {@code visibleWhen} or {@code readOnlyWhen}. */
    public void addFormCondition(int form, int section, int index, String which, int condition, String field,
                                 String operator, String source, String value) {
        addCondition(sectionId(form, section) + "fields:" + index + ":" + which + ":", condition, field, operator,
                source, value);
    }

    /** The text of a form's live preview. */
    public String formPreview(int form) {
        return browser.find(By.id(TABS + "forms:" + form + ":preview")).getText();
    }

    private static String sectionId(int form, int section) {
        return TABS + "forms:" + form + ":sections:" + section + ":";
    }

    // Lists

    public void addList(int list, String key, String name, String type, String pageSize) {
        click(By.id(TABS + "addList"));
        String id = TABS + "lists:" + list + ":";
        type(By.id(id + "key"), key);
        type(By.id(id + "name"), name);
        select(By.id(id + "type"), type);
        browser.waitForText(By.id(id + "preview"), name);
        type(By.id(id + "pageSize"), pageSize);
    }

    /** Adds a column; blank label or width are left empty. */
    public void addColumn(int list, int column, String field, String label, String width) {
        String id = TABS + "lists:" + list + ":";
        click(By.id(id + "addColumn"));
        String columnId = id + "columns:" + column + ":";
        select(By.id(columnId + "field"), field);
        if (!label.isEmpty()) {
            type(By.id(columnId + "label"), label);
        }
        if (!width.isEmpty()) {
            type(By.id(columnId + "width"), width);
        }
    }

    public void addFilter(int list, int condition, String field, String operator, String source, String value) {
        addCondition(TABS + "lists:" + list + ":filter:", condition, field, operator, source, value);
    }

    public void addSort(int list, int index, String field, String direction) {
        String id = TABS + "lists:" + list + ":";
        click(By.id(id + "addSort"));
        select(By.id(id + "sort:" + index + ":field"), field);
        select(By.id(id + "sort:" + index + ":direction"), direction);
    }

    /** The text of a list's live preview once it shows {@code expected}. */
    public String listPreview(int list, String expected) {
        return browser.waitForText(By.id(TABS + "lists:" + list + ":preview"), expected);
    }

    // Saving

    /** Saves the draft and waits until the page says it was saved. */
    public void save() {
        click(By.id("design:save"));
        browser.waitForText(By.id("messages"), "Draft saved");
    }

    /** Saves a draft view-service refuses; answers the page's message. */
    public String saveRefused(String expected) {
        click(By.id("design:save"));
        return browser.waitForText(By.id("messages"), expected);
    }

    /**
     * The problem shown for the JSON path {@code path}, checked to sit in the same row of the
     * designer as the input {@code inputId}.
     */
    public String problemNextTo(String inputId, String path) {
        By problem = By.xpath("//*[.//*[@id='" + inputId + "']][contains(@class, 'design-input')"
                + " or contains(@class, 'design-condition')]//*[@data-path='" + path + "']");
        return browser.find(problem).getText();
    }

    public void reloadAfterStale() {
        click(By.id("design:staleReload"));
        browser.waitForText(By.id("messages"), "Draft reloaded");
    }

    public String value(String inputId) {
        return browser.find(By.id(inputId)).getAttribute("value");
    }

    public void type(String inputId, String text) {
        type(By.id(inputId), text);
    }

    public void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }

    private void addCondition(String listId, int condition, String field, String operator, String source,
                              String value) {
        click(By.id(listId + "add"));
        String id = listId + "items:" + condition + ":";
        select(By.id(id + "field"), field);
        select(By.id(id + "op"), operator);
        select(By.id(id + "source"), source);
        if (value != null) {
            type(By.id(id + "value"), value);
        }
    }

    private void click(By by) {
        browser.waitForAjax();
        browser.click(by);
        browser.waitForAjax();
    }

    private void select(By by, String text) {
        browser.waitForAjax();
        browser.select(by, text);
        browser.waitForAjax();
    }

    /** Types and leaves the input, as a person moving on does: its change (and the previews' update) happens now. */
    private void type(By by, String text) {
        browser.waitForAjax();
        browser.type(by, text + Keys.TAB);
        browser.waitForAjax();
    }
}
