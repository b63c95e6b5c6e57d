// One schema.org JSON-LD block. The JSON is escaped for an inline script
// (serializeJsonLd writes `<` as \u003c), so no text from the archive can close the
// element or inject markup.
import { serializeJsonLd, type JsonLd as JsonLdData } from "@/lib/seo/json-ld";

export function JsonLd({ data }: { data: JsonLdData }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
