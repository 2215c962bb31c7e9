-- AlterTable
ALTER TABLE "KioskSession" ADD COLUMN "cardLeftInsertionId" TEXT;

-- CreateIndex
CREATE INDEX "KioskSession_terminalId_createdAt_idx" ON "KioskSession"("terminalId", "createdAt");

