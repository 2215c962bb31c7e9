-- Renewal reminders (issue 13 item 4): one row per card and threshold (60/30/7 days) the nightly
-- batch dealt with — the unique key keeps it once per threshold across reruns and servers — and
-- the count of reminders each batch run queued.
-- AlterTable
ALTER TABLE "BatchRun" ADD COLUMN "reminders" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "RenewalReminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cardRegistrationId" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "outboxEmailId" TEXT,
    "batchRunId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RenewalReminder_cardRegistrationId_fkey" FOREIGN KEY ("cardRegistrationId") REFERENCES "CardRegistration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CardRegistration_status_notAfter_idx" ON "CardRegistration"("status", "notAfter");

-- CreateIndex
CREATE UNIQUE INDEX "RenewalReminder_cardRegistrationId_threshold_key" ON "RenewalReminder"("cardRegistrationId", "threshold");
