-- CreateEnum
CREATE TYPE "AdviceKind" AS ENUM ('REQUESTED', 'UNSOLICITED');

-- CreateEnum
CREATE TYPE "AdviceStatus" AS ENUM ('AWAITING_RESPONSE', 'RESPONDED');

-- CreateEnum
CREATE TYPE "AdviceAdoption" AS ENUM ('FULLY', 'PARTLY', 'NOT_ADOPTED');

-- CreateTable
CREATE TABLE "PanelMember" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "joinedOn" DATE,
    "leftOn" DATE,
    "consentGivenOn" DATE,
    "consentScope" TEXT,
    "consentWithdrawnOn" DATE,
    "notes" TEXT,
    "profileCiphertext" TEXT,
    "erasedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PanelMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelMeeting" (
    "id" UUID NOT NULL,
    "heldOn" DATE NOT NULL,
    "topic" TEXT NOT NULL,
    "place" TEXT,
    "attendance" INTEGER,
    "minutes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PanelMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Advice" (
    "id" UUID NOT NULL,
    "kind" "AdviceKind" NOT NULL,
    "topic" TEXT NOT NULL,
    "givenOn" DATE NOT NULL,
    "content" TEXT NOT NULL,
    "status" "AdviceStatus" NOT NULL DEFAULT 'AWAITING_RESPONSE',
    "responseDueOn" DATE,
    "response" TEXT,
    "respondedOn" DATE,
    "adoption" "AdviceAdoption",
    "meetingId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Advice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdviceAction" (
    "adviceId" UUID NOT NULL,
    "actionId" UUID NOT NULL,

    CONSTRAINT "AdviceAction_pkey" PRIMARY KEY ("adviceId","actionId")
);

-- CreateTable
CREATE TABLE "AdviceTheme" (
    "adviceId" UUID NOT NULL,
    "themeId" UUID NOT NULL,

    CONSTRAINT "AdviceTheme_pkey" PRIMARY KEY ("adviceId","themeId")
);

-- CreateIndex
CREATE INDEX "PanelMeeting_heldOn_idx" ON "PanelMeeting"("heldOn");

-- CreateIndex
CREATE INDEX "Advice_status_idx" ON "Advice"("status");

-- CreateIndex
CREATE INDEX "Advice_meetingId_idx" ON "Advice"("meetingId");

-- CreateIndex
CREATE INDEX "Advice_givenOn_idx" ON "Advice"("givenOn");

-- CreateIndex
CREATE INDEX "AdviceAction_actionId_idx" ON "AdviceAction"("actionId");

-- CreateIndex
CREATE INDEX "AdviceTheme_themeId_idx" ON "AdviceTheme"("themeId");

-- AddForeignKey
ALTER TABLE "Advice" ADD CONSTRAINT "Advice_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "PanelMeeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviceAction" ADD CONSTRAINT "AdviceAction_adviceId_fkey" FOREIGN KEY ("adviceId") REFERENCES "Advice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviceAction" ADD CONSTRAINT "AdviceAction_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviceTheme" ADD CONSTRAINT "AdviceTheme_adviceId_fkey" FOREIGN KEY ("adviceId") REFERENCES "Advice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviceTheme" ADD CONSTRAINT "AdviceTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
