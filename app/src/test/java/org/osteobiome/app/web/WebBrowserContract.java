package org.osteobiome.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser: Debian's headless Chromium driven through ChromeDriver (installed by {@code .ci/run};
 * skipped where neither is on the machine). Signs in through the form, opens the demo project, runs a scenario from the
 * simulate page, compares two runs, uploads a cohort, builds a reference map from it as a background job, scores a sample
 * with a forecast, follows a job's progress and cancels it, and checks that every chart was drawn — a canvas with ink on it, not just a page
 * that loaded. Screenshots go to {@code target/screenshots} (and to the folder named by {@code
 * -Dosteobiome.screenshots}, e.g. {@code docs/screenshots}); page-load times are printed.
 */
@EnabledIf("browserAvailable")
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
abstract class WebBrowserContract {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;
    TestServer t;
    WebDriver browser;

    /** The server on the database this subclass tests. */
    abstract TestServer server(Path dataDir);

    static boolean browserAvailable() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeAll
    void start() {
        t = server(dir);
        String home = System.getProperty("osteobiome.home");
        System.setProperty("osteobiome.home", ".."); // the repository root, where the demo finds its cohort
        try {
            DemoData.ensure(t.services());
        } finally {
            if (home == null) {
                System.clearProperty("osteobiome.home");
            } else {
                System.setProperty("osteobiome.home", home);
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + dir.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (t != null) {
            t.close();
        }
    }

    @Test
    void signInRunCompareAndSeeEveryChartDrawn() throws Exception {
        open("/");
        assertThat(browser.getCurrentUrl()).contains("/login");
        screenshot("login");
        browser.findElement(By.name("email")).sendKeys(DemoData.EMAIL);
        browser.findElement(By.name("password")).sendKeys(DemoData.PASSWORD);
        browser.findElement(By.cssSelector("#login button")).click();
        waitFor(By.id("projects"));
        loadTime("projects");
        screenshot("projects");

        browser.findElement(By.linkText("Gut–bone axis in ovariectomised mice")).click();
        waitFor(By.id("results"));
        loadTime("project");
        List<WebElement> runs = browser.findElements(By.cssSelector("#results a[href^='/results/']"));
        assertThat(runs).hasSize(2);
        screenshot("project");

        open("/projects/1/simulate?model=gut-bone-axis");
        loadTime("simulate");
        new Select(browser.findElement(By.name("p.scenario"))).selectByVisibleText("ovx-butyrate");
        browser.findElement(By.name("t_end")).sendKeys("56");
        for (WebElement box : browser.findElements(By.cssSelector("input[name='observables']"))) {
            String v = box.getAttribute("value");
            if (!List.of("bv_tv_pct", "th17_bone_pct", "treg_gut_pct", "butyrate_gut_uM").contains(v)) {
                box.click();
            }
        }
        screenshot("simulate");
        browser.findElement(By.cssSelector("#simulate button[type='submit']")).click();
        waitFor(By.cssSelector("figure[data-drawn='true']"));
        loadTime("result");
        assertChartsDrawn(4);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("ovx-butyrate");
        assertThat(browser.findElement(By.id("provenance")).getText()).contains("osteobiome version").contains("radau5");
        screenshot("result");

        open("/projects/1");
        List<WebElement> boxes = browser.findElements(By.cssSelector("#results input[name='result']"));
        screenshot("project-results");
        assertThat(boxes).hasSize(3);
        boxes.get(1).click();
        boxes.get(2).click();
        browser.findElement(By.cssSelector("#compare button[type='submit']")).click();
        waitFor(By.cssSelector("figure[data-drawn='true']"));
        loadTime("comparison");
        assertChartsDrawn(4);
        screenshot("comparison");

        open("/projects/1/cohorts/new");
        browser.findElement(By.name("name")).sendKeys("Karlsson 2013");
        browser.findElement(By.name("table")).sendKeys(WebApplicationContract.KARLSSON.toAbsolutePath().normalize().toString());
        browser.findElement(By.name("metadata")).sendKeys(WebApplicationContract.KARLSSON_META.toAbsolutePath().normalize().toString());
        browser.findElement(By.name("group_column")).sendKeys("Classification");
        new Select(browser.findElement(By.name("rank"))).selectByVisibleText("genus");
        screenshot("cohort-upload");
        browser.findElement(By.cssSelector("#upload button[type='submit']")).click();
        waitFor(By.cssSelector("figure[data-drawn='true']"));
        loadTime("cohort (upload and analysis, then the page)");
        browser.get(browser.getCurrentUrl());
        waitFor(By.cssSelector("figure[data-drawn='true']"));
        loadTime("cohort");
        assertChartsDrawn(1);
        assertThat(browser.findElement(By.id("alpha")).getText()).contains("shannon");
        assertThat(browser.findElement(By.id("permanova")).getText()).contains("pseudo-F");
        screenshot("cohort");
        elementShot(browser.findElement(By.cssSelector("figure[data-observable='pcoa']")), "cohort-pcoa");

        // a reference map built from the uploaded cohort as a background job, then a woman's sample scored with a forecast
        new Select(browser.findElement(By.cssSelector("#map-form select[name='healthy']"))).selectByVisibleText("NGT");
        WebElement repeats = browser.findElement(By.cssSelector("#map-form input[name='cv_repeats']"));
        repeats.clear();
        repeats.sendKeys("2");
        WebElement trees = browser.findElement(By.cssSelector("#map-form input[name='trees']"));
        trees.clear();
        trees.sendKeys("100");
        browser.findElement(By.cssSelector("#map-form button[type='submit']")).click();
        waitFor(By.id("job"));
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> !d.findElements(By.id("job-result")).isEmpty());
        screenshot("job-done");
        browser.findElement(By.id("job-result")).click();
        waitFor(By.cssSelector("figure[data-drawn='true']"));
        loadTime("map");
        assertChartsDrawn(2);
        assertThat(browser.findElement(By.id("performance")).getText()).contains("elastic net").contains("random forest");
        screenshot("map");
        elementShot(browser.findElements(By.cssSelector("figure[data-drawn='true']")).get(0), "map-roc");
        String sample = Files.readAllLines(WebApplicationContract.KARLSSON).get(0).split("\t")[1];
        browser.findElement(By.cssSelector("#score input[name='sample']")).sendKeys(
                WebApplicationContract.KARLSSON.toAbsolutePath().normalize().toString());
        browser.findElement(By.cssSelector("#score input[name='sample_id']")).sendKeys(sample);
        browser.findElement(By.id("forecast")).click();
        WebElement population = browser.findElement(By.cssSelector("#score input[name='population']"));
        population.clear();
        population.sendKeys("40");
        browser.findElement(By.cssSelector("#score button[type='submit']")).click();
        waitFor(By.cssSelector("figure[data-drawn='true']"));
        loadTime("report (scoring with a forecast, then the page)");
        browser.get(browser.getCurrentUrl());
        waitFor(By.cssSelector("figure[data-drawn='true']"));
        loadTime("report");
        assertChartsDrawn(1);
        assertThat(browser.findElement(By.cssSelector("p.risk")).getText()).contains("At-risk probability");
        assertThat(browser.findElement(By.id("forecast")).getText()).contains("L. acidophilus");
        screenshot("report");
        elementShot(browser.findElement(By.cssSelector("figure[data-drawn='true']")), "report-forecast");

        // the demo's virtual population of women after menopause, and a job followed live, then cancelled
        open("/projects/2");
        browser.findElement(By.partialLinkText("Virtual population: 200 subjects")).click();
        waitFor(By.cssSelector("figure[data-drawn='true']"));
        assertChartsDrawn(2);
        screenshot("vpop");
        open("/projects/2/jobs/new?kind=vpop");
        WebElement n = browser.findElement(By.name("n"));
        n.clear();
        n.sendKeys("20000");
        screenshot("vpop-form");
        browser.findElement(By.cssSelector("#job-form button[type='submit']")).click();
        waitFor(By.id("job"));
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("job-phase")).getText().contains(" of "));
        assertThat(browser.findElement(By.id("job-progress")).getAttribute("max")).isEqualTo("20000");
        screenshot("job-running");
        browser.findElement(By.id("cancel-job")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("rerun-job")).isEmpty());
        assertThat(browser.findElement(By.id("job-state")).getText()).isEqualTo("cancelled");

        open("/tokens");
        screenshot("tokens");
        open("/audit");
        assertThat(browser.findElement(By.id("audit")).getText()).contains("run simulation").contains("login");
        screenshot("audit");
        open("/admin");
        screenshot("admin");
    }

    private void assertChartsDrawn(int expected) {
        List<WebElement> figures = browser.findElements(By.cssSelector("figure[data-drawn='true']"));
        assertThat(figures).hasSize(expected);
        for (WebElement f : figures) {
            WebElement canvas = f.findElement(By.tagName("canvas"));
            long inked = (Long) ((JavascriptExecutor) browser).executeScript("var c = arguments[0], d = c.getContext('2d')"
                    + ".getImageData(0, 0, c.width, c.height).data, n = 0; for (var i = 0; i < d.length; i += 4) { var hi = Math.max(d[i],"
                    + " d[i + 1], d[i + 2]), lo = Math.min(d[i], d[i + 1], d[i + 2]); if (d[i + 3] > 0 && hi - lo > 80) { n++; } }"
                    + " return n;", canvas);
            // coloured pixels only: the axes, ticks and grid are grey or black, the data are drawn in the palette's colours
            assertThat(inked).as("coloured pixels in the chart of " + f.getAttribute("data-observable")).isGreaterThan(300);
        }
    }

    private void open(String path) {
        browser.get(t.base() + path);
    }

    private void waitFor(By what) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(what).isEmpty());
    }

    private void loadTime(String page) {
        Object ms = ((JavascriptExecutor) browser).executeScript("var n = performance.getEntriesByType('navigation')[0];"
                + " return n ? Math.round(n.loadEventEnd - n.startTime) : -1;");
        System.out.println("page load " + page + ": " + ms + " ms");
    }

    private void elementShot(WebElement element, String name) throws Exception {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", element);
        save(name, element.getScreenshotAs(OutputType.BYTES));
    }

    private void screenshot(String name) throws Exception {
        save(name, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void save(String name, byte[] png) throws Exception {
        Path target = Path.of("target/screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), png);
        String docs = System.getProperty("osteobiome.screenshots");
        if (docs != null) {
            Files.createDirectories(Path.of(docs));
            Files.write(Path.of(docs).resolve(name + ".png"), png);
        }
    }
}
