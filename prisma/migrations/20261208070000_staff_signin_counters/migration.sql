-- Staff sign-in throttle as counters (issue 12 item 5): one row per login (keyed hash) and per source address.
-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "StaffSignInAttempt";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "StaffSignInCounter" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStartedAt" DATETIME NOT NULL,
    "lockedUntil" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "StaffSignInCounter_lockedUntil_idx" ON "StaffSignInCounter"("lockedUntil");

