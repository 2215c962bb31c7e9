import "server-only";
import { createElement, type ReactElement } from "react";
import { renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import type { ReceiptData } from "@/app/_shared/contracts";
import { db } from "@/app/_server/db";
import type { Lang } from "@/machines";
import { ReceiptDocument } from "./document";
import { registerReceiptFont } from "./font";

/**
 * Renders a receipt from its stored snapshot; never from client input (R41). The language picks
 * the labels only (issue 11 item 7).
 */
export async function renderReceiptPdf(data: ReceiptData, lang: Lang = "ja"): Promise<Buffer> {
  registerReceiptFont();
  // ReceiptDocument renders a <Document>; the cast states that to renderToBuffer's typing.
  return renderToBuffer(createElement(ReceiptDocument, { data, lang }) as ReactElement<DocumentProps>);
}

/** The snapshot taken when the operation committed, or null for an unknown 受付番号. */
export async function loadReceiptData(number: string): Promise<ReceiptData | null> {
  const receipt = await db().receipt.findUnique({ where: { number }, select: { data: true } });
  if (!receipt || typeof receipt.data !== "object" || receipt.data === null) return null;
  return receipt.data as unknown as ReceiptData;
}
