package org.follicle.support;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The machine's Chromium (never a downloaded one) driven by Playwright, headless, with the flags this sandbox
 * needs. Screenshots go to target/screenshots/ to be looked at.
 */
public final class Browser implements AutoCloseable {

    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final Playwright playwright;

    private final com.microsoft.playwright.Browser chromium;

    private final String base;

    public Browser(int port) {
        this.playwright = Playwright.create();
        this.chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("follicle.chromium", "/usr/bin/chromium")))
                .setHeadless(true).setArgs(FLAGS));
        this.base = "http://localhost:" + port;
    }

    private final List<String> consoleErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * A fresh browser profile (no cookies) whose preferred language is {@code locale}, tablet-sized. Errors the
     * page logs (a script error, a Content-Security-Policy violation) are kept for {@link #consoleErrors()}.
     */
    public Page newPage(String locale) {
        BrowserContext context = chromium.newContext(new NewContextOptions().setLocale(locale)
                .setViewportSize(1180, 820).setBaseURL(base));
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().contains("Failed to load resource")) {
                consoleErrors.add(page.url() + ": " + message.text());
            }
        });
        page.onPageError(error -> consoleErrors.add(page.url() + ": " + error));
        return page;
    }

    /** What pages reported as errors since this browser started. */
    public List<String> consoleErrors() {
        return List.copyOf(consoleErrors);
    }

    public static void signIn(Page page, String username, String password) {
        page.navigate("/login");
        page.getByLabel(java.util.regex.Pattern.compile("Username|Identifiant|Usuario")).fill(username);
        page.locator("#password").fill(password);
        page.locator("button[type=submit]").click();
        // Wait for the page the form leads to (the dashboard, or the login page with a message), scripts included.
        page.waitForURL(url -> !url.endsWith("/login"));
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
    }

    /**
     * Keeps a picture of the page to be looked at, and checks the page as it stands with axe-core against WCAG 2.1
     * A and AA: a violation fails the test that took the picture.
     */
    public static void screenshot(Page page, String name) {
        List<Rule> violations = new AxeBuilder(page).withTags(WCAG).analyze().getViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError(name + ": accessibility violations\n" + violations.stream()
                    .map(rule -> rule.getId() + " (" + rule.getHelp() + "): " + rule.getNodes().stream()
                            .map(node -> node.getTarget() + " " + node.getFailureSummary()).toList())
                    .collect(java.util.stream.Collectors.joining("\n")));
        }
        picture(page, name);
    }

    /** A picture of a page the project does not write (Swagger UI's), not checked. */
    public static void picture(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots", name + ".png"))
                .setFullPage(true));
    }

    /** Keeps a PDF the test fetched beside the screenshots, with its first page as an image to look at. */
    public static void save(String name, byte[] pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            java.nio.file.Files.createDirectories(Path.of("target/screenshots"));
            java.nio.file.Files.write(Path.of("target/screenshots", name), pdf);
            var image = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 90);
            javax.imageio.ImageIO.write(image, "png", Path.of("target/screenshots", name + ".png").toFile());
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
