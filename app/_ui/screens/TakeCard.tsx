"use client";

import { useEffect } from "react";
import { useT } from "../i18n/useT";
import "./take-card.css";

/** How often the reminder sounds while the card stays in the reader. */
const BEEP_EVERY_MS = 5000;

/**
 * A short two-tone chime through WebAudio: no audio file to ship, and where there is no audio (tests,
 * a terminal without speakers, an autoplay policy that keeps the context suspended) it is silent.
 */
export function beep(): void {
  const AudioContextClass = typeof window === "undefined" ? undefined : window.AudioContext;
  if (!AudioContextClass) return;
  try {
    const audio = new AudioContextClass();
    const gain = audio.createGain();
    gain.gain.value = 0.2;
    gain.connect(audio.destination);
    [880, 660].forEach((frequency, i) => {
      const tone = audio.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(audio.currentTime + i * 0.2);
      tone.stop(audio.currentTime + i * 0.2 + 0.18);
    });
    window.setTimeout(() => void audio.close().catch(() => undefined), 1000);
  } catch {
    // no sound is not a failure: the screen itself says it
  }
}

/**
 * ICカードをお取りください (R32): the visit is over but the card is still in the reader. It stays
 * until the card is taken, with a chime and an arrow toward the reader (still under
 * prefers-reduced-motion); then 終了画面.
 */
export function TakeCardScreen() {
  const t = useT();
  useEffect(() => {
    beep();
    const timer = window.setInterval(beep, BEEP_EVERY_MS);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <section aria-labelledby="take-card-title" className="take-card">
      <h1 id="take-card-title">{t("ICカードをお取りください")}</h1>
      <p className="notice warn take-card-message" role="alert">
        {t("ICカードがカードリーダーに差し込まれたままです。ICカードをお取りください。")}
      </p>
      <p>{t("ICカードの取り忘れにご注意ください。ICカードを取り出すと、終了画面に進みます。")}</p>
      <div className="take-card-arrow" aria-hidden="true">
        <span>{t("カードリーダー")}</span>
        <span className="take-card-arrow-head">▼</span>
      </div>
    </section>
  );
}
