import "server-only";
import { Document, Page, StyleSheet, Text, View, type DocumentProps } from "@react-pdf/renderer";
import type { ReceiptData } from "@/app/_shared/contracts";
import type { Lang } from "@/machines";
import { RECEIPT_FONT, textWidth } from "./font";
import { receiptLayout, type Row } from "./sections";
import { VerificationBlock } from "./verification-block";

const FONT_SIZE = 9.5;
const PADDING_X = 44;
const A4 = { width: 595.28, height: 841.89 };
const CONTENT_WIDTH = A4.width - 2 * PADDING_X;
const LABEL_WIDTH: Record<Lang, number> = { ja: 160, en: 230 };

const styles = StyleSheet.create({
  page: {
    fontFamily: RECEIPT_FONT,
    fontSize: FONT_SIZE,
    paddingVertical: 36,
    paddingHorizontal: PADDING_X,
    lineHeight: 1.45,
  },
  // Without pagination react-pdf sizes the page to its content: held at A4 at least.
  onePage: { minHeight: A4.height },
  title: { fontSize: 16, textAlign: "center", marginBottom: 12 },
  header: { borderBottomWidth: 1, borderBottomColor: "#000", paddingBottom: 6, marginBottom: 8 },
  section: {
    fontSize: 10.5,
    marginTop: 8,
    marginBottom: 2,
    borderBottomWidth: 0.5,
    borderBottomColor: "#666",
  },
  row: { flexDirection: "row" },
  label: { width: LABEL_WIDTH.ja },
  // English labels carry the bracketed Japanese term: wide enough that most stay on one line.
  labelEnglish: { width: LABEL_WIDTH.en },
  value: { flex: 1 },
  notes: { marginTop: 12, paddingTop: 6, borderTopWidth: 1, borderTopColor: "#000" },
  reminder: { marginTop: 6, fontSize: 11, textAlign: "center" },
});

// Under the width by a margin: the estimate leaves out kerning and the line breaker's rounding.
const fitsOnOneLine = (text: string, width: number) => {
  const measured = textWidth(text, FONT_SIZE);
  return measured !== null && measured <= width * 0.97 - 1;
};

/**
 * The rows as two columns of one text each, when every label and value fits on one line: the
 * lines then fall exactly where the rows would, at a fifth of the text nodes (each costs a text
 * layout and a flexbox node; issue 13 item 2). A row that would wrap needs its own row to keep
 * its label beside it, and a paginated page must be able to break between rows.
 */
function canDrawAsColumns(rows: readonly Row[], lang: Lang): boolean {
  const labelWidth = LABEL_WIDTH[lang];
  return (
    rows.length > 0 &&
    rows.every(
      ([label, value]) =>
        fitsOnOneLine(label, labelWidth) && fitsOnOneLine(`: ${value}`, CONTENT_WIDTH - labelWidth),
    )
  );
}

function Rows({ rows, lang, columns }: { rows: readonly Row[]; lang: Lang; columns: boolean }) {
  const labelStyle = lang === "en" ? styles.labelEnglish : styles.label;
  if (columns && canDrawAsColumns(rows, lang)) {
    return (
      <View style={styles.row}>
        <Text style={labelStyle}>{rows.map(([label]) => label).join("\n")}</Text>
        <Text style={styles.value}>{rows.map(([, value]) => `: ${value}`).join("\n")}</Text>
      </View>
    );
  }
  return (
    <>
      {rows.map(([label, value], index) => (
        <View key={`${index}-${label}`} style={styles.row} wrap={false}>
          <Text style={labelStyle}>{label}</Text>
          {/* The colon shares the value's node: one text node less per row is a sixth of the render time. */}
          <Text style={styles.value}>: {value}</Text>
        </View>
      ))}
    </>
  );
}

export type ReceiptDocumentProps = {
  data: ReceiptData;
  lang?: Lang;
  /**
   * Lay the page out as one page without pagination, a fifth of the render time (issue 13 item 2);
   * render.ts checks the laid-out height through onRender and renders again with pages when the
   * receipt is longer than one.
   */
  onePage?: boolean;
  onRender?: DocumentProps["onRender"];
};

/** The manual's 利用者情報登録結果 printout (R41), in Japanese or English (issue 11 item 7). */
export function ReceiptDocument({ data, lang = "ja", onePage = false, onRender }: ReceiptDocumentProps) {
  const layout = receiptLayout(data, lang);
  return (
    <Document
      title={`${layout.title} ${data.number}`}
      author="埼玉県電子入札共同システム"
      language={lang}
      onRender={onRender}
    >
      <Page size="A4" style={onePage ? [styles.page, styles.onePage] : styles.page} wrap={!onePage}>
        <Text style={styles.title}>{layout.title}</Text>
        <VerificationBlock data={data} lang={lang} />
        <View style={styles.header}>
          <Rows rows={layout.header} lang={lang} columns={onePage} />
        </View>
        {layout.sections.map((section) => (
          <View key={section.heading}>
            <Text style={styles.section}>{section.heading}</Text>
            <Rows rows={section.rows} lang={lang} columns={onePage} />
          </View>
        ))}
        <View style={styles.notes}>
          <Text>{layout.propagation}</Text>
          <Text style={styles.reminder}>{layout.reminder}</Text>
        </View>
      </Page>
    </Document>
  );
}
