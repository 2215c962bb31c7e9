// (Re)generates the demo PKI: `npx tsx kiosk/pki/cli.ts [--dir <folder>]`. Prints what it made,
// never the PINs (they are in DEMO-DATA.md for the people who need them).
import { kioskConfig } from "../config";
import { generateDemoPki } from "./demo-pki";

function dirArgument(argv: string[]): string | undefined {
  const index = argv.indexOf("--dir");
  if (index === -1) return undefined;
  const value = argv[index + 1];
  if (!value) throw new Error("--dir needs a folder");
  return value;
}

// stdout is this tool's output; console.log is kept out of kiosk/ by the lint rules.
function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const dir = dirArgument(process.argv.slice(2)) ?? kioskConfig().pkiDir;
  const pki = await generateDemoPki({ dir });
  print(`Demo PKI written to ${pki.dir}`);
  for (const ca of pki.cas) {
    const trust = ca.trustAnchorPath ? `trust anchor ${ca.trustAnchorPath}` : "not trusted (no trust anchor)";
    print(`  CA ${ca.subject}  ${trust}`);
  }
  for (const card of pki.cards) {
    const validity = `${card.notBefore.toISOString().slice(0, 10)} … ${card.notAfter.toISOString().slice(0, 10)}`;
    print(`  ${card.label}  ${card.holder}  serial ${card.serialNumber}  ${validity}  ${card.issuer}`);
  }
  // The validation extras are not virtual-reader cards: they exist for R18's tests and checks.
  const { validation } = pki;
  print(`  intermediate CA (INTERMEDIATE_CA_FILES): ${validation.intermediateCaFiles.join(",")}`);
  print(`  CRL of the LGPKI-like CA (CRL_SOURCES): ${validation.crlFiles.join(",")}`);
  for (const card of validation.cards) {
    print(`  ${card.label}  serial ${card.serialNumber}  ${card.issuer}  ${card.certificatePath}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
