-- R32: a card left in the reader becomes a staff call (issue 11): the call's reason, and one call per insertion.
-- AlterTable
ALTER TABLE "StaffCall" ADD COLUMN     "cardLeftInsertionId" TEXT,
ADD COLUMN     "reason" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "StaffCall_cardLeftInsertionId_key" ON "StaffCall"("cardLeftInsertionId");
