import "server-only";
import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ContactView, ReceiptData } from "@/app/_shared/contracts";
import { KIND_LABELS } from "@/app/_shared/kinds";
import { RECEIPT_FONT } from "./font";
import { formatExpiry, formatIssuedAt, formatSerial, RECEIPT_TITLES } from "./format";

const styles = StyleSheet.create({
  page: {
    fontFamily: RECEIPT_FONT,
    fontSize: 9.5,
    paddingVertical: 36,
    paddingHorizontal: 44,
    lineHeight: 1.45,
  },
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
  label: { width: 150 },
  colon: { width: 12 },
  value: { flex: 1 },
  notes: { marginTop: 12, paddingTop: 6, borderTopWidth: 1, borderTopColor: "#000" },
  reminder: { marginTop: 6, fontSize: 11, textAlign: "center" },
});

type Row = readonly [label: string, value: string];

function Rows({ rows }: { rows: readonly Row[] }) {
  return (
    <>
      {rows.map(([label, value], index) => (
        <View key={`${index}-${label}`} style={styles.row} wrap={false}>
          <Text style={styles.label}>{label}</Text>
          <Text style={styles.colon}>:</Text>
          <Text style={styles.value}>{value}</Text>
        </View>
      ))}
    </>
  );
}

function contactRows(contact: ContactView): Row[] {
  return [
    ["連絡先名称(部署名等)", contact.contactName],
    ["連絡先郵便番号", contact.postalCode],
    ["連絡先住所", contact.address],
    ["連絡先氏名", contact.personName],
    ["連絡先電話番号", contact.phone],
    ["連絡先FAX番号", contact.fax],
    ["連絡先メールアドレス", contact.email],
  ];
}

function propagationLine(propagatesTo: readonly string[]): string {
  if (propagatesTo.length === 0) return "他の調達機関への反映はありません。";
  return `翌日、他の調達機関にも反映されます: ${propagatesTo.join("、")}`;
}

/** The manual's 利用者情報登録結果 printout, rows in the manual's order (R41). */
export function ReceiptDocument({ data }: { data: ReceiptData }) {
  const title = RECEIPT_TITLES[data.operation];
  const { company, card } = data;
  return (
    <Document title={`${title} ${data.number}`} author="埼玉県電子入札共同システム" language="ja">
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{title}</Text>
        <View style={styles.header}>
          <Rows
            rows={[
              ["受付番号", data.number],
              ["発行日時", formatIssuedAt(data.issuedAt)],
              ["調達機関", data.agency.name],
              ["業務区分", KIND_LABELS[data.kind]],
              ["ユーザID", data.userId],
            ]}
          />
        </View>
        <Text style={styles.section}>利用者情報</Text>
        <Rows
          rows={[
            ["業者名", company.companyName],
            ["企業郵便番号", company.postalCode],
            ["企業住所", company.address],
            ["代表者等氏名", company.representativeName],
            ["代表者等役職", company.representativeTitle],
            ["代表者等電話番号", company.phone],
            ["代表者等FAX番号", company.fax],
            ["部署名", company.departmentName],
          ]}
        />
        <Text style={styles.section}>代表窓口情報</Text>
        <Rows rows={contactRows(data.representative)} />
        <Text style={styles.section}>ICカード利用部署情報</Text>
        <Rows
          rows={[
            ["ICカード企業名称", card.companyOnCard],
            ["ICカード取得者氏名", card.holderName],
            ["ICカード取得者住所", card.holderAddress],
            ...contactRows(data.department),
          ]}
        />
        <Text style={styles.section}>ICカード情報</Text>
        <Rows
          rows={[
            ["証明書シリアル番号", formatSerial(card.serialDecimal, card.serialHex)],
            ["証明書発行者", card.issuer],
            ["証明書有効期限", formatExpiry(card.notAfter)],
          ]}
        />
        <View style={styles.notes}>
          <Text>{propagationLine(data.propagatesTo)}</Text>
          <Text style={styles.reminder}>ICカードの取り忘れにご注意ください</Text>
        </View>
      </Page>
    </Document>
  );
}
