// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.client.PovmGateway;
import io.povm.client.dashboard.CoinFlipSettings;
import io.povm.client.dashboard.DashboardServer;
import io.povm.client.job.JobClient;
import io.povm.client.profile.ProfileLocator;
import io.povm.client.usage.EnergyModel;
import io.povm.client.usage.ProcessCpuSampler;
import io.povm.client.usage.UsefulWorkMeter;
import io.povm.worker.job.CoinFlip;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard end to end in Debian's headless chromium (scripts/setup-browser.sh), driven by Selenium through
 * /usr/bin/chromedriver: a coin-flip sweep submitted from the page's form is run by the three orgs' worker daemons
 * ({@link DaemonNetwork}) and its results appear in the job table, pushed by the server from the chaincode events;
 * the job's detail shows its replicas, signed attestations and verdict.
 */
class DashboardBrowserIT {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardBrowserIT.class);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);
    private static final int K = 2;
    private static final List<Integer> SEEDS = List.of(1, 2);

    private static DaemonNetwork network;
    private static DashboardServer dashboard;
    private static WebDriver browser;

    @BeforeAll
    static void three_daemons_a_dashboard_and_a_browser() throws Exception {
        assertThat(CHROMIUM).as("run scripts/setup-browser.sh").isExecutable();
        assertThat(CHROMEDRIVER).as("run scripts/setup-browser.sh").isExecutable();
        network = new DaemonNetwork("dashboard-it").start();
        final PovmGateway gateway = network.connect("org1");
        final Path runDir = Path.of(System.getenv(ProfileLocator.RUN_DIR_VARIABLE));
        dashboard = DashboardServer.builder()
                .gateway(gateway)
                .usefulWork(new UsefulWorkMeter(
                        new JobClient(gateway.chaincode()),
                        ProcessCpuSampler.system(),
                        runDir.resolve("pids"),
                        EnergyModel.DEFAULT))
                .coinFlip(CoinFlipSettings.of(Optional.of(network.coinflip), CoinFlipSettings.DEFAULT_SLA))
                .start(new InetSocketAddress("127.0.0.1", 0));
        browser = chromium();
    }

    /** Debian's chromium through Debian's chromedriver; Selenium Manager, which would download drivers, is not used. */
    private static WebDriver chromium() throws Exception {
        final ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(Files.createDirectories(network.work)
                        .resolve("chromedriver.log")
                        .toFile())
                .build();
        final ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu")
                .addArguments("--window-size=1400,2200");
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void a_sweep_submitted_from_the_page_shows_its_results_as_the_workers_reveal_them() throws IOException {
        final Instant started = Instant.now();
        browser.get(dashboard.uri().toString());
        final WebDriverWait page = new WebDriverWait(browser, PAGE_WAIT);
        page.until(ExpectedConditions.textToBe(By.id("live"), "live"));
        // The static page says "loading" until the first /api/beacon answer replaces it.
        page.until(d -> {
            final String text = d.findElement(By.id("beacon")).getText();
            return !text.isBlank() && !text.equals("loading");
        });
        assertThat(browser.findElement(By.id("beacon")).getText())
                .as("the beacon panel lists rounds, or says there is none yet")
                .doesNotStartWith("not available");

        fill("k", K);
        fill("seed-from", SEEDS.get(0));
        fill("seed-to", SEEDS.get(SEEDS.size() - 1));
        fill("replicas", 3);
        browser.findElement(By.id("submit")).click();
        page.until(ExpectedConditions.textMatches(By.id("submit-result"), Pattern.compile("^submitted 2 job")));
        final List<String> ids = Arrays.asList(browser.findElement(By.id("submit-result"))
                .getText()
                .replaceFirst("^submitted \\d+ job\\(s\\): ", "")
                .split(", "));
        assertThat(ids).hasSize(SEEDS.size());
        LOG.info("submitted {} from the page after {}", ids, Duration.between(started, Instant.now()));

        final WebDriverWait results = new WebDriverWait(browser, DaemonNetwork.RESULTS_TIMEOUT, Duration.ofSeconds(1));
        for (int i = 0; i < ids.size(); i++) {
            final By result = By.cssSelector("tr[data-job-id='" + ids.get(i) + "'] td.result");
            final String expected = flips(CoinFlip.result(Integer.toString(SEEDS.get(i)), K)) + " flips";
            results.until(ExpectedConditions.textToBe(result, expected));
        }
        LOG.info("the page showed both results after {}", Duration.between(started, Instant.now()));
        assertThat(browser.findElement(By.cssSelector("tr[data-job-id='" + ids.get(0) + "']"))
                        .getAttribute("data-state"))
                .isIn("RESOLVED_SOFT", "FINALIZED");

        browser.findElement(By.cssSelector("tr[data-job-id='" + ids.get(0) + "']"))
                .click();
        // a soft verdict needs 2 of the 3 replicas; on a loaded host the third lease may expire instead
        page.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#attestations tbody tr"), 1));
        final List<String> attested =
                browser.findElements(By.cssSelector("#attestations tbody tr td:nth-child(2)")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertThat(attested).doesNotHaveDuplicates().allMatch(worker -> worker.matches("Org[123]MSP/.+"));
        assertThat(browser.findElement(By.id("detail-verdict")).getText())
                .startsWith("soft: " + flips(CoinFlip.result(Integer.toString(SEEDS.get(0)), K)) + " flips")
                .contains("agreed Org");
        page.until(ExpectedConditions.textMatches(By.id("useful-customer"), Pattern.compile("CPU-s in [1-9]")));
        assertThat(browser.findElement(By.id("useful-share")).getText()).endsWith(" %");
        assertThat(browser.findElement(By.id("useful-energy")).getText())
                .matches("[0-9.]+ J \\([0-9.e+-]+ Wh, [0-9.e+-]+ g CO2\\)");
        assertThat(browser.findElement(By.id("energy-model")).getText()).contains("10 W per busy core", "480 gCO2/kWh");
        final List<WebElement> workers = browser.findElements(By.cssSelector("#workers tbody tr"));
        assertThat(workers).hasSizeGreaterThanOrEqualTo(3);
        screenshot("dashboard.png");
    }

    /** Saves what the browser shows under target/dashboard-it, for a reader of the test's output. */
    private static void screenshot(final String name) throws IOException {
        final byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(network.work.resolve(name), png);
    }

    private static void fill(final String id, final int value) {
        final WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(Integer.toString(value));
    }

    private static long flips(final String coinFlipOutput) {
        final Matcher matcher = Pattern.compile("\"flips\":(\\d+)").matcher(coinFlipOutput);
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
