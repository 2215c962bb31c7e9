-- Staff sign-in throttle as counters (issue 12 item 5): one row per login (keyed hash) and per source address.
-- DropTable
DROP TABLE "StaffSignInAttempt";

-- CreateTable
CREATE TABLE "StaffSignInCounter" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStartedAt" TIMESTAMPTZ(3) NOT NULL,
    "lockedUntil" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StaffSignInCounter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "StaffSignInCounter_lockedUntil_idx" ON "StaffSignInCounter"("lockedUntil");

