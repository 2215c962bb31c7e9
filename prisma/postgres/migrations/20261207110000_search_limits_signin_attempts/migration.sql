-- Issue 11 (R11, R33): searches counted per visit, staff lifting a user ID's search lock, staff
-- sign-in attempts claimed before their password is checked.

-- AlterTable
ALTER TABLE "SearchAttempt" ADD COLUMN     "kioskSessionId" TEXT;

-- CreateTable
CREATE TABLE "SearchLockLift" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "staffLogin" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "liftedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchLockLift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffSignInAttempt" (
    "id" TEXT NOT NULL,
    "login" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffSignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchLockLift_userId_liftedAt_idx" ON "SearchLockLift"("userId", "liftedAt");

-- CreateIndex
CREATE INDEX "StaffSignInAttempt_login_createdAt_idx" ON "StaffSignInAttempt"("login", "createdAt");

-- CreateIndex
CREATE INDEX "SearchAttempt_kioskSessionId_idx" ON "SearchAttempt"("kioskSessionId");

