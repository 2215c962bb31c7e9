-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "goods" BOOLEAN NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Qualification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "officialName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "passwordChangedAt" DATETIME NOT NULL,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "QualificationAgency" (
    "qualificationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,

    PRIMARY KEY ("qualificationId", "agencyId"),
    CONSTRAINT "QualificationAgency_qualificationId_fkey" FOREIGN KEY ("qualificationId") REFERENCES "Qualification" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QualificationAgency_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UserRegistration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "qualificationId" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "personName" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "fax" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "UserRegistration_qualificationId_fkey" FOREIGN KEY ("qualificationId") REFERENCES "Qualification" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CardRegistration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "qualificationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "serialNumber" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "notBefore" DATETIME NOT NULL,
    "notAfter" DATETIME NOT NULL,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CardRegistration_qualificationId_fkey" FOREIGN KEY ("qualificationId") REFERENCES "Qualification" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CardRegistration_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CardRegistration_replacedById_fkey" FOREIGN KEY ("replacedById") REFERENCES "CardRegistration" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgencyRegistration" (
    "cardRegistrationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "reflectedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("cardRegistrationId", "agencyId"),
    CONSTRAINT "AgencyRegistration_cardRegistrationId_fkey" FOREIGN KEY ("cardRegistrationId") REFERENCES "CardRegistration" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgencyRegistration_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PropagationTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "operation" TEXT NOT NULL,
    "cardRegistrationId" TEXT NOT NULL,
    "receiptId" TEXT NOT NULL,
    "sourceAgencyId" TEXT NOT NULL,
    "targetAgencyId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "appliedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PropagationTask_cardRegistrationId_fkey" FOREIGN KEY ("cardRegistrationId") REFERENCES "CardRegistration" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PropagationTask_receiptId_fkey" FOREIGN KEY ("receiptId") REFERENCES "Receipt" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PropagationTask_sourceAgencyId_fkey" FOREIGN KEY ("sourceAgencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PropagationTask_targetAgencyId_fkey" FOREIGN KEY ("targetAgencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KioskSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "terminalId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "cardFingerprint" TEXT,
    "card" JSONB,
    "cardProvenAt" DATETIME,
    "qualificationId" TEXT,
    "qualificationMatchedAt" DATETIME,
    "receiptId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "KioskSession_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "KioskSession_receiptId_fkey" FOREIGN KEY ("receiptId") REFERENCES "Receipt" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CardNonce" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "kioskSessionId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CardNonce_kioskSessionId_fkey" FOREIGN KEY ("kioskSessionId") REFERENCES "KioskSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SearchAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "terminalId" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Receipt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "cardRegistrationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "terminalId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Receipt_cardRegistrationId_fkey" FOREIGN KEY ("cardRegistrationId") REFERENCES "CardRegistration" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Receipt_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idempotencyKey" TEXT NOT NULL,
    "receiptId" TEXT,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "providerMessageId" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OutboxEmail_receiptId_fkey" FOREIGN KEY ("receiptId") REFERENCES "Receipt" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "terminalId" TEXT NOT NULL,
    "kioskSessionId" TEXT,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "userId" TEXT,
    "detail" JSONB
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
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");
