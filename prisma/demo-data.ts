// The demo data of ../shared/DEMO-DATA.md (a contract: tests and acceptance checks rely on it).
// Only the rows listed there plus the company details they imply; no card is registered.

import type { CompanyInfo as Company } from "@/app/_shared/contracts";

export const DEMO_AGENCIES = [
  { code: "110000", name: "埼玉県", goods: true },
  { code: "111007", name: "さいたま市", goods: true },
  { code: "112011", name: "川越市", goods: false },
  { code: "112020", name: "熊谷市", goods: false },
  { code: "112038", name: "川口市", goods: true },
] as const;

export type DemoQualification = {
  userId: string;
  kind: "construction" | "goods";
  officialName: string;
  password: string;
  status: "approved" | "reviewing" | "lapsed";
  agencies: string[];
  /** days before the seed day that the password was last changed (0 = today, R14) */
  passwordChangedDaysAgo: number;
  successorUserId?: string;
  delegated: boolean;
  company: Company;
  previousCompany?: Company;
};

const SAITAMA: Company = {
  companyName: "株式会社さいたま建設 さいたま支店",
  postalCode: "330-0063",
  address: "埼玉県さいたま市浦和区高砂3-15-1",
  representativeName: "埼玉 太郎",
  representativeTitle: "支店長",
  phone: "048-000-0000",
  fax: "048-000-0001",
  departmentName: "工事課",
};

const KUMAGAI: Company = {
  companyName: "熊谷工業株式会社",
  postalCode: "360-0041",
  address: "埼玉県熊谷市宮町2-47-1",
  representativeName: "熊谷 三郎",
  representativeTitle: "代表取締役",
  phone: "048-500-0000",
  fax: "048-500-0001",
  departmentName: "総務部",
};

export const DEMO_QUALIFICATIONS: DemoQualification[] = [
  {
    userId: "1000000001",
    kind: "construction",
    officialName: "株式会社さいたま建設",
    password: "Saitama1",
    status: "approved",
    agencies: ["110000", "111007", "112011"],
    passwordChangedDaysAgo: 120,
    delegated: true,
    company: SAITAMA,
  },
  {
    userId: "2000000001",
    kind: "goods",
    officialName: "株式会社さいたま建設",
    password: "Buppin01",
    status: "approved",
    agencies: ["110000", "111007"],
    passwordChangedDaysAgo: 90,
    delegated: true,
    company: { ...SAITAMA, departmentName: "資材課" },
  },
  {
    userId: "1000000002",
    kind: "construction",
    officialName: "川越土木株式会社",
    password: "Kawagoe2",
    status: "approved",
    agencies: ["110000", "112011"],
    passwordChangedDaysAgo: 0,
    delegated: false,
    company: {
      companyName: "川越土木株式会社",
      postalCode: "350-0043",
      address: "埼玉県川越市新富町1-22",
      representativeName: "川越 次郎",
      representativeTitle: "代表取締役",
      phone: "049-200-0000",
      fax: "049-200-0001",
      departmentName: "工務部",
    },
  },
  {
    userId: "1000000003",
    kind: "construction",
    officialName: "熊谷工業株式会社",
    password: "Kumagai3",
    status: "lapsed",
    agencies: ["110000"],
    passwordChangedDaysAgo: 700,
    successorUserId: "1000000004",
    delegated: false,
    company: KUMAGAI,
  },
  {
    userId: "1000000004",
    kind: "construction",
    officialName: "熊谷工業株式会社",
    password: "Kumagai4",
    status: "approved",
    agencies: ["110000", "112020"],
    passwordChangedDaysAgo: 60,
    delegated: false,
    company: KUMAGAI,
  },
  {
    userId: "1000000005",
    kind: "construction",
    officialName: "川口設備株式会社",
    password: "Kawagu05",
    status: "reviewing",
    agencies: ["110000", "112038"],
    passwordChangedDaysAgo: 45,
    delegated: false,
    company: {
      companyName: "川口設備株式会社",
      postalCode: "332-0012",
      address: "埼玉県川口市本町4-1-8",
      representativeName: "川口 四郎",
      representativeTitle: "代表取締役",
      phone: "048-222-0000",
      fax: "048-222-0001",
      departmentName: "設備部",
    },
    previousCompany: {
      companyName: "川口設備株式会社",
      postalCode: "332-0034",
      address: "埼玉県川口市並木2-3-5",
      representativeName: "川口 一郎",
      representativeTitle: "代表取締役",
      phone: "048-250-0000",
      fax: "048-250-0001",
      departmentName: "設備部",
    },
  },
];

/** DEMO-DATA.md "Staff": the console's sign-ins (argon2id-hashed by the seed). */
export const DEMO_STAFF = [
  { login: "staff01", password: "kiosk-staff-01", role: "staff", displayName: "デモ職員" },
  { login: "admin01", password: "kiosk-admin-01", role: "admin", displayName: "デモ管理者" },
] as const;
