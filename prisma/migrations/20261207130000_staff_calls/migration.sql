-- 係員を呼ぶ and each terminal's current screen (issue 11 item 6).
-- CreateTable
CREATE TABLE "StaffCall" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "terminalId" TEXT NOT NULL,
    "kioskSessionId" TEXT,
    "screen" TEXT NOT NULL,
    "screenLabel" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openKey" TEXT,
    "handledAt" DATETIME,
    "handledBy" TEXT
);

-- CreateTable
CREATE TABLE "TerminalScreen" (
    "terminalId" TEXT NOT NULL PRIMARY KEY,
    "screen" TEXT NOT NULL,
    "screenLabel" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffCall_openKey_key" ON "StaffCall"("openKey");

-- CreateIndex
CREATE INDEX "StaffCall_handledAt_createdAt_idx" ON "StaffCall"("handledAt", "createdAt");
