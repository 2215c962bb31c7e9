import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createActor } from "xstate";
import type { CardView, CompanyView, ContactView } from "@/app/_shared/contracts";
import { createKioskPort, KioskPortContext } from "@/app/_ui/kioskPort";
import { kioskMachine, type Lang } from "@/machines";
import type { SearchView } from "@/machines/registration.types";

export const company: CompanyView = {
  companyName: "株式会社さいたま建設 さいたま支店",
  postalCode: "330-0063",
  address: "埼玉県さいたま市浦和区高砂3-15-1",
  representativeName: "埼玉 太郎",
  representativeTitle: "支店長",
  phone: "048-000-0000",
  fax: "048-000-0001",
  departmentName: "工事課",
  previousInfoShown: false,
};

export const contact: ContactView = {
  contactName: "工務課",
  postalCode: "330-0063",
  address: "埼玉県さいたま市浦和区高砂3-15-1",
  personName: "埼玉 花子",
  phone: "048-000-0000",
  fax: "",
  email: "hanako@example.jp",
};

export const card: CardView = {
  issuer: "OU=Demo Organization CA U8,O=LGPKI-DEMO,C=JP",
  serialHex: "3ec04e4b13c53d1d",
  serialDecimal: "4521700110241185053",
  subject: "CN=埼玉 太郎,O=株式会社さいたま建設",
  holderName: "埼玉 太郎",
  holderAddress: "Saitama Saitama-shi",
  companyOnCard: "株式会社さいたま建設",
  notBefore: "2026-10-27T00:00:00Z",
  notAfter: "2028-11-26T14:59:59Z",
  fingerprint: "00",
  daysLeft: 730,
};

export function searchView(overrides: Partial<SearchView> = {}): SearchView {
  return {
    userId: "1000000001",
    company,
    representative: null,
    holderCheck: { matches: true, message: null },
    ...overrides,
  };
}

/**
 * `screen`'s markup inside a kiosk page whose actor (the machine without the server's
 * implementations) runs at screen 1 after the bidder chose `lang`.
 */
export function renderInKiosk(lang: Lang, screen: ReactNode): string {
  const port = createKioskPort();
  port.attach(createActor(kioskMachine, { input: { idleSeconds: 60, warningSeconds: 30, endSeconds: 8 } }));
  port.send({ type: "access.lang", lang });
  try {
    return renderToStaticMarkup(createElement(KioskPortContext.Provider, { value: port }, screen));
  } finally {
    port.detach();
  }
}
