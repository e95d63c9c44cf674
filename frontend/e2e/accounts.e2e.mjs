// End-to-end: first-run setup with the bootstrap token, accounts and roles, a token shown once,
// a viewer who sees no settings and cannot acknowledge, and the sign-in lockout.
// Then an OpenID Connect provider is added through the UI, tested, and used to sign in.
// Then a SAML IdP, whose signed answer signs someone in, and whose single logout signs them out.
// usage: node e2e/accounts.e2e.mjs BASE_URL BOOTSTRAP_TOKEN OIDC_DISCOVERY_URL SAML_ENTITY SAML_SSO SAML_SLO SAML_CERT_PEM
import { check, launch } from "./browser.mjs";

const [base, bootstrap, discovery, samlEntity, samlSso, samlSlo, samlCert] = process.argv.slice(2);
if (!samlCert) throw new Error("usage: accounts.e2e.mjs BASE_URL BOOTSTRAP_TOKEN OIDC_DISCOVERY_URL SAML_ENTITY SAML_SSO SAML_SLO SAML_CERT_PEM");

const context = await launch();
try {
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.waitForSelector("[data-testid=setup-form]");
  await page.fill("input[name=bootstrapToken]", "not-the-token");
  await page.fill("input[name=username]", "admin");
  await page.fill("input[name=password]", "first admin password");
  await page.fill("input[name=repeat]", "first admin password");
  await page.click("[data-testid=setup-form] button[type=submit]");
  const wrong = await (await page.waitForSelector("[data-testid=sign-in-error]")).textContent();
  check(wrong?.includes("bootstrap token is wrong") ?? false, `a wrong bootstrap token is refused (${wrong})`);
  await page.fill("input[name=bootstrapToken]", bootstrap);
  await page.click("[data-testid=setup-form] button[type=submit]");
  await page.waitForSelector("[data-testid=signed-in-as]:has-text('admin')");
  check(true, "the bootstrap token creates the first admin, who is signed in");
  const cookie = (await context.cookies()).find((c) => c.name === "pulse_session");
  check(cookie?.httpOnly && cookie.sameSite === "Strict", `the session cookie is HttpOnly and SameSite=Strict (${JSON.stringify(cookie)})`);

  await page.click("a[href='/settings']");
  await page.waitForSelector("[data-testid=security-section]");
  await page.fill("input[name=newUsername]", "val");
  await page.fill("input[name=newPassword]", "viewer password 1");
  await page.selectOption("select[name=newRole]", "viewer");
  await page.click("[data-testid=user-form] button[type=submit]");
  await page.waitForSelector("[data-testid=user-row][data-name=val]");
  check(true, "an admin adds a viewer account");
  check((await page.$("[data-testid=user-row][data-name=admin] [data-testid=set-password]")) === null,
    "no Set password on one's own row: that needs the current password");
  page.once("dialog", (d) => d.accept("viewer password 1")); // the password val signs in with below
  await page.click("[data-testid=user-row][data-name=val] [data-testid=set-password]");
  const reset = await (await page.waitForSelector("[data-testid=users-message]:has-text('password')")).textContent();
  check(reset?.includes("sessions have ended") ?? false, `an admin sets another person's password (${reset})`);
  await page.fill("input[name=roleName]", "oncall");
  await page.check("[data-testid=role-allow][data-scope='monitoring:write']");
  await page.check("[data-testid=role-deny][data-scope='audit:read']");
  await page.click("[data-testid=role-form] button[type=submit]");
  const role = await (await page.waitForSelector("[data-testid=role-row][data-name=oncall]")).textContent();
  check(role?.includes("allows monitoring:write") && role.includes("denies audit:read"), `a custom role with a deny is saved (${role})`);
  await page.fill("input[name=tokenName]", "grafana");
  await page.click("[data-testid=token-form] button[type=submit]");
  const issued = await (await page.waitForSelector("[data-testid=issued-token] code")).textContent();
  check(issued?.startsWith("pulse_") ?? false, "a new token is shown once");
  const listed = await page.textContent("[data-testid=token-row][data-name=grafana]");
  check(!listed.includes(issued) && listed.includes(issued.slice(-4)), `afterwards only its last characters are listed (${listed})`);

  await page.fill("input[name=ssoId]", "corp");
  await page.fill("input[name=ssoName]", "Corp SSO");
  await page.fill("input[name=ssoDiscovery]", discovery);
  await page.fill("input[name=ssoClientId]", "pulse");
  await page.fill("input[name=ssoClientSecret]", "client-secret-1");
  await page.fill("input[name=ssoGroupRoles]", "pulse-admins=admin, staff=viewer");
  await page.click("[data-testid=sso-form] button[type=submit]");
  await page.waitForSelector("[data-testid=sso-row][data-id=corp]");
  await page.click("[data-testid=sso-row][data-id=corp] [data-testid=sso-test]");
  const tested = await (await page.waitForSelector("[data-testid=sso-test-result]:has-text('ok')")).textContent();
  check(tested?.includes("PKCE") ?? false, `an OIDC provider is added and its Test reads the discovery document (${tested})`);

  await page.fill("input[name=ssoId]", "corpsaml");
  await page.fill("input[name=ssoName]", "Corp SAML");
  await page.selectOption("select[name=ssoType]", "saml");
  await page.fill("input[name=ssoIdpEntityId]", samlEntity);
  await page.fill("input[name=ssoIdpSsoUrl]", samlSso);
  await page.fill("input[name=ssoIdpSloUrl]", samlSlo);
  await page.fill("textarea[name=ssoIdpCertificate]", samlCert);
  await page.fill("input[name=ssoGroupsClaim]", "memberOf");
  await page.fill("input[name=ssoGroupRoles]", "ops=operator");
  await page.click("[data-testid=sso-form] button[type=submit]");
  await page.waitForSelector("[data-testid=sso-row][data-id=corpsaml]");
  check(true, "a SAML IdP is added through the UI");

  await page.click("[data-testid=audit-verify]");
  const verified = await (await page.waitForSelector("[data-testid=audit-verification]")).textContent();
  check(verified?.startsWith("Intact") ?? false, `the audit log verifies (${verified})`);
  await page.waitForSelector("[data-testid=audit-row]:has-text('POST /api/security/users')");
  const actions = await page.$$eval("[data-testid=audit-row]", (rows) => rows.map((r) => r.textContent));
  check(actions.some((a) => a.includes("admin") && a.includes("POST /api/security/users") && a.includes("success 201")),
    `the audit log shows who added the account (${actions.length} entries)`);

  await page.click("[data-testid=sign-out]");
  await page.waitForSelector("[data-testid=login-form]");
  check(true, "signing out leads to the sign-in form");
  await page.fill("input[name=username]", "val");
  await page.fill("input[name=password]", "viewer password 1");
  await page.click("[data-testid=login-form] button[type=submit]");
  await page.waitForSelector("[data-testid=signed-in-as]:has-text('val')");
  const nav = await page.$$eval("header nav a", (links) => links.map((a) => a.getAttribute("href")));
  check(!nav.includes("/settings") && nav.includes("/alerts"), `a viewer has no Settings in the menu (${nav.join(" ")})`);
  await page.click("a[href='/alerts']");
  await page.waitForSelector("[data-testid=tab-history]");
  check((await page.$("[data-testid=tab-rules]")) === null && (await page.$("[data-testid=ack]")) === null,
    "nor rule editing or acknowledging");
  const forced = await page.evaluate(async () => (await fetch("/api/connections")).status);
  check(forced === 403, `and the server refuses what the UI hides (${forced})`);

  await page.click("[data-testid=sign-out]");
  for (let i = 0; i < 5; i++) {
    await page.fill("input[name=username]", "val");
    await page.fill("input[name=password]", `guess ${i} wrong`);
    await page.click("[data-testid=login-form] button[type=submit]");
    await page.waitForSelector(`[data-testid=sign-in-error]`);
  }
  await page.fill("input[name=password]", "viewer password 1");
  await page.click("[data-testid=login-form] button[type=submit]");
  await page.waitForSelector("[data-testid=sign-in-error]:has-text('too many')");
  check(true, "after five failures even the right password is refused for now");

  await page.click("[data-testid=sso-sign-in][data-id=corp]");
  await page.waitForSelector("[data-testid=signed-in-as]:has-text('dana')", { timeout: 30_000 });
  const danaNav = await page.$$eval("header nav a", (links) => links.map((a) => a.getAttribute("href")));
  check(danaNav.includes("/settings"), "signing in through the OIDC provider opens a session whose role comes from the groups claim");
  const me = await page.evaluate(async () => (await (await fetch("/api/security/status")).json()).user);
  check(me.kind === "session" && me.roles.includes("admin"), `dana is an admin through pulse-admins (${JSON.stringify(me.roles)})`);

  await page.click("[data-testid=sign-out]");
  await page.click("[data-testid=sso-sign-in][data-id=corpsaml]");
  await page.waitForSelector("[data-testid=signed-in-as]:has-text('frank')", { timeout: 30_000 });
  const frank = await page.evaluate(async () => (await (await fetch("/api/security/status")).json()).user);
  check(frank.source === "saml:corpsaml" && frank.roles.includes("operator"),
    `the IdP's signed answer signs frank in as an operator through memberOf (${JSON.stringify(frank)})`);
  await page.click("[data-testid=sign-out]");
  await page.waitForSelector("[data-testid=login-form]", { timeout: 30_000 });
  const after = await page.evaluate(async () => (await (await fetch("/api/security/status")).json()).user);
  check(after === null, "signing out goes through the IdP's single logout and comes back signed out");
} finally {
  await context.close();
}
console.log("accounts e2e passed");
