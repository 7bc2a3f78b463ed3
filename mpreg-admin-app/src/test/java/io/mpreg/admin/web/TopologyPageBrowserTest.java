package io.mpreg.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import io.mpreg.admin.AdminAppTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * Loads the topology page in Debian's headless Chromium: 203 members of two
 * clusters are drawn, clicking one opens its details. Skipped where
 * {@code /usr/bin/chromedriver} is missing ({@code .ci/run} installs it).
 */
class TopologyPageBrowserTest extends AdminAppTestBase {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @LocalServerPort
    int port;

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "no /usr/bin/chromedriver");
        profile = Files.createTempDirectory("mpreg-admin-chromium");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--window-size=1600,1200", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    @Test
    void theTopologyDrawsEveryMemberAndShowsANodesDetailsWhenClicked() throws IOException {
        browser.get("http://127.0.0.1:" + port + "/#topology");
        // The page redraws after every poll (every 200 ms here): look elements up again when they go stale.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);

        wait.until(driver -> driver.findElements(By.cssSelector("#topology g.node")).size() == 203);
        assertThat(browser.findElements(By.cssSelector("g.node[data-cluster='big']"))).hasSize(200);
        wait.until(ExpectedConditions.textToBe(By.id("connection"), "live"));

        wait.until(driver -> {
            driver.findElement(By.cssSelector("g.node[data-cluster='small'][data-id='node-001'] circle")).click();
            return true;
        });

        wait.until(ExpectedConditions.textToBe(By.id("detail-title"), "node-001"));
        wait.until(ExpectedConditions.textToBe(By.id("detail-functions"), "echo"));
        wait.until(ExpectedConditions.textToBe(By.id("detail-resources"), "cpu"));

        File screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path saved = Path.of("target", "admin-topology.png");
        Files.copy(screenshot.toPath(), saved, StandardCopyOption.REPLACE_EXISTING);
        assertThat(saved).isNotEmptyFile();
    }
}
