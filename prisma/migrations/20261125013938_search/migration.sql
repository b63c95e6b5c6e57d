-- CreateTable
CREATE TABLE "search_documents" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "articleId" TEXT,
    "entityId" TEXT,
    "tsv" tsvector NOT NULL,
    "head" tsvector,
    "names" TEXT NOT NULL DEFAULT '',
    "public" BOOLEAN NOT NULL DEFAULT false,
    "sortDate" DATE NOT NULL DEFAULT '0001-01-01 00:00:00 +00:00',
    "outlet" TEXT,
    "entityIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
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
CREATE INDEX "search_documents_head_idx" ON "search_documents" USING GIN ("head");

-- CreateIndex
CREATE INDEX "search_documents_entityIds_idx" ON "search_documents" USING GIN ("entityIds");

-- CreateIndex
CREATE INDEX "search_documents_sortDate_idx" ON "search_documents"("sortDate" DESC);

-- CreateIndex
CREATE INDEX "entity_aliases_normalized_trgm_idx" ON "entity_aliases" USING GIN ("normalized" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "entities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Copies kept in step by triggers, in the same transaction as the write that changes
-- them: whether a record is public (the rules of lib/db/published.ts: an article is
-- published; an entity is published and not merged away), an article's date and
-- outlet, and the entities its confirmed passages name. Public search still joins the
-- records' own state before showing anything; these copies let it count and facet a
-- large match set from this table alone.
CREATE FUNCTION sijill_search_article_copy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "search_documents"
     SET "public" = (NEW."state" = 'published'), "sortDate" = coalesce(NEW."publishedOn", DATE '0001-01-01'), "outlet" = NEW."outlet"
   WHERE "articleId" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "articles_search_copy" AFTER UPDATE OF "state", "publishedOn", "outlet" ON "articles"
  FOR EACH ROW EXECUTE FUNCTION sijill_search_article_copy();

CREATE FUNCTION sijill_search_entity_copy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "search_documents"
     SET "public" = (NEW."state" = 'published' AND NEW."mergedIntoId" IS NULL)
   WHERE "entityId" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "entities_search_copy" AFTER UPDATE OF "state", "mergedIntoId" ON "entities"
  FOR EACH ROW EXECUTE FUNCTION sijill_search_entity_copy();

-- the entities an article's confirmed passages name, after any change to its passages
CREATE FUNCTION sijill_search_mentions_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "search_documents" d
     SET "entityIds" = coalesce((SELECT array_agg(DISTINCT m."entityId" ORDER BY m."entityId") FROM "mentions" m
                                  WHERE m."articleId" = d."articleId" AND m."state" = 'confirmed'), ARRAY[]::text[])
   WHERE d."articleId" IN (SELECT DISTINCT "articleId" FROM changed);
  RETURN NULL;
END $$;

CREATE FUNCTION sijill_search_mentions_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "search_documents" d
     SET "entityIds" = coalesce((SELECT array_agg(DISTINCT m."entityId" ORDER BY m."entityId") FROM "mentions" m
                                  WHERE m."articleId" = d."articleId" AND m."state" = 'confirmed'), ARRAY[]::text[])
   WHERE d."articleId" IN (SELECT DISTINCT "articleId" FROM gone);
  RETURN NULL;
END $$;

CREATE TRIGGER "mentions_search_insert" AFTER INSERT ON "mentions"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION sijill_search_mentions_new();
CREATE TRIGGER "mentions_search_update" AFTER UPDATE ON "mentions"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION sijill_search_mentions_new();
CREATE TRIGGER "mentions_search_delete" AFTER DELETE ON "mentions"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION sijill_search_mentions_old();
