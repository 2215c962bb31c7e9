"use client";
// 文字サイズ, 高コントラスト and English on every kiosk screen (issue 11 item 7): the bidder's choice,
// held by the kiosk machine for a visit (useAccessModes) or by the page itself where no visit runs
// (useLocalAccess), and shown through the document root either way.
import type { TextSize } from "@/machines";
import { NATIVE_NAME } from "./i18n/languages";
import { loadEnglish, msgid, translate } from "./i18n/translate";
import type { AccessHandle } from "./useAccessModes";

const SIZES: { size: TextSize; label: string }[] = [
  { size: "standard", label: msgid("標準") },
  { size: "large", label: msgid("大") },
  { size: "xlarge", label: msgid("特大") },
];

/**
 * English once its catalog is here (a chunk of its own, issue 13 item 1): the screen turns English
 * in one step instead of showing Japanese under lang="en" for the moment the fetch takes. Should
 * the fetch fail, English is still switched on; translate() falls back to Japanese and asks again.
 */
function toEnglish(modes: AccessHandle): void {
  void loadEnglish()
    .catch(() => undefined)
    .then(() => modes.lang("en"));
}

export function AccessControls({ modes }: { modes: AccessHandle }) {
  const { access } = modes;
  // the language of the modes shown here, whoever holds them
  const t = (ja: string) => translate(access.lang, ja);
  return (
    <div className="access-controls">
      {/* toggle buttons, not radios: one tap each, and aria-pressed tells a screen reader which is on */}
      <div role="group" aria-label={t("文字サイズ")} className="access-group">
        <span className="access-label" aria-hidden="true">
          {t("文字サイズ")}
        </span>
        {SIZES.map(({ size, label }) => (
          <button
            key={size}
            type="button"
            aria-pressed={access.textSize === size}
            onClick={() => modes.textSize(size)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <button
        type="button"
        aria-pressed={access.highContrast}
        onClick={() => modes.contrast(!access.highContrast)}
      >
        {t("高コントラスト")}
      </button>
      {/* The switch names the other language in that language, so whoever cannot read this
          screen can still find the way into their own. */}
      {access.lang === "ja" ? (
        <button type="button" lang="en" onClick={() => toEnglish(modes)}>
          {NATIVE_NAME.en}
        </button>
      ) : (
        <button type="button" lang="ja" onClick={() => modes.lang("ja")}>
          {NATIVE_NAME.ja}
        </button>
      )}
    </div>
  );
}
