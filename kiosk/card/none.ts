// CARD_DRIVER=none: a server without a reader (a desk PC running the staff console). Its kiosk
// pages say so and start no visit; should anything still ask the card layer, there is never a card.
import { CardError, type CardReader, type ReaderStatus } from "./types";

const NO_READER_ID = "none";

function noReader(): never {
  throw new CardError({ code: "noReader" });
}

export const NO_CARD_READER: CardReader = {
  driver: "none",
  listReaders: async () => [],
  status: async (): Promise<ReaderStatus> => ({ present: false, readerId: NO_READER_ID }),
  watch: () => () => {},
  readCertificate: async () => noReader(),
  pinStatus: async () => noReader(),
  sign: async () => noReader(),
};
