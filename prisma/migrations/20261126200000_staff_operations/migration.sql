-- Staff and operations (issue 5): staff sign-in and server-side sessions, terminal openings,
-- the audit hash chain, the nightly batch's runs, qualification imports.
-- Pre-release: no deployment holds audit rows yet, so the chain starts with this migration.
-- AlterTable
ALTER TABLE "AgencyRegistration" ADD COLUMN "endedAt" DATETIME;
ALTER TABLE "AgencyRegistration" ADD COLUMN "receiptId" TEXT;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "login" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "disabledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffUserId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StaffSession_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Terminal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "TerminalOpening" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "terminalId" TEXT NOT NULL,
    "openKey" TEXT,
    "openedById" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "overrideReason" TEXT,
    "closedAt" DATETIME,
    "closedById" TEXT,
    CONSTRAINT "TerminalOpening_terminalId_fkey" FOREIGN KEY ("terminalId") REFERENCES "Terminal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TerminalOpening_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "StaffUser" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TerminalOpening_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "StaffUser" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BatchRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trigger" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'running',
    "applied" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "runKey" TEXT
);

-- CreateTable
CREATE TABLE "QualificationImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "created" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "importedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PropagationTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "operation" TEXT NOT NULL,
    "cardRegistrationId" TEXT NOT NULL,
    "receiptId" TEXT NOT NULL,
    "sourceAgencyId" TEXT NOT NULL,
    "targetAgencyId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "appliedAt" DATETIME,
    "batchRunId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PropagationTask_cardRegistrationId_fkey" FOREIGN KEY ("cardRegistrationId") REFERENCES "CardRegistration" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PropagationTask_receiptId_fkey" FOREIGN KEY ("receiptId") REFERENCES "Receipt" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PropagationTask_sourceAgencyId_fkey" FOREIGN KEY ("sourceAgencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PropagationTask_targetAgencyId_fkey" FOREIGN KEY ("targetAgencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PropagationTask_batchRunId_fkey" FOREIGN KEY ("batchRunId") REFERENCES "BatchRun" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PropagationTask" ("appliedAt", "cardRegistrationId", "createdAt", "id", "operation", "receiptId", "sourceAgencyId", "status", "targetAgencyId") SELECT "appliedAt", "cardRegistrationId", "createdAt", "id", "operation", "receiptId", "sourceAgencyId", "status", "targetAgencyId" FROM "PropagationTask";
DROP TABLE "PropagationTask";
ALTER TABLE "new_PropagationTask" RENAME TO "PropagationTask";
CREATE INDEX "PropagationTask_status_createdAt_idx" ON "PropagationTask"("status", "createdAt");
CREATE UNIQUE INDEX "PropagationTask_receiptId_targetAgencyId_key" ON "PropagationTask"("receiptId", "targetAgencyId");
CREATE TABLE "new_KioskSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "terminalId" TEXT NOT NULL,
    "terminalOpeningId" TEXT,
    "agencyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "cardFingerprint" TEXT,
    "card" JSONB,
    "cardProvenAt" DATETIME,
    "qualificationId" TEXT,
    "qualificationMatchedAt" DATETIME,
    "newCard" JSONB,
    "newCardFingerprint" TEXT,
    "newCardProvenAt" DATETIME,
    "receiptId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "KioskSession_terminalOpeningId_fkey" FOREIGN KEY ("terminalOpeningId") REFERENCES "TerminalOpening" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "KioskSession_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "KioskSession_receiptId_fkey" FOREIGN KEY ("receiptId") REFERENCES "Receipt" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_KioskSession" ("agencyId", "card", "cardFingerprint", "cardProvenAt", "createdAt", "endedAt", "expiresAt", "id", "kind", "newCard", "newCardFingerprint", "newCardProvenAt", "qualificationId", "qualificationMatchedAt", "receiptId", "terminalId", "updatedAt") SELECT "agencyId", "card", "cardFingerprint", "cardProvenAt", "createdAt", "endedAt", "expiresAt", "id", "kind", "newCard", "newCardFingerprint", "newCardProvenAt", "qualificationId", "qualificationMatchedAt", "receiptId", "terminalId", "updatedAt" FROM "KioskSession";
DROP TABLE "KioskSession";
ALTER TABLE "new_KioskSession" RENAME TO "KioskSession";
CREATE UNIQUE INDEX "KioskSession_receiptId_key" ON "KioskSession"("receiptId");
CREATE TABLE "new_Receipt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "cardRegistrationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "terminalId" TEXT NOT NULL,
    "terminalOpeningId" TEXT,
    "data" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Receipt_cardRegistrationId_fkey" FOREIGN KEY ("cardRegistrationId") REFERENCES "CardRegistration" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Receipt_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Receipt_terminalOpeningId_fkey" FOREIGN KEY ("terminalOpeningId") REFERENCES "TerminalOpening" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Receipt" ("agencyId", "cardRegistrationId", "createdAt", "data", "id", "kind", "number", "operation", "terminalId") SELECT "agencyId", "cardRegistrationId", "createdAt", "data", "id", "kind", "number", "operation", "terminalId" FROM "Receipt";
DROP TABLE "Receipt";
ALTER TABLE "new_Receipt" RENAME TO "Receipt";
CREATE UNIQUE INDEX "Receipt_number_key" ON "Receipt"("number");
CREATE TABLE "new_AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "terminalId" TEXT NOT NULL,
    "kioskSessionId" TEXT,
    "staffLogin" TEXT,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "userId" TEXT,
    "detail" JSONB
);
INSERT INTO "new_AuditLog" ("action", "createdAt", "detail", "id", "kioskSessionId", "outcome", "terminalId", "userId") SELECT "action", "createdAt", "detail", "id", "kioskSessionId", "outcome", "terminalId", "userId" FROM "AuditLog";
DROP TABLE "AuditLog";
ALTER TABLE "new_AuditLog" RENAME TO "AuditLog";
CREATE UNIQUE INDEX "AuditLog_seq_key" ON "AuditLog"("seq");
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_login_key" ON "StaffUser"("login");

-- CreateIndex
CREATE INDEX "StaffSession_staffUserId_idx" ON "StaffSession"("staffUserId");

-- CreateIndex
CREATE UNIQUE INDEX "TerminalOpening_openKey_key" ON "TerminalOpening"("openKey");

-- CreateIndex
CREATE INDEX "TerminalOpening_terminalId_openedAt_idx" ON "TerminalOpening"("terminalId", "openedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BatchRun_runKey_key" ON "BatchRun"("runKey");

-- CreateIndex
CREATE INDEX "BatchRun_startedAt_idx" ON "BatchRun"("startedAt");

-- CreateIndex
CREATE INDEX "QualificationImport_createdAt_idx" ON "QualificationImport"("createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_createdAt_idx" ON "OutboxEmail"("createdAt");


-- the chain starts empty: seq 0, no previous hash
INSERT INTO "AuditChainHead" ("id", "seq", "hash") VALUES (1, 0, '');
