-- AlterTable
ALTER TABLE "KioskSession" ADD COLUMN "newCard" JSONB;
ALTER TABLE "KioskSession" ADD COLUMN "newCardFingerprint" TEXT;
ALTER TABLE "KioskSession" ADD COLUMN "newCardProvenAt" DATETIME;
