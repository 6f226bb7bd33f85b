-- CreateEnum
CREATE TYPE "RoleGrantState" AS ENUM ('PENDING', 'CONFIRMED', 'REFUSED');

-- DropForeignKey
ALTER TABLE "SubsidyTransition" DROP CONSTRAINT "SubsidyTransition_applicationId_fkey";

-- DropForeignKey
ALTER TABLE "SubsidyPayment" DROP CONSTRAINT "SubsidyPayment_applicationId_fkey";

-- AlterTable
ALTER TABLE "SubsidyTransition" ADD COLUMN     "requestHash" TEXT;

-- CreateTable
CREATE TABLE "RoleGrant" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "state" "RoleGrantState" NOT NULL DEFAULT 'PENDING',
    "reason" TEXT NOT NULL,
    "requestedById" UUID,
    "requestedByLabel" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedByLabel" TEXT,
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "RoleGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RoleGrant_userId_role_state_idx" ON "RoleGrant"("userId", "role", "state");

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubsidyTransition" ADD CONSTRAINT "SubsidyTransition_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SubsidyApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubsidyPayment" ADD CONSTRAINT "SubsidyPayment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SubsidyApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
