-- CreateTable
CREATE TABLE "search_documents" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "articleId" TEXT,
    "entityId" TEXT,
    "tsv" tsvector NOT NULL,
    "names" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_documents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "search_documents_articleId_key" ON "search_documents"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "search_documents_entityId_key" ON "search_documents"("entityId");

-- CreateIndex
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING GIN ("tsv");

-- CreateIndex
CREATE INDEX "search_documents_names_idx" ON "search_documents" USING GIN ("names" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "search_documents_kind_idx" ON "search_documents"("kind");

-- CreateIndex
CREATE INDEX "entity_aliases_normalized_trgm_idx" ON "entity_aliases" USING GIN ("normalized" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "entities"("id") ON DELETE CASCADE ON UPDATE CASCADE;
