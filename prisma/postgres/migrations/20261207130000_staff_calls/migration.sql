-- 係員を呼ぶ and each terminal's current screen (issue 11 item 6).
-- CreateTable
CREATE TABLE "StaffCall" (
    "id" TEXT NOT NULL,
    "terminalId" TEXT NOT NULL,
    "kioskSessionId" TEXT,
    "screen" TEXT NOT NULL,
    "screenLabel" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openKey" TEXT,
    "handledAt" TIMESTAMPTZ(3),
    "handledBy" TEXT,

    CONSTRAINT "StaffCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TerminalScreen" (
    "terminalId" TEXT NOT NULL,
    "screen" TEXT NOT NULL,
    "screenLabel" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TerminalScreen_pkey" PRIMARY KEY ("terminalId")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffCall_openKey_key" ON "StaffCall"("openKey");

-- CreateIndex
CREATE INDEX "StaffCall_handledAt_createdAt_idx" ON "StaffCall"("handledAt", "createdAt");
