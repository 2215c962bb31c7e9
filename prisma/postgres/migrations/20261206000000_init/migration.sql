-- The PostgreSQL baseline (issue 10): the whole model as of the SQLite migrations up to
-- 20261126200000_staff_operations, from `prisma migrate diff --from-empty --to-schema-datamodel
-- prisma/postgres/schema.prisma`, plus the audit chain's head row that migration inserts.

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "goods" BOOLEAN NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Qualification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "officialName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "passwordChangedAt" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "successorUserId" TEXT,
    "companyName" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "representativeName" TEXT NOT NULL,
    "representativeTitle" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "fax" TEXT NOT NULL,
    "departmentName" TEXT NOT NULL DEFAULT '',
    "delegated" BOOLEAN NOT NULL DEFAULT false,
    "previousCompany" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Qualification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualificationAgency" (
    "qualificationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,

    CONSTRAINT "QualificationAgency_pkey" PRIMARY KEY ("qualificationId","agencyId")
);

-- CreateTable
CREATE TABLE "UserRegistration" (
    "id" TEXT NOT NULL,
    "qualificationId" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "personName" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "fax" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UserRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CardRegistration" (
    "id" TEXT NOT NULL,
    "qualificationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "serialNumber" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "notBefore" TIMESTAMPTZ(3) NOT NULL,
    "notAfter" TIMESTAMPTZ(3) NOT NULL,
    "holderName" TEXT NOT NULL,
    "holderAddress" TEXT NOT NULL,
    "companyOnCard" TEXT NOT NULL,
    "certificatePem" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "personName" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "fax" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "replacedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CardRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencyRegistration" (
    "cardRegistrationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "reflectedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "receiptId" TEXT,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AgencyRegistration_pkey" PRIMARY KEY ("cardRegistrationId","agencyId")
);

-- CreateTable
CREATE TABLE "PropagationTask" (
    "id" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "cardRegistrationId" TEXT NOT NULL,
    "receiptId" TEXT NOT NULL,
    "sourceAgencyId" TEXT NOT NULL,
    "targetAgencyId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "appliedAt" TIMESTAMPTZ(3),
    "batchRunId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PropagationTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KioskSession" (
    "id" TEXT NOT NULL,
    "terminalId" TEXT NOT NULL,
    "terminalOpeningId" TEXT,
    "agencyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "cardFingerprint" TEXT,
    "card" JSONB,
    "cardProvenAt" TIMESTAMPTZ(3),
    "qualificationId" TEXT,
    "qualificationMatchedAt" TIMESTAMPTZ(3),
    "newCard" JSONB,
    "newCardFingerprint" TEXT,
    "newCardProvenAt" TIMESTAMPTZ(3),
    "receiptId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "KioskSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CardNonce" (
    "id" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "kioskSessionId" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CardNonce_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchAttempt" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "terminalId" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Receipt" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "cardRegistrationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "terminalId" TEXT NOT NULL,
    "terminalOpeningId" TEXT,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Receipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "receiptId" TEXT,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "providerMessageId" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "terminalId" TEXT NOT NULL,
    "kioskSessionId" TEXT,
    "staffLogin" TEXT,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "userId" TEXT,
    "detail" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" TEXT NOT NULL,
    "login" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL,
    "staffUserId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Terminal" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Terminal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TerminalOpening" (
    "id" TEXT NOT NULL,
    "terminalId" TEXT NOT NULL,
    "openKey" TEXT,
    "openedById" TEXT NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "overrideReason" TEXT,
    "closedAt" TIMESTAMPTZ(3),
    "closedById" TEXT,

    CONSTRAINT "TerminalOpening_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BatchRun" (
    "id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "status" TEXT NOT NULL DEFAULT 'running',
    "applied" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "runKey" TEXT,

    CONSTRAINT "BatchRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualificationImport" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "created" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "importedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QualificationImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Agency_code_key" ON "Agency"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Qualification_userId_kind_key" ON "Qualification"("userId", "kind");

-- CreateIndex
CREATE INDEX "QualificationAgency_agencyId_idx" ON "QualificationAgency"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "UserRegistration_qualificationId_key" ON "UserRegistration"("qualificationId");

-- CreateIndex
CREATE UNIQUE INDEX "CardRegistration_replacedById_key" ON "CardRegistration"("replacedById");

-- CreateIndex
CREATE INDEX "CardRegistration_fingerprint_idx" ON "CardRegistration"("fingerprint");

-- CreateIndex
CREATE INDEX "CardRegistration_qualificationId_status_idx" ON "CardRegistration"("qualificationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CardRegistration_issuer_serialNumber_kind_key" ON "CardRegistration"("issuer", "serialNumber", "kind");

-- CreateIndex
CREATE INDEX "PropagationTask_status_createdAt_idx" ON "PropagationTask"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PropagationTask_receiptId_targetAgencyId_key" ON "PropagationTask"("receiptId", "targetAgencyId");

-- CreateIndex
CREATE UNIQUE INDEX "KioskSession_receiptId_key" ON "KioskSession"("receiptId");

-- CreateIndex
CREATE UNIQUE INDEX "CardNonce_value_key" ON "CardNonce"("value");

-- CreateIndex
CREATE INDEX "SearchAttempt_userId_createdAt_idx" ON "SearchAttempt"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "SearchAttempt_terminalId_createdAt_idx" ON "SearchAttempt"("terminalId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Receipt_number_key" ON "Receipt"("number");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_idempotencyKey_key" ON "OutboxEmail"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_nextAttemptAt_idx" ON "OutboxEmail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_createdAt_idx" ON "OutboxEmail"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_seq_key" ON "AuditLog"("seq");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

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

-- AddForeignKey
ALTER TABLE "QualificationAgency" ADD CONSTRAINT "QualificationAgency_qualificationId_fkey" FOREIGN KEY ("qualificationId") REFERENCES "Qualification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualificationAgency" ADD CONSTRAINT "QualificationAgency_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRegistration" ADD CONSTRAINT "UserRegistration_qualificationId_fkey" FOREIGN KEY ("qualificationId") REFERENCES "Qualification"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardRegistration" ADD CONSTRAINT "CardRegistration_qualificationId_fkey" FOREIGN KEY ("qualificationId") REFERENCES "Qualification"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardRegistration" ADD CONSTRAINT "CardRegistration_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardRegistration" ADD CONSTRAINT "CardRegistration_replacedById_fkey" FOREIGN KEY ("replacedById") REFERENCES "CardRegistration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyRegistration" ADD CONSTRAINT "AgencyRegistration_cardRegistrationId_fkey" FOREIGN KEY ("cardRegistrationId") REFERENCES "CardRegistration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyRegistration" ADD CONSTRAINT "AgencyRegistration_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PropagationTask" ADD CONSTRAINT "PropagationTask_cardRegistrationId_fkey" FOREIGN KEY ("cardRegistrationId") REFERENCES "CardRegistration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PropagationTask" ADD CONSTRAINT "PropagationTask_receiptId_fkey" FOREIGN KEY ("receiptId") REFERENCES "Receipt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PropagationTask" ADD CONSTRAINT "PropagationTask_sourceAgencyId_fkey" FOREIGN KEY ("sourceAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PropagationTask" ADD CONSTRAINT "PropagationTask_targetAgencyId_fkey" FOREIGN KEY ("targetAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PropagationTask" ADD CONSTRAINT "PropagationTask_batchRunId_fkey" FOREIGN KEY ("batchRunId") REFERENCES "BatchRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KioskSession" ADD CONSTRAINT "KioskSession_terminalOpeningId_fkey" FOREIGN KEY ("terminalOpeningId") REFERENCES "TerminalOpening"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KioskSession" ADD CONSTRAINT "KioskSession_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KioskSession" ADD CONSTRAINT "KioskSession_receiptId_fkey" FOREIGN KEY ("receiptId") REFERENCES "Receipt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardNonce" ADD CONSTRAINT "CardNonce_kioskSessionId_fkey" FOREIGN KEY ("kioskSessionId") REFERENCES "KioskSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Receipt" ADD CONSTRAINT "Receipt_cardRegistrationId_fkey" FOREIGN KEY ("cardRegistrationId") REFERENCES "CardRegistration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Receipt" ADD CONSTRAINT "Receipt_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Receipt" ADD CONSTRAINT "Receipt_terminalOpeningId_fkey" FOREIGN KEY ("terminalOpeningId") REFERENCES "TerminalOpening"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_receiptId_fkey" FOREIGN KEY ("receiptId") REFERENCES "Receipt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TerminalOpening" ADD CONSTRAINT "TerminalOpening_terminalId_fkey" FOREIGN KEY ("terminalId") REFERENCES "Terminal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TerminalOpening" ADD CONSTRAINT "TerminalOpening_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TerminalOpening" ADD CONSTRAINT "TerminalOpening_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit chain starts empty: seq 0, no hash (app/_server/audit/append.ts bumps it first).
INSERT INTO "AuditChainHead" ("id", "seq", "hash") VALUES (1, 0, '');
