-- An article's outlet and year as index terms ("outlet:القبس", "year:2019") in its
-- whole-text and head vectors, so a search filtered by outlet or year is answered by
-- the GIN index alone (the word's articles met the filter's inside the index) instead
-- of reading every matching row to test its outlet. Kept in step like the other
-- copies: written with the row, and refreshed by the article trigger when the outlet or
-- the date changes.
CREATE FUNCTION sijill_search_tags(outlet text, published date) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
  SELECT array_to_tsvector(array_remove(ARRAY['outlet:' || outlet, 'year:' || extract(year FROM published)::int], NULL))
$$;

CREATE OR REPLACE FUNCTION sijill_search_article_copy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "search_documents"
     SET "public" = (NEW."state" = 'published'), "sortDate" = coalesce(NEW."publishedOn", DATE '0001-01-01'), "outlet" = NEW."outlet"
   WHERE "articleId" = NEW."id";
  IF NEW."outlet" IS DISTINCT FROM OLD."outlet" OR NEW."publishedOn" IS DISTINCT FROM OLD."publishedOn" THEN
    UPDATE "search_documents"
       SET "tsv" = ts_delete("tsv", tsvector_to_array(sijill_search_tags(OLD."outlet", OLD."publishedOn"))) || sijill_search_tags(NEW."outlet", NEW."publishedOn"),
           "head" = ts_delete(coalesce("head", ''::tsvector), tsvector_to_array(sijill_search_tags(OLD."outlet", OLD."publishedOn"))) || sijill_search_tags(NEW."outlet", NEW."publishedOn")
     WHERE "articleId" = NEW."id";
  END IF;
  RETURN NULL;
END $$;

UPDATE "search_documents" d
   SET "tsv" = d."tsv" || sijill_search_tags(a."outlet", a."publishedOn"),
       "head" = coalesce(d."head", ''::tsvector) || sijill_search_tags(a."outlet", a."publishedOn")
  FROM "articles" a
 WHERE d."articleId" = a."id";
