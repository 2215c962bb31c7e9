import holidayJp from "@holiday-jp/holiday_jp";
import type { HoursSettings } from "../settings/hours";

export {
  DEFAULT_CLOSED_DAYS,
  DEFAULT_OPERATING_HOURS,
  hoursSettings,
  parseClosedDays,
  parseOperatingHours,
} from "../settings/hours";
export type { ClosedDay, HoursSettings } from "../settings/hours";

// R23 operating hours: weekdays, OPERATING_HOURS in Asia/Tokyo, except Japanese public holidays
// and the configured closed days. Pure (the clock is an argument) and independent of the server's
// TZ: every calendar fact is computed on Tokyo time, which is UTC+9 all year (Japan has no DST).

const TOKYO_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;
/** how far nextOpening looks ahead before giving up (a closed-days list that closes every day) */
const LOOKAHEAD_DAYS = 400;

export type OperatingState = {
  inHours: boolean;
  /** today (Tokyo) is a weekday that is neither a public holiday nor a closed day */
  operatingDay: boolean;
  /** the next in-hours start after `now` (skipping weekends, holidays and closed days) */
  nextOpening: Date | null;
  /** today's closing time while in hours */
  closesAt: Date | null;
};

type TokyoDate = { year: number; month: number; day: number };

function tokyoShifted(now: Date): Date {
  return new Date(now.getTime() + TOKYO_OFFSET_MS);
}

function tokyoDate(now: Date): TokyoDate {
  const t = tokyoShifted(now);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** The instant of `minute` minutes after midnight of a Tokyo calendar date. */
function tokyoInstant(d: TokyoDate, minute: number): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day, 0, minute) - TOKYO_OFFSET_MS);
}

function addDays(d: TokyoDate, days: number): TokyoDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + days * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

const pad = (n: number) => String(n).padStart(2, "0");

function isoDate(d: TokyoDate): string {
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** Whether the Tokyo calendar date is a day the helpdesk works. */
export function isOperatingDay(d: TokyoDate, settings: HoursSettings): boolean {
  const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  // the string form: isHoliday(Date) would read the date in the server's local time zone
  if (holidayJp.isHoliday(isoDate(d))) return false;
  return !settings.closedDays.some(
    (c) => c.month === d.month && c.day === d.day && (c.year === undefined || c.year === d.year),
  );
}

export function operatingState(now: Date, settings: HoursSettings): OperatingState {
  const today = tokyoDate(now);
  const operatingDay = isOperatingDay(today, settings);
  const opensAt = tokyoInstant(today, settings.opensAtMinute);
  const closesAt = tokyoInstant(today, settings.closesAtMinute);
  const inHours = operatingDay && now >= opensAt && now < closesAt;
  let nextOpening: Date | null = null;
  if (operatingDay && now < opensAt) nextOpening = opensAt;
  else {
    for (let i = 1; i <= LOOKAHEAD_DAYS && !nextOpening; i++) {
      const day = addDays(today, i);
      if (isOperatingDay(day, settings)) nextOpening = tokyoInstant(day, settings.opensAtMinute);
    }
  }
  return { inHours, operatingDay, nextOpening, closesAt: inHours ? closesAt : null };
}

// ---- wording for the closed screen and the staff page ----

const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"];

function clockText(minute: number): string {
  return `${Math.floor(minute / 60)}:${pad(minute % 60)}`;
}

/** 「平日 8:30〜20:00」 */
export function hoursText(settings: HoursSettings): string {
  return `平日 ${clockText(settings.opensAtMinute)}〜${clockText(settings.closesAtMinute)}`;
}

/** 「11月27日(金) 8:30」 in Tokyo time. */
export function tokyoDateTimeText(at: Date): string {
  const t = tokyoShifted(at);
  const minute = t.getUTCHours() * 60 + t.getUTCMinutes();
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日(${WEEKDAYS[t.getUTCDay()]}) ${clockText(minute)}`;
}
