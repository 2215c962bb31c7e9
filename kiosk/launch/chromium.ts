// What the kiosk launcher hands Chromium: the command line, the managed policy and the fresh
// profile's Preferences. Pure, so the unit test checks them without a browser.

export type LaunchSettings = {
  chromiumPath: string;
  kioskUrl: string;
  policyDir: string;
};

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";
export const DEFAULT_KIOSK_URL = "http://127.0.0.1:3000/";
/** Debian's chromium reads managed policies from here (root-owned: the bidder cannot change them). */
export const DEFAULT_POLICY_DIR = "/etc/chromium/policies/managed";
export const POLICY_FILE = "kiosk.json";

export function launchSettings(env: Record<string, string | undefined>): LaunchSettings {
  const kioskUrl = env.KIOSK_URL?.trim() || DEFAULT_KIOSK_URL;
  let url: URL;
  try {
    url = new URL(kioskUrl);
  } catch {
    throw new Error(`KIOSK_URL: "${kioskUrl}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`KIOSK_URL: "${kioskUrl}" must be an http(s) URL`);
  }
  return {
    chromiumPath: env.CHROMIUM_PATH?.trim() || DEFAULT_CHROMIUM,
    kioskUrl: url.toString(),
    policyDir: env.CHROMIUM_POLICY_DIR?.trim() || DEFAULT_POLICY_DIR,
  };
}

/**
 * Full screen with no way out to the desktop; 印刷 prints silently to the default printer
 * (--kiosk-printing); no swipe back/forward (a bidder's swipe must not leave the flow), but pinch
 * zoom stays (WCAG 1.4.4: a bidder who needs more than 特大 magnifies, issue 11 item 7); a fresh
 * profile each start, so nothing typed by the previous bidder survives a restart.
 */
export function chromiumArgs(opts: { profileDir: string; url: string }): string[] {
  return [
    "--kiosk",
    "--kiosk-printing",
    `--user-data-dir=${opts.profileDir}`,
    "--no-first-run",
    "--no-default-browser-check",
    "--overscroll-history-navigation=0",
    "--disable-features=TranslateUI",
    "--password-store=basic",
    // no "restore pages?" bubble and no session restore after a crash or a kill
    "--disable-session-crashed-bubble",
    "--hide-crash-restore-bubble",
    "--disable-sync",
    "--noerrdialogs",
    opts.url,
  ];
}

/** Chromium enterprise policy (JSON under /etc/chromium/policies/managed). */
export function kioskPolicy(): Record<string, unknown> {
  return {
    PasswordManagerEnabled: false,
    PasswordLeakDetectionEnabled: false,
    AutofillAddressEnabled: false,
    AutofillCreditCardEnabled: false,
    ImportAutofillFormData: false,
    ImportSavedPasswords: false,
    TranslateEnabled: false,
    SpellcheckEnabled: false,
    SearchSuggestEnabled: false,
    BrowserSignin: 0,
    SyncDisabled: true,
    DefaultBrowserSettingEnabled: false,
    MetricsReportingEnabled: false,
    PromotionalTabsEnabled: false,
    BrowserAddPersonEnabled: false,
    BrowserGuestModeEnabled: false,
    PrintingEnabled: true,
    // Nothing here changes where Chromium starts or blocks DevTools: the policy applies to every
    // Chromium on the machine, the browser tests' too. No session restore comes from the fresh
    // profile and the command line.
  };
}

/** The same choices in the fresh profile (they hold even where the policy file is not installed). */
export function profilePreferences(url: string): Record<string, unknown> {
  return {
    credentials_enable_service: false,
    credentials_enable_autosignin: false,
    autofill: { enabled: false, profile_enabled: false, credit_card_enabled: false },
    profile: { password_manager_enabled: false, exit_type: "Normal", exited_cleanly: true },
    translate: { enabled: false },
    browser: { check_default_browser: false },
    session: { restore_on_startup: 4, startup_urls: [url] },
  };
}

export const MIN_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 30_000;
export const STABLE_MS = 60_000;

/**
 * The wait before the next start: doubling from 1 s up to 30 s while Chromium keeps exiting
 * quickly, back to 1 s after a run that lasted a stable minute.
 */
export function nextBackoff(
  previousMs: number | null,
  ranForMs: number,
  limits = { min: MIN_BACKOFF_MS, max: MAX_BACKOFF_MS, stable: STABLE_MS },
): number {
  if (previousMs === null || ranForMs >= limits.stable) return limits.min;
  return Math.min(previousMs * 2, limits.max);
}
