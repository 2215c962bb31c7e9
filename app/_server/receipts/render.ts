import "server-only";
import { createElement, type ReactElement } from "react";
import { renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import type { ReceiptData } from "@/app/_shared/contracts";
import { db } from "@/app/_server/db";
import type { Lang } from "@/machines";
import { ReceiptDocument, type ReceiptDocumentProps } from "./document";
import { loadReceiptFont } from "./font";
import { staticReceiptTexts } from "./sections";

const STATIC_TEXTS = staticReceiptTexts();

/**
 * Renders a receipt from its stored snapshot; never from client input (R41). The language picks
 * the labels only (issue 11 item 7).
 */
export async function renderReceiptPdf(data: ReceiptData, lang: Lang = "ja"): Promise<Buffer> {
  await loadReceiptFont(STATIC_TEXTS);
  // Nearly every receipt fits on one page: laid out as one, without react-pdf's pagination pass.
  // A longer one (long addresses on a renewal) would run off the page, so it is drawn again with pages.
  let overflows = false;
  const onePage = await render({
    data,
    lang,
    onePage: true,
    onRender: (rendered) => {
      overflows = pageOverflows(rendered);
    },
  });
  return overflows ? render({ data, lang }) : onePage;
}

// ReceiptDocument renders a <Document>; the cast states that to renderToBuffer's typing.
function render(props: ReceiptDocumentProps): Promise<Buffer> {
  return renderToBuffer(createElement(ReceiptDocument, props) as ReactElement<DocumentProps>);
}

type LaidOutPage = { box?: { height?: number }; style?: { height?: number } };

/**
 * Whether a page laid out without pagination grew past its paper size. react-pdf passes its
 * layout to onRender under an internal name; if that ever goes missing, the answer is "overflows"
 * so the receipt is paginated as before rather than cut off.
 */
export function pageOverflows(rendered: unknown): boolean {
  const layout = (rendered as { _INTERNAL__LAYOUT__DATA_?: { children?: LaidOutPage[] } } | undefined)
    ?._INTERNAL__LAYOUT__DATA_;
  const pages = layout?.children;
  if (!pages || pages.length === 0) return true;
  return pages.some((page) => {
    const height = page.box?.height;
    const paper = page.style?.height;
    return height === undefined || paper === undefined || height > paper + 0.5;
  });
}

/** The snapshot taken when the operation committed, or null for an unknown 受付番号. */
export async function loadReceiptData(number: string): Promise<ReceiptData | null> {
  const receipt = await db().receipt.findUnique({ where: { number }, select: { data: true } });
  if (!receipt || typeof receipt.data !== "object" || receipt.data === null) return null;
  return receipt.data as unknown as ReceiptData;
}
