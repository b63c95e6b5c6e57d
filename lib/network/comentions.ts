// Pure: co-mention pairs from (article, entity) rows.

/** Pairs of entities confirmed in the same article, by number of articles, strongest first. */
export function comentionPairs(rows: { articleId: string; entityId: string }[]): { a: string; b: string; weight: number }[] {
  const byArticle = new Map<string, Set<string>>();
  for (const r of rows) {
    let set = byArticle.get(r.articleId);
    if (!set) byArticle.set(r.articleId, (set = new Set()));
    set.add(r.entityId);
  }
  const weights = new Map<string, number>();
  for (const set of byArticle.values()) {
    const ids = [...set].sort();
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
      const key = `${ids[i]}\u0000${ids[j]}`;
      weights.set(key, (weights.get(key) ?? 0) + 1);
    }
  }
  return [...weights]
    .map(([key, weight]) => {
      const [a, b] = key.split("\u0000") as [string, string];
      return { a, b, weight };
    })
    .sort((x, y) => y.weight - x.weight || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}
