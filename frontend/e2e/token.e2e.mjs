// End-to-end: outside demo mode the UI asks for the token once, or takes it once from ?token=.
// usage: node e2e/token.e2e.mjs http://127.0.0.1:PORT TOKEN
import { check, launch } from "./browser.mjs";

const [base, token] = process.argv.slice(2);
if (!base || !token) throw new Error("usage: token.e2e.mjs BASE_URL TOKEN");

const context = await launch();
try {
  const page = await context.newPage();
  await page.goto(`${base}/infrastructure`);
  await page.waitForSelector("input[aria-label='API token']");
  check(true, "without a token the UI asks for one");

  await page.fill("input[aria-label='API token']", "wrong-token-123456");
  await page.click("button[type=submit]");
  await page.waitForSelector("text=That token was not accepted.");
  check(true, "a wrong token is refused");

  await page.goto(`${base}/infrastructure?token=${encodeURIComponent(token)}`);
  await page.waitForSelector("text=No nodes yet");
  check(!page.url().includes("token="), "a ?token= link is taken once and removed from the address bar");
  await page.waitForSelector("[data-testid=live-status]:has-text('live')");
  check(true, "the WebSocket connects with the stored token");

  await page.goto(`${base}/workloads`);
  await page.waitForSelector("[data-testid=workload-count]");
  check(true, "the token is remembered across page loads");
} finally {
  await context.close();
}
console.log("token e2e passed");
