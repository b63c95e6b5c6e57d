-- CreateTable
CREATE TABLE "entity_merges" (
    "id" TEXT NOT NULL,
    "survivorId" TEXT NOT NULL,
    "mergedId" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),
    "undoneById" TEXT,
    "moves" JSONB NOT NULL,

    CONSTRAINT "entity_merges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "entity_merges_survivorId_idx" ON "entity_merges"("survivorId");

-- CreateIndex
CREATE INDEX "entity_merges_mergedId_idx" ON "entity_merges"("mergedId");
