import "server-only";
import { z } from "@/app/_shared/zod";
import { crlSources, readableFiles } from "./settings/certificates";
import {
  DEFAULT_CLOSED_DAYS,
  DEFAULT_OPERATING_HOURS,
  parseClosedDays,
  parseOperatingHours,
  validSetting,
} from "./settings/hours";

// Every setting the server reads, validated once; a bad value stops the server naming the variable.
const schema = z.object({
  DATABASE_URL: z.string().default("file:./.data/kiosk.db"),
  TERMINAL_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, "letters, digits, - and _ only")
    .default("KIOSK-01"),
  /** Minutes a kiosk session lives after its last proven step. */
  KIOSK_SESSION_TTL_MINUTES: z.coerce.number().int().min(1).max(120).default(20),
  /** Seconds without a touch before the inactivity warning (R32), and the warning's countdown. */
  KIOSK_IDLE_SECONDS: z.coerce.number().int().min(10).max(3600).default(180),
  KIOSK_IDLE_WARNING_SECONDS: z.coerce.number().int().min(5).max(300).default(30),
  /** R11 brute-force limits. */
  SEARCH_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SEARCH_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Comma-separated PEM files of the CAs whose cards are accepted (R18). */
  TRUSTED_CA_FILES: z.string().default(".data/pki/trust/lgpki-demo.pem,.data/pki/trust/commercial-demo.pem"),
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().default("埼玉県電子入札共同システム <no-reply@ebid.example.jp>"),
  /** Delivery attempts per outbox email before it is marked failed (R40). */
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  /** Comma-separated PEM files of intermediate CAs between the trust anchors and the cards (R18). */
  INTERMEDIATE_CA_FILES: z.string().default("").superRefine(readableFiles),
  /** Comma-separated CRL files or http://127.0.0.1… URLs; a card whose CA has one is checked (R18). */
  CRL_SOURCES: z.string().default("").superRefine(crlSources),
  /** Nightly propagation (R21, R22): Asia/Tokyo time of day of the in-server run, HH:MM. */
  BATCH_TIME: z
    .string()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "HH:MM (00:00-23:59, Asia/Tokyo)")
    .default("02:00"),
  /** "off": this server process schedules no nightly run (npm run batch:nightly still works). */
  BATCH_SCHEDULE: z.enum(["on", "off"]).default("on"),
  /** Seconds without a heartbeat after which a "running" batch counts as crashed and is taken over. */
  BATCH_STALE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /**
   * Propagation tasks applied per transaction (the most a crash can roll back). Each commit costs
   * an fsync or two; 10000 keeps 100,000 registrations within 2× of one raw INSERT…SELECT.
   */
  BATCH_CHUNK_SIZE: z.coerce.number().int().min(1).max(100_000).default(10_000),
  /** R23: opening and closing time on operating days, Asia/Tokyo ("08:30-20:00"). */
  OPERATING_HOURS: z.string().default(DEFAULT_OPERATING_HOURS).superRefine(validSetting(parseOperatingHours)),
  /** R23: closed days besides weekends and public holidays: MM-DD every year, YYYY-MM-DD once. */
  CLOSED_DAYS: z.string().default(DEFAULT_CLOSED_DAYS).superRefine(validSetting(parseClosedDays)),
  /** R23: minutes a terminal opened outside operating hours (with a reason) accepts walk-ins. */
  OVERRIDE_MINUTES: z.coerce.number().int().min(1).max(1440).default(120),
  /** Minutes a staff sign-in lives after the staff member's last request (sliding). */
  STAFF_SESSION_MINUTES: z.coerce.number().int().min(5).max(720).default(60),
  /** Failed sign-ins per login within the window before that login is refused for a while. */
  STAFF_SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  STAFF_SIGNIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Failed sign-ins from one source address (any logins) within the window before it is refused. */
  STAFF_SIGNIN_SOURCE_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(20),
  /** "on": a reverse proxy of ours is in front, and x-forwarded-for's last entry is the client. */
  TRUST_PROXY: z.enum(["on", "off"]).default("off"),
  /** Signs the staff JWT; unset = a random secret kept in .data/nextauth-secret beside the DB. */
  NEXTAUTH_SECRET: z.string().min(32).optional(),
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

export function config(): Config {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid kiosk configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change the environment between cases. */
export function resetConfigForTests(): void {
  cached = undefined;
}
