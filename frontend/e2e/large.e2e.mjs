// End-to-end: /workloads with thousands of guests renders only the rows near the viewport.
// usage: node e2e/large.e2e.mjs BASE_URL TOKEN EXPECTED_GUESTS
import { check, launch } from "./browser.mjs";

const [base, token, expected] = process.argv.slice(2);
if (!expected) throw new Error("usage: large.e2e.mjs BASE_URL TOKEN EXPECTED_GUESTS");

const context = await launch();
try {
  const page = await context.newPage();
  await page.goto(`${base}/workloads?token=${encodeURIComponent(token)}`);
  await page.waitForFunction((n) => document.querySelector("[data-testid=workload-count]")?.textContent === `${n} shown`,
    Number(expected), { timeout: 60_000 });
  const rendered = await page.$$eval("[data-testid=workload-row]", (rows) => rows.length);
  check(rendered > 0 && rendered < 200, `only ${rendered} of ${expected} rows are in the DOM`);

  const started = Date.now();
  await page.evaluate(() => {
    const scroller = document.querySelector("[data-testid=workload-row]")?.closest("div.overflow-y-auto");
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  });
  await page.waitForSelector("[data-testid=workload-row][data-name='web02']");
  console.log(`scrolled to the end in ${Date.now() - started} ms`);
  check(true, "scrolling to the end shows the last rows (sorted by name: web02)");
  const after = await page.$$eval("[data-testid=workload-row]", (rows) => rows.length);
  check(after < 200, `still only ${after} rows in the DOM after scrolling`);
} finally {
  await context.close();
}
console.log("large e2e passed");
