package io.plinth.systemtests.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through chromedriver, as a person at a 1280-pixel screen would use
 * the web parts: fresh profile, no extensions, no background traffic. Screenshots of the main
 * screens go to {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    /** Debian's packages: {@code apt-get install -y chromium chromium-driver}. */
    private static final String CHROMIUM = setting("PLINTH_IT_CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = setting("PLINTH_IT_CHROMEDRIVER", "/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    public static Browser start(Path screenshots) throws IOException {
        for (String program : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!new File(program).canExecute()) {
                throw new IllegalStateException(program + " is missing: install the browser with "
                        + "'apt-get install -y chromium chromium-driver' (Debian), or point PLINTH_IT_CHROMIUM and "
                        + "PLINTH_IT_CHROMEDRIVER at a Chromium and its chromedriver");
            }
        }
        Files.createDirectories(screenshots);
        Path profile = Files.createTempDirectory("plinth-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), profile, screenshots);
    }

    public void open(String url) {
        driver.get(url);
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public boolean isShown(By by) {
        return driver.findElements(by).stream().anyMatch(WebElement::isDisplayed);
    }

    public void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Picks the option showing {@code text} in a native select. */
    public void select(By by, String text) {
        new Select(find(by)).selectByVisibleText(text);
    }

    /** Waits until no element matches {@code by} (a row filtered away, a dialog closed). */
    public void waitUntilGone(By by) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    public void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Waits until the element shows {@code text} (Ajax updates land asynchronously) and answers its whole text. */
    /** The element's text once it holds {@code text}, read in the same look (Ajax may replace the element after). */
    public String waitForText(By by, String text) {
        return wait.until(driver -> {
            try {
                String shown = driver.findElement(by).getText();
                return shown.contains(text) ? shown : null;
            } catch (StaleElementReferenceException e) {
                return null;
            }
        });
    }

    public void waitForUrl(String fragment) {
        wait.until(ExpectedConditions.urlContains(fragment));
    }

    public Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    /** The names of the cookies the browser holds for the current page's site. */
    public Set<String> cookies() {
        return driver.manage().getCookies().stream().map(Cookie::getName).collect(Collectors.toSet());
    }

    public void replaceCookie(Cookie cookie) {
        driver.manage().deleteCookieNamed(cookie.getName());
        driver.manage().addCookie(cookie);
    }

    public String source() {
        return driver.getPageSource();
    }

    /** Saves what the screen shows as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) throws IOException {
        Path file = screenshots.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** Resizes the window, e.g. to 800 pixels wide to see a page as on a tablet. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Waits until the page has no Ajax request (PrimeFaces' queue and jQuery's) in flight. */
    public void waitForAjax() {
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return (typeof jQuery === 'undefined' || jQuery.active === 0)"
                        + " && (typeof PrimeFaces === 'undefined' || PrimeFaces.ajax.Queue.isEmpty());")));
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
