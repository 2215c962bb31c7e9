// R23's settings, OPERATING_HOURS and CLOSED_DAYS: parsed here, validated at boot by config.ts
// (the messages name the bad entry), used by visit/hours.ts. Pure.

/** A closed day: every year on month/day, or once when `year` is set. */
export type ClosedDay = { month: number; day: number; year?: number };

export type HoursSettings = {
  /** minutes after Tokyo midnight */
  opensAtMinute: number;
  closesAtMinute: number;
  closedDays: ClosedDay[];
};

export const DEFAULT_OPERATING_HOURS = "08:30-20:00";
export const DEFAULT_CLOSED_DAYS = "12-29,12-30,12-31,01-01,01-02,01-03";

function parseTime(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

/** "08:30-20:00" → minutes after midnight; throws naming the value. */
export function parseOperatingHours(setting: string): { opensAtMinute: number; closesAtMinute: number } {
  const [from, to, ...rest] = setting.split("-");
  const opens = from === undefined ? null : parseTime(from);
  const closes = to === undefined ? null : parseTime(to);
  if (rest.length > 0 || opens === null || closes === null || opens >= closes) {
    throw new Error(`"${setting}" is not a range like 08:30-20:00 (opening before closing, Tokyo time)`);
  }
  return { opensAtMinute: opens, closesAtMinute: closes };
}

/** "12-29,…,2027-05-06" → closed days; throws naming the first bad entry. */
export function parseClosedDays(setting: string): ClosedDay[] {
  const entries = setting
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  return entries.map((entry) => {
    const m = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(entry);
    const year = m?.[1] === undefined ? undefined : Number(m[1]);
    const month = Number(m?.[2]);
    const day = Number(m?.[3]);
    // a leap year for MM-DD entries, so 02-29 is accepted as "every 29 February"
    const probe = new Date(Date.UTC(year ?? 2028, month - 1, day));
    if (!m || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
      throw new Error(`"${entry}" is not a day (MM-DD for every year, YYYY-MM-DD for once)`);
    }
    return year === undefined ? { month, day } : { year, month, day };
  });
}

export function hoursSettings(env: { OPERATING_HOURS: string; CLOSED_DAYS: string }): HoursSettings {
  return { ...parseOperatingHours(env.OPERATING_HOURS), closedDays: parseClosedDays(env.CLOSED_DAYS) };
}

/** For config.ts: a zod superRefine that reports a parser's error as the variable's issue. */
export function validSetting(parse: (setting: string) => unknown) {
  return (value: string, ctx: { addIssue: (issue: { code: "custom"; message: string }) => void }) => {
    try {
      parse(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
    }
  };
}
