-- The audit chain's key id per row (issue 12 item 4); null = a row hashed before the key.
-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN "keyId" TEXT;
