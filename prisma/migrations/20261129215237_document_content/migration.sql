-- CreateTable
CREATE TABLE "SubsidyDocumentChunk" (
    "documentId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "SubsidyDocumentChunk_pkey" PRIMARY KEY ("documentId","seq")
);

-- AddForeignKey
ALTER TABLE "SubsidyDocumentChunk" ADD CONSTRAINT "SubsidyDocumentChunk_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SubsidyDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;
